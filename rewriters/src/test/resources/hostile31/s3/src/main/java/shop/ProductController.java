package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ProductController {
    private final ProductReader reader;
    public ProductController(ProductReader reader) { this.reader = reader; }
    @GetMapping("/owner") public String owner(@RequestParam Long id) { return reader.getOwner(id); }
}
