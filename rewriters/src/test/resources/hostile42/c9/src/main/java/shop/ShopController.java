package shop;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetService service;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    public ShopController(PetService service, Audit audit, ApplicationEventPublisher events) { this.service = service; this.audit = audit; this.events = events; }
    @PostMapping("/pets/{id}/audit") public String audit(@PathVariable Long id) { audit.record(id, "admin"); return "ok"; }
    @GetMapping("/pets/{id}/page") public String page(@PathVariable Long id, @RequestParam String user) {
        Pet mine = service.forUser(id, user);
        events.publishEvent(new PetViewed(id, user));
        return mine.getName() + (mine.isLiked() ? " (you like it)" : "");
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { service.rename(id, name); return "ok"; }
}
