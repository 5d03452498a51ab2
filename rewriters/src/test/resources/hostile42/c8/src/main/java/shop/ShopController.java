package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetService service;
    private final PetLookup lookup;
    public ShopController(PetService service, PetLookup lookup) { this.service = service; this.lookup = lookup; }
    @GetMapping("/pets/{id}") public String get(@PathVariable String id) {
        Pet pet = lookup.byId(id);
        return pet.getName() + " liked=" + pet.isLiked();
    }
    @GetMapping("/pets/{id}/page") public String page(@PathVariable("id") Pet pet, @RequestParam String user) {
        Pet mine = service.forUser(pet.getId(), user);
        return pet.getName() + (mine.isLiked() ? " (you like it)" : "");
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { service.rename(id, name); return "ok"; }
}
