package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    public ShopController(CatService reader) { this.reader = reader; }
    static void decorate(Cat c) { c.setName(c.getName() + "!"); }
    static class Base { }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) {
        class View extends Base {
            String of(Cat c) { decorate(c); return c.getName(); }
        }
        return new View().of(reader.find(id));
    }
}
