package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ImportController {
    private final ProductRepository repo;
    public ImportController(ProductRepository repo) { this.repo = repo; }
    @PostMapping("/import") public void imp(@RequestBody Product p) {
        new ProductService(repo).update(p);
    }
}
