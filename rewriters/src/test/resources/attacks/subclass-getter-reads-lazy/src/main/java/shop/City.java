package shop;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
@Entity
@Inheritance
public class City {
    @Id
    protected Integer id;
    protected String name;
    public Integer getId() { return id; }
    public String getName() { return name; }
}
