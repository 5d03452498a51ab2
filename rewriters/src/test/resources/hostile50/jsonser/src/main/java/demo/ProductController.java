package demo;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
@RestController
public class ProductController {
  private final ProductService service;
  public ProductController(ProductService service) { this.service = service; }
  @GetMapping("/products/{id}")
  public ResponseEntity<ApiResponse> get(@PathVariable Long id) {
    return ResponseEntity.ok(new ApiResponse(service.byId(id), "found"));
  }
  @PutMapping("/products/{id}")
  public ProductDto rename(@PathVariable Long id, @RequestBody String name) { return service.rename(id, name); }
  @PostMapping("/products")
  public Long create(@RequestBody String name) { return service.create(name); }
}
