package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    public ShopController(CatService reader) { this.reader = reader; }
    static void decorate(Cat c) { }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) {
        Cat cat = reader.find(id);
        return new Object() {
            void decorate(Cat c) { c.setName(c.getName() + "!"); }
            String run() {
                class View {
                    String of(Cat c) { decorate(c); return c.getName(); } // the anonymous class's decorate
                }
                return new View().of(cat);
            }
        }.run();
    }
}
