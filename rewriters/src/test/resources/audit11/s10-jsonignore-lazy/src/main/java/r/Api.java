package r;

import java.time.LocalDate;
import org.springframework.web.bind.annotation.*;

@RestController
public class Api {
    private final MenuService menus;
    private final RestaurantService restaurants;
    public Api(MenuService menus, RestaurantService restaurants) { this.menus = menus; this.restaurants = restaurants; }
    @GetMapping("/menus")
    public Menu menu(@RequestParam int restaurantId, @RequestParam LocalDate date) { return menus.getByDateAndRestaurant(date, restaurantId); }
    @GetMapping("/restaurants/{id}/with-menu")
    public Restaurant full(@PathVariable int id) { return restaurants.getWithMenu(id); }
    @GetMapping("/restaurants/{id}")
    public Restaurant one(@PathVariable int id) { return restaurants.get(id); }
    @PostMapping("/menus")
    public Menu add(@RequestBody Menu m) { return menus.save(m); }
    @PostMapping("/restaurants")
    public Restaurant add(@RequestBody Restaurant r) { return restaurants.save(r); }
}
