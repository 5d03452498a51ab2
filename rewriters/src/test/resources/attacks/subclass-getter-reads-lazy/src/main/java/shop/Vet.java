package shop;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
@Entity
public class Vet {
    @Id
    private Integer id;
    private String name;
    public Integer getId() { return id; }
    public String getName() { return name; }
}
