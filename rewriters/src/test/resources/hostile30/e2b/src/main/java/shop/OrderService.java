package shop;
import org.springframework.stereotype.Service;
@Service
public class OrderService extends AbstractService<Order, OrderRepository> {
    private final OrderRepository orders;
    public OrderService(OrderRepository orders) { this.orders = orders; }
    @Override protected OrderRepository getRepository() { return orders; }
    public String getStatus(Long id) { return getRepository().getStatus(id); }
}
