package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    private final CatWriter writer;
    private final CatRepository repo;
    public ShopController(CatService reader, CatWriter writer, CatRepository repo) { this.reader = reader; this.writer = writer; this.repo = repo; }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) { return reader.name(id); }
    @PostMapping("/cats/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) {
        writer.apply("rename", id, name);
        return "ok";
    }
    @PostMapping("/seed") public String seed() { repo.save(new Cat(1L, "tom", 1L)); return "ok"; }
}
