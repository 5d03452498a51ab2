package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    private final CatRepository repo;
    public ShopController(CatService reader, CatRepository repo) { this.reader = reader; this.repo = repo; }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) { return reader.name(id); }
    @PostMapping("/seed") public String seed() { repo.save(new Cat(1L, "tom", 1L)); return "ok"; }
}
