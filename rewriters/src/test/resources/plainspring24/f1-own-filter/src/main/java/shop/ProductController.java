package shop;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ProductController {
    private final ProductService productService;
    private final Breadcrumbs breadcrumbs;

    public ProductController(ProductService productService, Breadcrumbs breadcrumbs) {
        this.productService = productService;
        this.breadcrumbs = breadcrumbs;
    }

    @GetMapping("/products/{id}")
    public Map<String, Object> page(@PathVariable Long id) {
        String trail = breadcrumbs.trail(id);
        Product product = productService.find(id);
        return Map.of("trail", trail, "name", product.getName(), "price", product.getPrice());
    }

    @PutMapping("/products/{id}")
    public void rename(@PathVariable Long id, @RequestParam String name) {
        productService.rename(id, name);
    }

    @PostMapping("/products")
    public void add(@RequestParam Long id, @RequestParam String name, @RequestParam int price) {
        productService.add(id, name, price);
    }
}
