package shop;
import jakarta.persistence.*;
@Entity @Table(name = "orders")
public class Order {
    @Id private Long id;
    private String status;
    public Long getId() { return id; }
    public String getStatus() { return status; }
    public void setStatus(String s) { status = s; }
}
