package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    private final CatWriter writer;
    public ShopController(CatService reader, CatWriter writer) { this.reader = reader; this.writer = writer; }
    @org.springframework.beans.factory.annotation.Autowired CatRepository repo;
    @PostMapping("/seed") public String seed() { repo.save(new Cat(1L, "tom", 1L)); return "ok"; }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) { return reader.name(id); }
    @PostMapping("/cats/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) {
        writer.apply("rename", id, name);
        return "ok";
    }
}
