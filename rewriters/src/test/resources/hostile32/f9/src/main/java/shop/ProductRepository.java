package shop;
import org.springframework.data.jpa.repository.*;
public interface ProductRepository extends JpaRepository<Product, Long> {
    @Query(value = "select product.owner_id from product where product.id = :id", nativeQuery = true)
    String getOwnerId(Long id);
}
