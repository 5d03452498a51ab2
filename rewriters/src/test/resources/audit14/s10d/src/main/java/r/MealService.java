package r;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MealService {
    private final MealRepository meals;
    private final KitchenRepository kitchens;

    public MealService(MealRepository meals, KitchenRepository kitchens) {
        this.meals = meals;
        this.kitchens = kitchens;
    }

    @Transactional
    public Meal create(int kitchenId, Meal meal) {
        meal.setKitchen(kitchens.getReferenceById(kitchenId));
        return meals.save(meal);
    }
}
