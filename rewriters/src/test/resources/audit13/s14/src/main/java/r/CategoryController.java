package r;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CategoryController {
    private final CategoryService service;

    public CategoryController(CategoryService service) {
        this.service = service;
    }

    @GetMapping("/categories")
    public Map<Long, String> names() {
        return service.namesById();
    }

    @PostMapping("/categories/{name}")
    public void add(@PathVariable String name) {
        service.add(name);
    }
}
