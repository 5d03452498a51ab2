package r;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OverviewController {
    private final OverviewService overview;
    private final CatalogService catalog;

    public OverviewController(OverviewService overview, CatalogService catalog) {
        this.overview = overview;
        this.catalog = catalog;
    }

    @GetMapping("/overview")
    public String overview(@RequestParam String name, @RequestParam String prefix) {
        return overview.overview(name, prefix);
    }

    @PutMapping("/categories")
    public void rename(@RequestParam Long id, @RequestParam String title) {
        catalog.rename(id, title);
    }
}
