package r;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
public interface OrderRepository extends org.springframework.data.jpa.repository.JpaRepository<Order, Integer> {
  @Query("SELECT order.ownerId FROM Order order WHERE order.id = :orderId")
  Optional<Integer> findOwnerIdById(@Param("orderId") Integer orderId);
}
