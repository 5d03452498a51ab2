package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final OwnerService owners;
    private final CatService cats;
    public ShopController(OwnerService owners, CatService cats) { this.owners = owners; this.cats = cats; }
    @GetMapping("/owners/{id}") public Owner owner(@PathVariable Long id) { return owners.find(id); }
    @GetMapping("/owners/{id}/name") public String name(@PathVariable Long id) { return owners.find(id).getName(); }
    @PostMapping("/cats/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) {
        cats.rename(id, name);
        return "ok";
    }
}
