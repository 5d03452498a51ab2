package shop;
import org.springframework.data.jpa.repository.*;
public interface OrderRepository extends JpaRepository<Order, Long> {
    @Query(value = "select orders.status from orders where orders.id = :id", nativeQuery = true)
    String getStatus(Long id);
}
