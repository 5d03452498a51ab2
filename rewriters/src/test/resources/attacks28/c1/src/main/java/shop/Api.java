package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class Api {
    private final Orders orders; private final Admin admin; private final Catalog catalog;
    public Api(Orders o, Admin a, Catalog c) { orders = o; admin = a; catalog = c; }
    @GetMapping("/quote") public int quote(@RequestParam Long id) { return orders.quote(id); }
    @GetMapping("/active") public boolean active(@RequestParam Long id) { return catalog.isActive(id); }
    @PostMapping("/deactivate") public void off(@RequestParam Long id) { admin.deactivate(id); }
}
