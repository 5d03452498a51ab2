package shop;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
public interface ProductsApi {
    @GetMapping("/products") ResponseEntity<ApiResponse<List<ProductView>>> products();
}
