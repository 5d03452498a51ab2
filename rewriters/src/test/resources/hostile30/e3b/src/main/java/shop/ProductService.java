package shop;
import org.springframework.stereotype.Service;
@Service
public class ProductService {
    private final ProductRepository repository;
    private final Writer writer;
    public ProductService(ProductRepository repository, Writer writer) { this.repository = repository; this.writer = writer; }
    public String getOwner(Long id) { return repository.getOwnerId(id); }
    public Product update(Product p) { return writer.write(repository, p); }
}
