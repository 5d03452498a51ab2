package shop;

import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
public class ItemController {
    private final ItemService service;
    private final VisitCounter counter;
    public ItemController(ItemService service, VisitCounter counter) { this.service = service; this.counter = counter; }

    @GetMapping("/items")
    public List<String> items() {
        counter.visits();
        return service.activeNames();
    }
}
