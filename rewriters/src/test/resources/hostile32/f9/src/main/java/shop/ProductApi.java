package shop;
import java.util.*;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
@RestController
public class ProductApi {
    private final ProductCatalog catalog;
    public ProductApi(ProductCatalog catalog) { this.catalog = catalog; }
    @GetMapping("/products") public ResponseEntity<SortedResponse> products() { return ResponseEntity.ok(SortedResponse.of(catalog.list())); }
    @GetMapping("/admin/owners") public String owners() {
        StringBuilder b = new StringBuilder();
        for (ProductView v : catalog.list()) b.append(v.getOwner()).append(',');
        return b.toString();
    }

}
