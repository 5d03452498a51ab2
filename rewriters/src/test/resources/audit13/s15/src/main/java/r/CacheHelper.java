package r;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/** The project's own cache: each Restaurant is mapped to a new RestaurantTo; no entity leaves this method. */
@Service
public class CacheHelper {
    private final RestaurantRepository repository;

    public CacheHelper(RestaurantRepository repository) {
        this.repository = repository;
    }

    @Cacheable("restaurants")
    public Map<Long, RestaurantTo> getRestaurantsCached() {
        return repository.getAll().stream()
                .collect(Collectors.toMap(Restaurant::getId, CacheHelper::to, (a, b) -> b, LinkedHashMap::new));
    }

    static RestaurantTo to(Restaurant restaurant) {
        return new RestaurantTo(restaurant.getId(), restaurant.getName());
    }
}
