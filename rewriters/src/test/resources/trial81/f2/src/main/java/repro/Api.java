package repro;
import org.springframework.web.bind.annotation.*;
import java.util.List;
import java.util.UUID;
@RestController
public class Api {
    private final BoxViewService views;
    public Api(BoxViewService views) { this.views = views; }
    @PostMapping("/boxes/{name}") public void create(@PathVariable String name) { views.create(name); }
    @GetMapping("/view/{id}") public Object view(@PathVariable UUID id, @RequestParam List<String> tags) { return views.view(id, tags).orElse(null); }
}
