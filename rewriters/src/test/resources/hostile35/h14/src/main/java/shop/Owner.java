package shop;
import jakarta.persistence.*;
@Entity
public class Owner {
    @Id private Long id;
    private String name;
    public Owner() {}
    public Owner(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String n) { name = n; }
}
