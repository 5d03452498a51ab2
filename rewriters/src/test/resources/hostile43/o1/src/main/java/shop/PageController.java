package shop;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class PageController {
    private final CatalogService catalog;
    private final CategoryRepository categories;
    public PageController(CatalogService catalog, CategoryRepository categories) { this.catalog = catalog; this.categories = categories; }

    /** the home page: the featured category, then (after a slow step) the titles */
    @GetMapping("/page")
    public String page(@RequestParam String prefix, @RequestParam long slow) throws InterruptedException {
        Category featured = categories.findById(1L).orElseThrow();
        Thread.sleep(slow); // stands for any slow step of the request (a remote call)
        List<String> titles = catalog.titles(prefix);
        return featured.getTitle() + " | " + titles;
    }
    @GetMapping("/titles") public List<String> titles(@RequestParam String prefix) { return catalog.titles(prefix); }
    @PostMapping("/rename") public String rename(@RequestParam Long id, @RequestParam String title) { catalog.rename(id, title); return "ok"; }
}
