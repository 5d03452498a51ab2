package shop;
import jakarta.persistence.*;
@Entity @Table(name = "cat")
public class Cat {
    @Id private Long id;
    @Column(length = 8) private String name;
    public Cat() {}
    public Cat(Long id, String name) { this.id = id; this.name = name; }
    public Long getId() { return id; }
    public String getName() { return name; }
    public void setName(String n) { name = n; }
}
