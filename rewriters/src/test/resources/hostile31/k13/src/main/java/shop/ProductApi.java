package shop;
import java.util.*;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
@RestController
public class ProductApi {
    private final ProductCatalog catalog;
    public ProductApi(ProductCatalog catalog) { this.catalog = catalog; }
    @GetMapping("/products") public ResponseEntity<ApiResponse<List<ProductView>>> products() { ApiResponse<List<ProductView>> r = new ApiResponse<>(200, "ok", catalog.list()); last = r; return ResponseEntity.ok(r); }
    @GetMapping("/admin/owners") public String owners() {
        StringBuilder b = new StringBuilder();
        for (ProductView v : catalog.list()) b.append(v.getOwner()).append(',');
        return b.toString();
    }
    private ApiResponse<List<ProductView>> last;
    @PostMapping("/admin/anonymise") public void anonymise() { if (last != null) last.data.forEach(v -> v.setOwner("***")); }
}
