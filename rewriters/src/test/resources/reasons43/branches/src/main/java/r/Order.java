package r;

import jakarta.persistence.*;

@Entity
@Table(name = "orders")
public class Order {
    @Id @GeneratedValue
    private Long id;
    private Long userId;
    private Integer status;
    public Long getId() { return id; }
    public Long getUserId() { return userId; }
    public Integer getStatus() { return status; }
    public void setStatus(Integer status) { this.status = status; }
}
