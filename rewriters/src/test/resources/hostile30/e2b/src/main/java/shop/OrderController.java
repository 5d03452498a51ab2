package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class OrderController {
    private final OrderService orders;
    public OrderController(OrderService orders) { this.orders = orders; }
    @GetMapping("/status") public String status(@RequestParam Long id) { return orders.getStatus(id); }
    @PostMapping("/status") public void set(@RequestBody Order o) { orders.update(o); }
}
