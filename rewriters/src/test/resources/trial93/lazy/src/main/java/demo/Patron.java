package demo;
import jakarta.persistence.*;
@Entity
public class Patron {
    @Id @GeneratedValue private Long id;
    private String name;
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
