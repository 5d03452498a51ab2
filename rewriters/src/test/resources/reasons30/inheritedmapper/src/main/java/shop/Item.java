package shop;
import jakarta.persistence.*;
@Entity
public class Item {
    @Id private Long id;
    private String name;
    private Long customerId;
    public String getName() { return name; }
}
