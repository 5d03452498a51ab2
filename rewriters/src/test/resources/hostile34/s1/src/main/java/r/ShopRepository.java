package r;
import java.util.List;
import org.springframework.data.jpa.repository.*;
public interface ShopRepository extends JpaRepository<Shop, Integer> {
  @Query(value = "select shop.name from shop", nativeQuery = true) List<String> names();
}
