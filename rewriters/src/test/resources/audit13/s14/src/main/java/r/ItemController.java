package r;

import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ItemController {
    private final ItemService service;

    public ItemController(ItemService service) {
        this.service = service;
    }

    @GetMapping("/items")
    public Map<String, List<Long>> categoryIds() {
        return service.categoryIdsByItem();
    }

    @GetMapping("/items2")
    public Map<String, List<Long>> categoryIds2() {
        return service.categoryIdsByItemLambda();
    }

    @PostMapping("/items/{name}")
    public void add(@PathVariable String name) {
        service.add(name);
    }
}
