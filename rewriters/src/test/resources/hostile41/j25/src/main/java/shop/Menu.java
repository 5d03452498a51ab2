package shop;
import jakarta.persistence.*;
@Entity
public class Menu {
    @Id private Integer id;
    private String title;
    @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "restaurant_id") private Restaurant restaurant;
    public Integer getId() { return id; }
    public String getTitle() { return title; }
    public void setTitle(String t) { title = t; }
    public Restaurant getRestaurant() { return restaurant; }
}
