package shop;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

@Service
public class MenuService {
    private final DishRepository dishes;

    public MenuService(DishRepository dishes) {
        this.dishes = dishes;
    }

    public List<String> todaysMenu(Integer restaurantId) {
        Map<Integer, List<String>> all = dishes.todaysDishes();
        return List.copyOf(all.getOrDefault(restaurantId, List.of()));
    }
}
