package r;
import org.springframework.web.bind.annotation.*;
@RestController public class ItemController {
  private final ItemService s; public ItemController(ItemService s){this.s=s;}
  @GetMapping("/items/{id}") public Wrapper<ItemDto> get(@PathVariable Long id) { return new Wrapper<>(s.get(id)); }
  @PutMapping("/items/{id}") public ItemDto put(@PathVariable Long id, @RequestParam String n) { return s.rename(id, n); }
}
