package shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Dish {
    @Id
    private Integer id;
    private String name;
    private Integer restaurantId;
    private java.time.LocalDate date;

    public Integer getId() { return id; }
    public String getName() { return name; }
}
