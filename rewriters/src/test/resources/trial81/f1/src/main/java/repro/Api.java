package repro;
import org.springframework.web.bind.annotation.*;
@RestController
public class Api {
    private final LabelService labels; private final BoxRepository boxes;
    public Api(LabelService labels, BoxRepository boxes) { this.labels = labels; this.boxes = boxes; }
    /** the handler calls the repository itself: the repository read is the only cache level */
    @GetMapping("/label/{name}") public String label(@PathVariable String name) {
        return boxes.findByBoxName(name).map(Box::label).map(Label::name).orElse("?");
    }
    @PostMapping("/boxes/{name}") public void create(@PathVariable String name) { labels.create(name); }
}
