package demo;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class ProductController {
  private final ProductService service;
  public ProductController(ProductService service) { this.service = service; }
  @GetMapping("/products/{id}/tags") public List<String> tags(@PathVariable Long id) { return service.tagLabels(id); }
  @PutMapping("/tags/{code}") public void relabel(@PathVariable String code, @RequestBody String label) { service.relabel(code, label); }
}
