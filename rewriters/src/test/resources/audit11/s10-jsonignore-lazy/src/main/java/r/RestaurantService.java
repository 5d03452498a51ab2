package r;

import org.springframework.stereotype.Service;

@Service
public class RestaurantService {
    private final RestaurantRepository restaurants;
    public RestaurantService(RestaurantRepository restaurants) { this.restaurants = restaurants; }
    // menu is JOIN FETCHed; Menu.restaurant and Dish.menu are @JsonIgnore
    public Restaurant getWithMenu(int id) {
        return Checks.notFound(restaurants.getWithMenu(id), id);
    }
    // menu is lazy and not fetched: Hibernate6Module writes null, cached or not (open-in-view=false: detached either way)
    public Restaurant get(int id) {
        return restaurants.findById(id).orElseThrow();
    }
    public Restaurant save(Restaurant r) { return restaurants.save(r); }
}
