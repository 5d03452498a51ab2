package r1;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class ItemController {
    private final ItemService service;
    public ItemController(ItemService service) { this.service = service; }
    @GetMapping("/items/{id}") public String get(@PathVariable Long id) { return service.getName(id); }
    @GetMapping("/items") public List<String> list() { return service.names(); }
    @PostMapping("/items") public Long add(@RequestBody String name) { return service.add(name); }
}
