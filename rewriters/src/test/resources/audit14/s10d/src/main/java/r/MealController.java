package r;

import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController

public class MealController {
    private final MealRepository meals;
    private final MealService service;

    public MealController(MealRepository meals, MealService service) {
        this.meals = meals;
        this.service = service;
    }

    /** Serialised as is: Meal.kitchen is @JsonIgnore, so Jackson (and its Hibernate module) never touches it. */
    @GetMapping("/kitchens/{id}/meals")
    public List<Meal> all(@PathVariable int id) {
        return meals.getAll(id);
    }

    @PostMapping("/kitchens/{id}/meals")
    public Meal create(@PathVariable int id, @RequestBody Meal meal) {
        return service.create(id, meal);
    }
}
