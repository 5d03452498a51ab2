package shop;
import org.springframework.data.jpa.repository.*;
import org.springframework.transaction.annotation.Transactional;
public interface OrderRepository extends JpaRepository<Order, Long> {
    @Query(value = "select orders.status from orders where orders.id = :id", nativeQuery = true)
    String getStatus(Long id);
    @Transactional @Modifying
    @Query(value = "update orders set status = 'closed' where id = :id", nativeQuery = true)
    int markClosed(Long id);
}
