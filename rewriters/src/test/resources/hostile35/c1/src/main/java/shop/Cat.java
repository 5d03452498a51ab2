package shop;
import jakarta.persistence.*;
@Entity
public class Cat {
    @Id private Long id;
    private String name;
    @Column(name = "owner_id") private Long ownerId;
    public Cat() {}
    public Cat(Long id, String name, Long ownerId) { this.id = id; this.name = name; this.ownerId = ownerId; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String n) { name = n; }
}
