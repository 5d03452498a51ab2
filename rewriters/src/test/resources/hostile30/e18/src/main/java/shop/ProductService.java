package shop;
import org.springframework.stereotype.Service;
@Service
public class ProductService extends L18<Product, ProductRepository> {
    public ProductService(ProductRepository repository) { super(repository); }
    public String getOwner(Long id) { return repository.getOwnerId(id); }
    public Product update(Product p) { return repository.saveAndFlush(p); }
}
