package r;
import jakarta.persistence.*;
@Entity
public class Shop {
    @Id @GeneratedValue private Integer id;
    private String name;
    protected Shop() {}
    public Integer getId() { return id; }
    public String getName() { return name; }
}
