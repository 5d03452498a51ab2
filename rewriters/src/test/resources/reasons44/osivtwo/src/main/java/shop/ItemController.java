package shop;

import java.util.List;
import org.springframework.web.bind.annotation.*;

@RestController
public class ItemController {
    private final ItemService service;
    private final ZoningService zoning;
    private final AuditService audit;
    public ItemController(ItemService service, ZoningService zoning, AuditService audit) {
        this.service = service;
        this.zoning = zoning;
        this.audit = audit;
    }

    @GetMapping("/items")
    public List<String> items() {
        zoning.touch();
        audit.touch();
        return service.activeNames();
    }
}
