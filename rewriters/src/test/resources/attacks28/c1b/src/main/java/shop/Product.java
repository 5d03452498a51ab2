package shop;
import jakarta.persistence.*;
@Entity
public class Product {
    @Id private Long id;
    private boolean active;
    private int stock;
    public Long getId() { return id; }
    public boolean isActive() { return active; }
    public void setActive(boolean a) { active = a; }
    public int getStock() { return stock; }
}
