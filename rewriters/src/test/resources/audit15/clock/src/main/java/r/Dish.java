package r;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

@Entity
public class Dish {
    @Id
    private Integer id;
    private String name;
    private LocalDate date;
    @ManyToOne(fetch = FetchType.LAZY)
    @JsonIgnore
    private Restaurant restaurant;

    public Integer getId() { return id; }
    public String getName() { return name; }
    public LocalDate getDate() { return date; }
    public Restaurant getRestaurant() { return restaurant; }
}
