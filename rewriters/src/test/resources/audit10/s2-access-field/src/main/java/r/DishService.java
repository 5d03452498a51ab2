package r;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class DishService {
    private final DishRepository dishes;
    DishService(DishRepository dishes) { this.dishes = dishes; }
    public List<Dish> getAll() { return dishes.findAll(); }
    public Dish create(String name, int price) { return dishes.save(new Dish(null, name, price)); }
}
