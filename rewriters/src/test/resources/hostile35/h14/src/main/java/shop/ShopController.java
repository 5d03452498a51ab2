package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final CatService cats;
    private final OwnerService owners;
    private final OwnerRepository ownerRepo;
    public ShopController(CatService cats, OwnerService owners, OwnerRepository ownerRepo) { this.cats = cats; this.owners = owners; this.ownerRepo = ownerRepo; }
    @GetMapping("/cats/{id}") public Cat cat(@PathVariable Long id) { return cats.find(id); }
    // the owner page also lists the cat: the owner is loaded first in this request's persistence context
    @GetMapping("/owners/{id}/with-cat/{cat}") public String page(@PathVariable Long id, @PathVariable Long cat) {
        return ownerRepo.findById(id).orElseThrow().getName() + "/" + cats.find(cat).getName();
    }
    @PostMapping("/owners/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) {
        owners.rename(id, name);
        return "ok";
    }
}
