package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class CatController {
    private final CatReader reader;
    public CatController(CatReader reader) { this.reader = reader; }
    @GetMapping("/cats/{id}") public String name(@PathVariable Long id) { return reader.name(id); }
}
