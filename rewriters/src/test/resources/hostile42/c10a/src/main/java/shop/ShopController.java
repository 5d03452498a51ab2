package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetDao dao;
    public ShopController(PetDao dao) { this.dao = dao; }
    private static List<Pet> listOf(Pet p) { List<Pet> l = new ArrayList<>(); l.add(p); return l; }
    private static Set<Owner> ownersOf(Pet p) { Set<Owner> s = new HashSet<>(); s.add(p.getOwner()); return s; }
    @GetMapping("/a/{id}") public String a(@PathVariable Long id) {
        List<Pet> l = listOf(dao.one(id));
        l.get(0).setName(l.get(0).getName() + "!");
        return l.get(0).getName();
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
