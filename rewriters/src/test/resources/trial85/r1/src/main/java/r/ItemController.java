package r;
import org.springframework.web.bind.annotation.*;
@RestController
public class ItemController {
    private final ItemService service;
    public ItemController(ItemService service) { this.service = service; }
    @GetMapping("/items/{id}") public String get(@PathVariable Long id) { return service.getName(id); }
    @PutMapping("/items/{id}") public String rename(@PathVariable Long id, @RequestParam String name) { return service.rename(id, name); }
    @PutMapping("/items") public void renameAll(@RequestParam String name) { service.renameAll(name); }
}
