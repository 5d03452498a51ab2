package shop;
import jakarta.persistence.*;
public class ProductRepositoryCustomImpl implements ProductRepositoryCustom {
    @PersistenceContext private EntityManager em;
    public Boolean existsActive(Long id) {
        Product p = em.createQuery("select p from Product p where p.id = :id", Product.class).setParameter("id", id).getSingleResult();
        return p != null && p.isActive();
    }
}
