package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    private final CatWriter writer;
    // the writer is left out of the scan and made here, with the repository
    public ShopController(CatService reader, CatRepository repo) { this.reader = reader; this.writer = new CatWriter(repo); }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) { return reader.name(id); }
    @PostMapping("/cats/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) {
        writer.rename(id, name);
        return "ok";
    }
}
