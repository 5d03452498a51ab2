package shop;
import org.springframework.stereotype.Service;
@Service
public class ProductReader {
    private final ProductRepository repository;
    public ProductReader(ProductRepository repository) { this.repository = repository; }
    public String getOwner(Long id) { return repository.getOwnerId(id); }
}
