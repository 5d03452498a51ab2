package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    private final CatRepository repo;
    private final Translator translator;
    public ShopController(CatService reader, CatRepository repo, Translator translator) { this.reader = reader; this.repo = repo; this.translator = translator; }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) { return reader.name(id); }
    @PostMapping("/seed") public String seed() { repo.save(new Cat(1L, "tom", 1L)); return "ok"; }
    @PostMapping("/lang/{l}") public String lang(@PathVariable String l) { translator.setLanguage(l); return "ok"; }
}
