package shop;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
public interface MenuRepository extends JpaRepository<Menu, Integer> {
    List<Menu> findAllByRestaurantId(Integer restaurantId);
}
