package shop;
import static shop.Views.decorate;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    public ShopController(CatService reader) { this.reader = reader; }
    static void decorate(Cat c) { c.setName(c.getName() + "!"); }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) {
        class View {
            String of(Cat c) { decorate(c); return c.getName(); } // ShopController.decorate shadows the static import
        }
        return new View().of(reader.find(id));
    }
}
