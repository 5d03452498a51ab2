package shop;
import jakarta.persistence.*;
public class ProductRepositoryCustomImpl implements ProductRepositoryCustom {
    @PersistenceContext private EntityManager em;
    public boolean existsActive(Long id) {
        Product p = em.find(Product.class, id);
        return p != null && p.isActive();
    }
}
