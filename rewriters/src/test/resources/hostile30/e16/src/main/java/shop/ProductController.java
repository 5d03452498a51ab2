package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ProductController {
    private final ProductService products;
    public ProductController(ProductService products) { this.products = products; }
    @GetMapping("/owner") public String owner(@RequestParam Long id) { return products.getOwner(id); }
    @PostMapping("/owner") public void set(@RequestBody Product p) { products.update(p); }
}
