package r;

import java.time.LocalDate;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MenuRepository extends JpaRepository<Menu, Integer> {
    @Query("SELECT m FROM Menu m WHERE m.date=?1 AND m.restaurant.id=?2")
    Menu getMenuByDateAndRestaurantId(LocalDate date, int restaurantId);
}
