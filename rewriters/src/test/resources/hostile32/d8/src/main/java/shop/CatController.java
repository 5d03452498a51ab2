package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class CatController {
    private final CatRepository repo;
    public CatController(CatRepository repo) { this.repo = repo; }
    @GetMapping("/cats/{id}") public String name(@PathVariable Long id) { return repo.nameOf(id); }
}
