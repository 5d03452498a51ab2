package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    private final CatRepository repo;
    public ShopController(CatService reader, CatRepository repo) { this.reader = reader; this.repo = repo; }
    @PostMapping("/seed") public String seed() { repo.save(new Cat(1L, "tom", 1L)); return "ok"; }
    static void decorate(Cat c) { c.setName(c.getName() + "!"); }
    static class Base { }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) {
        class View implements java.io.Serializable {
            String of(Cat c) { decorate(c); return c.getName(); }
        }
        return new View().of(reader.find(id));
    }
}
