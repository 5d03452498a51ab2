package r;

import java.util.List;
import java.util.Map;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class OfferService {
    private final CacheHelper cacheHelper;
    private final RestaurantRepository repository;

    public OfferService(CacheHelper cacheHelper, RestaurantRepository repository) {
        this.cacheHelper = cacheHelper;
        this.repository = repository;
    }

    public List<Offer> offers() {
        Map<Long, RestaurantTo> restaurants = cacheHelper.getRestaurantsCached();
        int price = (int) repository.count() + java.time.LocalDate.now().getDayOfMonth(); // a read of its own and the clock: offers() itself is not cacheable
        return restaurants.keySet().stream()
                .map(id -> toOffer(restaurants.get(id), price))
                .toList();
    }

    private Offer toOffer(RestaurantTo restaurant, int price) {
        return new Offer(restaurant, price);
    }

    @Transactional
    @CacheEvict(value = "restaurants", allEntries = true)
    public void add(String name) {
        Restaurant restaurant = new Restaurant();
        restaurant.setName(name);
        repository.save(restaurant);
    }
}
