package shop;
import jakarta.persistence.*;
@Entity @Table(name = "product")
public class Product {
    @Id private Long id;
    private String ownerId;
    public Long getId() { return id; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String o) { ownerId = o; }
}
