package r;

import java.time.LocalDate;
import org.springframework.stereotype.Service;

@Service
public class MenuService {
    private final MenuRepository menus;
    public MenuService(MenuRepository menus) { this.menus = menus; }
    public Menu getByDateAndRestaurant(LocalDate date, int restaurantId) {
        return menus.getMenuByDateAndRestaurantId(date, restaurantId);
    }
    public Menu save(Menu m) { return menus.save(m); }
}
