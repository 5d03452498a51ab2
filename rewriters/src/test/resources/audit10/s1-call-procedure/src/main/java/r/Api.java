package r;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class Api {
    private final KindService kinds;
    private final ItemDao items;
    Api(KindService kinds, ItemDao items) { this.kinds = kinds; this.items = items; }
    @GetMapping("/kinds") public List<Kind> kinds() { return kinds.kinds(); }
    @GetMapping("/kinds/{id}") public KindView kind(@PathVariable int id) { return kinds.view(id); }
    @PostMapping("/kinds") public void addKind(@RequestParam String name) { kinds.add(name); }
    @GetMapping("/kinds/{id}/items") public List<Item> items(@PathVariable int id) { return items.byKind(id); }
    @PostMapping("/kinds/{id}/items") public void addItem(@PathVariable int id, @RequestParam String name) { items.add(id, name); }
}
