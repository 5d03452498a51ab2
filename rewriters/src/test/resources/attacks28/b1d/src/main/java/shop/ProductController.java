package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ProductController {
    private final ProductStore store;
    public ProductController(ProductStore store) { this.store = store; }
    @GetMapping("/name") public String name(@RequestParam Long id) { return store.name(id); }
    @PostMapping("/name") public void rename(@RequestParam Long id, @RequestParam String n) { store.rename(id, n); }
}
