package shop;
import org.springframework.stereotype.Service;
@Service
public class ProductService extends AbstractService<Product, ProductRepository> {
    public ProductService(ProductRepository repository) { super(repository); }
    public String getOwner(Long id) { return repository.getOwnerId(id); }

    public void closeOrder(OrderRepository orders, Long id) {
        new AbstractService<Order, OrderRepository>(orders) {
            @Override public void act(Long id) { repository.markClosed(id); }
        }.act(id);
    }
}
