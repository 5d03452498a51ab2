package shop;
import org.springframework.stereotype.Service;
@Service
public class ProductService extends AbstractService<Product, ProductRepository> {
    public ProductService(ProductRepository repository) { super(repository); }
    public String getOwner(Long id) { return repository.getOwnerId(id); }

    public void closeOrder(OrderRepository repository, Long id) {
        class Closer { void close() { repository.markClosed(id); } }
        new Closer().close();
    }
}
