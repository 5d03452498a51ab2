package shop;
import static shop.Views.decorate;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController implements Decorating {
    private final CatService reader;
    public ShopController(CatService reader) { this.reader = reader; }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) {
        Cat c = reader.find(id);
        decorate(c); // Decorating.decorate: an inherited member shadows the static import
        return c.getName();
    }
}
