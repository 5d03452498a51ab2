package shop;
import static shop.Repos.repository;
import org.springframework.stereotype.Service;
@Service
public class ProductService extends AbstractService<Product, ProductRepository> {
    public ProductService(ProductRepository products, Repos repos) { super(products); }
    public String getOwner(Long id) { return repo().getOwnerId(id); }
    public void closeOrder(OrderRepository ignored, Long id) { repository.markClosed(id); }
    public Product update(Product p) { return repo().saveAndFlush(p); }
}
