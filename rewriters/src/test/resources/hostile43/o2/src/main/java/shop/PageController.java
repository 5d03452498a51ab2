package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class PageController {
    private final OverviewService overview;
    private final CatalogService catalog;
    private final CategoryRepository categories;
    public PageController(OverviewService overview, CatalogService catalog, CategoryRepository categories) {
        this.overview = overview; this.catalog = catalog; this.categories = categories;
    }
    @GetMapping("/page")
    public String page(@RequestParam String name, @RequestParam String prefix, @RequestParam long slow) throws InterruptedException {
        Category featured = categories.findById(1L).orElseThrow();
        Thread.sleep(slow); // stands for any slow step of the request (a remote call)
        return "featured " + featured.getTitle() + " | " + overview.overview(name, prefix);
    }
    @GetMapping("/overview") public String overview(@RequestParam String name, @RequestParam String prefix) { return overview.overview(name, prefix); }
    @PostMapping("/rename") public String rename(@RequestParam Long id, @RequestParam String title) { catalog.rename(id, title); return "ok"; }
}
