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

    // one of the two per request (techmart's order list): the request's persistence context holds one load
    @GetMapping("/orders")
    public List<Long> list(@RequestParam Long user, @RequestParam(required = false) Integer status) {
        if (status == null) {
            return service.byUser(user);
        }
        return service.byUserAndStatus(user, status);
    }

    @PutMapping("/orders/ship")
    public void ship(@RequestParam Long id) {
        service.ship(id);
    }
}
