package shop;
import jakarta.persistence.*;
@Entity
public class Cat {
    @Id private Long id;
    private String name;
    @ManyToOne(fetch = FetchType.LAZY) private Owner owner;
    public Cat() {}
    public Cat(Long id, String name, Owner owner) { this.id = id; this.name = name; this.owner = owner; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public Owner getOwner() { return owner; }
}
