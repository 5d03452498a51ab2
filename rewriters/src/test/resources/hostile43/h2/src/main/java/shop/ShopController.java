package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetService service;
    private final PetDao dao;
    public ShopController(PetService service, PetDao dao) { this.service = service; this.dao = dao; }
    @GetMapping("/pets") public String all() {
        String out = "";
        for (Pet p : dao.all()) {
            out = out + p.getName() + (p.getBadge() instanceof StarBadge s ? " " + s.getStars() + " stars" : "") + "; ";
        }
        return out;
    }
    /** a preview of every star badge one star up */
    @GetMapping("/stars/preview") public String preview() {
        List<StarBadge> stars = service.starBadges();
        for (StarBadge b : stars) { b.setStars(b.getStars() + 1); }
        return "preview: " + stars.size() + " badges, first " + stars.get(0).getStars();
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
