package shop;
import jakarta.persistence.*;
@Entity
public class Award {
    @Id private Long id;
    private String name;
    public String getName() { return name; }
}
