package r;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {
    private final OrderService service;

    public OrderController(OrderService service) {
        this.service = service;
    }

    // both in one request: the second read may answer with what the first put in the request's persistence context
    @GetMapping("/orders")
    public List<Long> list(@RequestParam Long user, @RequestParam(required = false) Integer status) {
        List<Long> shipped = service.byUserAndStatus(user, 2);
        return service.byUser(user).stream().filter(id -> !shipped.contains(id)).toList();
    }

    @PutMapping("/orders/ship")
    public void ship(@RequestParam Long id) {
        service.ship(id);
    }
}
