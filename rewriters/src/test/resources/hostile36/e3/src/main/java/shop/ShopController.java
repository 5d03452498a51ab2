package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    public ShopController(CatService reader) { this.reader = reader; }
    static void decorate(Cat c) { c.setName(c.getName() + "!"); }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) {
        record View(Cat c) {
            String show() { decorate(c); return c.getName(); }
        }
        return new View(reader.find(id)).show();
    }
}
