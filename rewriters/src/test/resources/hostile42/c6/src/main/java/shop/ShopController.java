package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetService service;
    public ShopController(PetService service) { this.service = service; }
    @GetMapping("/pets/{id}") public String get(@PathVariable Long id) {
        Pet pet = service.find(id);
        return pet.getName() + " liked=" + pet.isLiked();
    }
    @GetMapping("/pets/{id}/page") public String page(@PathVariable Long id, @RequestParam String user) {
        Pet shown = service.find(id);
        Pet mine = service.forUser(id, user);
        return shown.getName() + (mine.isLiked() ? " (you like it)" : "");
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { service.rename(id, name); return "ok"; }
}
