package r;
import jakarta.persistence.*;
// no associations at all
@Entity
public class Dish extends BaseEntity {
    private String name;
    private int price;
    protected Dish() {}
    public Dish(Integer id, String name, int price) { super(id); this.name = name; this.price = price; }
    public String getName() { return name; }
    public int getPrice() { return price; }
}
