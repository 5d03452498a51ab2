package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class CatController {
    private final CatPages pages;
    public CatController(CatPages pages) { this.pages = pages; }
    @GetMapping("/cats") public PageResponse list(@RequestParam int page, @RequestParam int size) { return pages.list(page, size); }
}
