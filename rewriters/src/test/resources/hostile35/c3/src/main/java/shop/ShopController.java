package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    private final CatWriter writer;
    public ShopController(CatService reader, CatWriter writer) { this.reader = reader; this.writer = writer; }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) { return reader.name(id); }
    @PostMapping("/cats/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) {
        writer.andThen((i, n) -> System.out.println("renamed " + i)).accept(id, name);
        return "ok";
    }
}
