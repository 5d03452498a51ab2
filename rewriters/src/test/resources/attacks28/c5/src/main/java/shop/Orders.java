package shop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class Orders {
    private final ProductRepository products;
    private final Catalog catalog;
    public Orders(ProductRepository products, Catalog catalog) { this.products = products; this.catalog = catalog; }
    @Transactional(readOnly = true)
    public int quote(Long id) {
        Product p = products.findById(id).orElseThrow();
        if (!catalog.isActive(id)) return -1;
        return p.getStock() + (int) (System.currentTimeMillis() % 1);
    }
}
