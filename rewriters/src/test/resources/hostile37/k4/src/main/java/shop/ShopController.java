package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    private final CatRepository repo;
    public ShopController(CatService reader, CatRepository repo) { this.reader = reader; this.repo = repo; }
    @PostMapping("/seed") public String seed() { repo.save(new Cat(1L, "tom", 1L)); return "ok"; }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) {
        return new View(reader.find(id)).c().getName();
    }
}
