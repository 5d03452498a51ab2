package shop;
import static shop.Views.decorate;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    public ShopController(CatService reader) { this.reader = reader; }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) {
        Cat cat = reader.find(id);
        return new Object() {
            void decorate(Cat c) { c.setName(c.getName() + "!"); }
            String run() {
                class View {
                    String of(Cat c) { decorate(c); return c.getName(); } // the anonymous class's decorate, not the import
                }
                return new View().of(cat);
            }
        }.run();
    }
}
