package demo;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class ProductService {
    private final ProductRepository repo;
    public ProductService(ProductRepository repo) { this.repo = repo; }

    /** The read is the first product access of the request; the only other one is the persist of a NEW row after it. */
    public String addProduct(String name) {
        if (!repo.findByName(name).isEmpty()) {
            throw new IllegalStateException("There is a product with that name already!");
        }
        return repo.save(new Product(name)).getName();
    }

    public List<String> names() { return repo.findAll().stream().map(Product::getName).toList(); }
}
