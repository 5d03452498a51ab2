package shop;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CartRepository extends JpaRepository<Cart, Long> {
    @Query("select c.itemCount from Cart c where c.cartId = ?1")
    Integer itemCount(Long cartId);
}
