package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final ReportService reports;
    private final CatService cats;
    private final CatRepository repo;
    private final OwnerRepository owners;
    public ShopController(ReportService reports, CatService cats, CatRepository repo, OwnerRepository owners) { this.reports = reports; this.cats = cats; this.repo = repo; this.owners = owners; }
    @GetMapping("/report/{id}") public String report(@PathVariable Long id) { return reports.report(id); }
    @GetMapping("/cats/{id}") public String get(@PathVariable Long id) { return cats.name(id); }
    @PostMapping("/cats/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { cats.rename(id, name); return "ok"; }
    @PostMapping("/seed") public String seed() { repo.save(new Cat(1L, "tom", 1L)); owners.save(new Owner(1L, "ann")); return "ok"; }
}
