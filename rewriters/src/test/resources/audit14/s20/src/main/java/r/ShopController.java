package r;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
public class ShopController {
    private final ShopService service;

    public ShopController(ShopService service) {
        this.service = service;
    }

    @GetMapping("/shops")
    public List<ShopTo> all(@RequestParam LocalDate day) {
        return service.getAllWithItems(day);
    }

    @PostMapping("/shops")
    public Integer create(@RequestParam String name) {
        return service.create(name).getId();
    }
}
