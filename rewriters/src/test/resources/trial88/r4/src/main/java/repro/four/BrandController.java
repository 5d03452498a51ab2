package repro.four;

import org.springframework.web.bind.annotation.*;

@RestController
public class BrandController {
    private final BrandManager manager;

    public BrandController(BrandManager manager) { this.manager = manager; }

    @PutMapping("/brands/{id}")
    public String update(@PathVariable int id, @RequestParam String name) { return manager.update(name, id); }
}
