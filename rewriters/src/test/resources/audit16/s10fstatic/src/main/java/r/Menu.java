package r;

import jakarta.persistence.*;
import java.time.LocalDate;

@Entity
public class Menu {
    @Id @GeneratedValue
    private Integer id;
    private LocalDate date;
    @ManyToOne(fetch = FetchType.LAZY)
    private Restaurant restaurant;
    public Integer getId() { return id; }
    public LocalDate getDate() { return date; }
    public Restaurant getRestaurant() { return restaurant; }
    public void setDate(LocalDate date) { this.date = date; }
}
