package shop;
import jakarta.persistence.*;
@Entity @Table(name = "product")
public class Product {
    @Id private Long id;
    private String ownerId;
    public Product() {}
    public Product(Long id, String ownerId) { this.id = id; this.ownerId = ownerId; }
    public Long getId() { return id; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String o) { ownerId = o; }
}
