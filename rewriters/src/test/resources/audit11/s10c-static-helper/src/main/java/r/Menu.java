package r;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.*;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Menu {
    @Id @GeneratedValue Integer id;
    LocalDate date;
    @OneToMany(mappedBy = "menu", fetch = FetchType.EAGER)
    List<Dish> dishes = new ArrayList<>();
    @ManyToOne(fetch = FetchType.LAZY)
    @JsonIgnore
    Restaurant restaurant;
    public Integer getId() { return id; }
    public LocalDate getDate() { return date; }
    public List<Dish> getDishes() { return dishes; }
    public Restaurant getRestaurant() { return restaurant; }
    public void setRestaurant(Restaurant restaurant) { this.restaurant = restaurant; }
}
