package shop;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DishRepository extends JpaRepository<Dish, Integer> {
    // a default method grouping what the query below reads: today's dishes
    default Map<Integer, List<String>> todaysDishes() {
        return byRestaurant().stream().collect(Collectors.groupingBy(o -> (Integer) o[0],
                Collectors.mapping(o -> (String) o[1], Collectors.toList())));
    }

    @Query("SELECT d.restaurantId, d.name FROM Dish d WHERE d.date = current_date")
    List<Object[]> byRestaurant();
}
