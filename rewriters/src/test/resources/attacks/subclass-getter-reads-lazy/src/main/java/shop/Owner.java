package shop;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
@Entity
public class Owner {
    @Id
    private Integer id;
    private String name;
    @ManyToOne
    private City city;
    @ManyToOne(fetch = FetchType.LAZY)
    private Vet vet;
    public Integer getId() { return id; }
    public String getName() { return name; }
    public City getCity() { return city; }
    public Vet getVet() { return vet; }
}
