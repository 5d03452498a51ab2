package shop;
import org.springframework.stereotype.Service;
@Service
public class Catalog {
    private final ProductRepository products;
    public Catalog(ProductRepository products) { this.products = products; }
    public boolean isActive(Long id) { return products.existsActive(id); }
}
