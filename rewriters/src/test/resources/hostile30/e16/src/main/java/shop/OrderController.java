package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class OrderController {
    private final OrderService orders;
    private final ProductService products;
    private final OrderRepository orderRepository;
    public OrderController(OrderService orders, ProductService products, OrderRepository r) { this.orders = orders; this.products = products; this.orderRepository = r; }
    @GetMapping("/status") public String status(@RequestParam Long id) { return orders.getStatus(id); }
    @PostMapping("/close") public void close(@RequestParam Long id) { products.closeOrder(orderRepository, id); }
}
