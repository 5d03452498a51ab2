package shop;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class Admin {
    private final ProductRepository products;
    public Admin(ProductRepository products) { this.products = products; }
    @Transactional
    public void deactivate(Long id) { Product p = products.findById(id).orElseThrow(); p.setActive(false); products.save(p); }
}
