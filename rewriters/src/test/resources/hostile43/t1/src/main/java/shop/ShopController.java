package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetService service;
    public ShopController(PetService service) { this.service = service; }
    @GetMapping("/pets/{id}") public String get(@PathVariable Long id) { Pet p = service.find(id); return p.getName() + " liked=" + p.isLiked(); }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { service.rename(id, name); return "ok"; }
}
