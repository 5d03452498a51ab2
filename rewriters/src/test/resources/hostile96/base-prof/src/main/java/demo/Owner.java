package demo;
import jakarta.persistence.*;
import java.util.ArrayList;
import java.util.List;
@Entity
public class Owner {
    @Id @GeneratedValue private Integer id;
    private String lastName;
    @OneToMany(mappedBy = "owner", fetch = FetchType.EAGER) private List<Pet> pets = new ArrayList<>();
    public Integer getId() { return id; }
    public String getLastName() { return lastName; }
    public List<Pet> getPets() { return pets; }
}
