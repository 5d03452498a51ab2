package shop;
import org.springframework.stereotype.Service;
@Service
public class ProductService extends AbstractService<Product, ProductRepository> {
    private final ProductRepository products;
    public ProductService(ProductRepository products) { this.products = products; }
    @Override protected ProductRepository getRepository() { return products; }
    public String getOwner(Long id) { return getRepository().getOwnerId(id); }
}
