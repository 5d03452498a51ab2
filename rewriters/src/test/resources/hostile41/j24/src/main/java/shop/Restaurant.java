package shop;
import jakarta.persistence.*;
@Entity
public class Restaurant {
    @Id private Integer id;
    private String name;
    public Integer getId() { return id; }
    public String getName() { return name; }
    public void setName(String n) { name = n; }
}
