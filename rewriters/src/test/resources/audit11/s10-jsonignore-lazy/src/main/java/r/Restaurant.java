package r;

import jakarta.persistence.*;
import java.util.List;

@Entity
public class Restaurant {
    @Id @GeneratedValue Integer id;
    String name;
    @OneToMany(mappedBy = "restaurant")
    List<Menu> menu;
    public Integer getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<Menu> getMenu() { return menu; }
}
