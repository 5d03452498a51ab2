package shop;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
@Service
public class ProductService extends AbstractService {
    public ProductService(ApplicationContext ctx) { super(ctx); }
    public String getOwner(Long id) { return repo(ProductRepository.class).getOwnerId(id); }
    public Product update(Product p) { return repo(ProductRepository.class).saveAndFlush(p); }
}
