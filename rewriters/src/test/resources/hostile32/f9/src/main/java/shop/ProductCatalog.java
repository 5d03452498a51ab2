package shop;
import java.util.*;
import org.springframework.stereotype.Service;
@Service
public class ProductCatalog {
    private final ProductRepository repository;
    public ProductCatalog(ProductRepository repository) { this.repository = repository; }
    public List<ProductView> list() {
        List<ProductView> out = new ArrayList<>();
        for (Product p : repository.findAll()) out.add(new ProductView(p.getId(), p.getOwnerId()));
        return out;
    }
}
