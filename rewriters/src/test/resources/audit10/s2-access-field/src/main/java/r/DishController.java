package r;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class DishController {
    private final DishService service;
    DishController(DishService service) { this.service = service; }
    @GetMapping("/dishes") public List<Dish> all() { return service.getAll(); }
    @PostMapping("/dishes") public Dish add(@RequestParam String name, @RequestParam int price) { return service.create(name, price); }
}
