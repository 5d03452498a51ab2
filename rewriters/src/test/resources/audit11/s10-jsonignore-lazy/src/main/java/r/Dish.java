package r;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.persistence.*;

@Entity
public class Dish {
    @Id @GeneratedValue Integer id;
    String name;
    int price;
    @ManyToOne(fetch = FetchType.LAZY)
    @JsonIgnore
    Menu menu;
    public Integer getId() { return id; }
    public String getName() { return name; }
    public int getPrice() { return price; }
    public Menu getMenu() { return menu; }
}
