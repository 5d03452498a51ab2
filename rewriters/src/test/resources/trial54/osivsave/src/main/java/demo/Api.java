package demo;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class Api {
    private final ProductService products;
    public Api(ProductService products) { this.products = products; }
    @PostMapping("/products") public String add(@RequestParam String name) { return products.addProduct(name); }
    @GetMapping("/products") public List<String> all() { return products.names(); }
}
