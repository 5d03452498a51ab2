package shop;
import java.util.List;
import jakarta.persistence.*;
@Entity
public class Owner {
    @Id private Long id;
    private String name;
    @OneToMany(mappedBy = "owner") private List<Pet> pets;
    public Long getId() { return id; }
    public String getName() { return name; }
    public List<Pet> getPets() { return pets; }
}
