package shop;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService reader;
    private final CatRepository repo;
    public ShopController(CatService reader, CatRepository repo) { this.reader = reader; this.repo = repo; }
    @GetMapping("/cats") public List<String> all() { return reader.names(); }
    @PostMapping("/seed") public String seed() { repo.save(new Cat(1L, "tom", 1L)); return "ok"; }
}
