package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetDao dao;
    public ShopController(PetDao dao) { this.dao = dao; }
    private static List<Pet> listOf(Pet p) { List<Pet> l = new ArrayList<>(); l.add(p); return l; }
    private static Set<Owner> ownersOf(Pet p) { Set<Owner> s = new HashSet<>(); s.add(p.getOwner()); return s; }
    @GetMapping("/c/{id}") public String c(@PathVariable Long id) {
        Batch batch = Batch.of(dao.one(id));
        batch.first().setName(batch.first().getName() + "?");
        return batch.first().getName();
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
