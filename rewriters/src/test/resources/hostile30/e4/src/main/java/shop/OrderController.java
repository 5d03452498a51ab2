package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class OrderController {
    private final OrderService orders;
    private final ProductService products;
    public OrderController(OrderService orders, ProductService products) { this.orders = orders; this.products = products; }
    @GetMapping("/status") public String status(@RequestParam Long id) { return orders.getStatus(id); }
    @PostMapping("/close") public void close(@RequestBody Order o) { products.closeOrder(o); }
}
