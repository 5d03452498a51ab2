package shop;
import jakarta.persistence.*;
@Entity
public class Account {
    @Id private Long id;
    private String name;
    public Long getId() { return id; }
    public String getName() { return name; }
}
