package demo;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class ProductService {
    private final ProductRepository repo;
    public ProductService(ProductRepository repo) { this.repo = repo; }

    /** The twin: it loads a product before the read, as ingemark's updateProduct does with findById. */
    public String addProduct(String name) {
        repo.findById(1L).ifPresent(existing -> { });
        if (!repo.findByName(name).isEmpty()) {
            throw new IllegalStateException("There is a product with that name already!");
        }
        return repo.save(new Product(name)).getName();
    }

    public List<String> names() { return repo.findAll().stream().map(Product::getName).toList(); }
}
