package shop;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetService service;
    private final PetLookup lookup;
    private final ApplicationEventPublisher events;
    public ShopController(PetService service, PetLookup lookup, ApplicationEventPublisher events) { this.service = service; this.lookup = lookup; this.events = events; }
    @GetMapping("/pets/{id}") public String get(@PathVariable String id) {
        Pet pet = lookup.byId(id);
        return pet.getName() + " liked=" + pet.isLiked();
    }
    @GetMapping("/pets/{id}/page") public String page(@PathVariable Long id, @RequestParam String user) {
        Pet mine = service.forUser(id, user);
        events.publishEvent(new PetViewed(id, user));
        return mine.getName() + (mine.isLiked() ? " (you like it)" : "");
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { service.rename(id, name); return "ok"; }
}
