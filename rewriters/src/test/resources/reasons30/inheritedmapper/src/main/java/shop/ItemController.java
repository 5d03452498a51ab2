package shop;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class ItemController {
    private final ItemService items;
    public ItemController(ItemService items) { this.items = items; }
    @GetMapping("/items") public List<ItemDto> items(@RequestParam Long customer) { return items.getAllByCustomerId(customer); }
}
