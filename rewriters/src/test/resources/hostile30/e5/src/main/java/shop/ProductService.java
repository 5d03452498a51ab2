package shop;
import org.springframework.stereotype.Service;
@Service
public class ProductService extends AbstractService<Product, ProductRepository> {
    public ProductService(ProductRepository repository) { super(repository); }
    public String getOwner(Long id) { return repository.getOwnerId(id); }
    public void closeOrder(Object store, Order o) {
        if (store instanceof OrderRepository repository) { o.setStatus("closed"); repository.saveAndFlush(o); }
    }
}
