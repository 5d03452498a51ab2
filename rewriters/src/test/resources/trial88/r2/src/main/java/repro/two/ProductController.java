package repro.two;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/products")
public class ProductController {
    private final ProductService service;

    public ProductController(ProductService service) { this.service = service; }

    @GetMapping
    public ResponseEntity<List<ProductDto>> findAll() {
        List<Product> list = service.findAll();
        List<ProductDto> dtos = list.stream().map(ProductDto::new).collect(Collectors.toList());
        return ResponseEntity.ok().body(dtos);
    }

    @GetMapping("/{id}")
    public ResponseEntity<Object> findById(@PathVariable Long id) {
        Product obj = service.findById(id);
        ProductDto productDto = new ProductDto(obj);
        return ResponseEntity.ok().body(productDto);
    }

    @PutMapping("/{id}")
    public ProductDto rename(@PathVariable Long id, @RequestParam String name) {
        return new ProductDto(service.rename(id, name));
    }
}
