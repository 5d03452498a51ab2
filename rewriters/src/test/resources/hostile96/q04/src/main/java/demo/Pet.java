package demo;
import jakarta.persistence.*;
@Entity
public class Pet {
    @Id @GeneratedValue private Integer id;
    private String name;
    @ManyToOne private Owner owner;
    public Integer getId() { return id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
}
