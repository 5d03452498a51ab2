package shop;
import org.springframework.stereotype.Service;
@Service
public class ProductService extends AbstractService<Product, ProductRepository> {
    public ProductService(ProductRepository repository) { super(repository); }
    public String getOwner(Long id) { return repository.getOwnerId(id); }

    public void closeOrder(OrderRepository orders, Long id) { }
    public void reassign(Product p) { new Helper().write(p); }
    class Helper { void write(Product p) { repository.saveAndFlush(p); } }
}
