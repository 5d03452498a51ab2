package shop;
import org.springframework.stereotype.Service;
@Service
public class OrderService {
    private final OrderRepository orders;
    public OrderService(OrderRepository orders) { this.orders = orders; }
    public String getStatus(Long id) { return orders.getStatus(id); }
}
