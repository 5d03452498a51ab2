package r;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderService {
    private final OrderRepository orders;

    public OrderService(OrderRepository orders) {
        this.orders = orders;
    }

    public List<Long> byUser(Long userId) {
        return orders.findByUserId(userId).stream().map(Order::getId).toList();
    }

    public List<Long> byUserAndStatus(Long userId, Integer status) {
        return orders.findByUserIdAndStatus(userId, status).stream().map(Order::getId).toList();
    }

    @Transactional
    public void ship(Long id) {
        orders.findById(id).orElseThrow().setStatus(2);
    }
}
