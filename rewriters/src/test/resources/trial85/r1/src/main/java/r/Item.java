package r;
import jakarta.persistence.*;
@Entity
public class Item {
    @Id @GeneratedValue Long id;
    String name;
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String n) { name = n; }
}
