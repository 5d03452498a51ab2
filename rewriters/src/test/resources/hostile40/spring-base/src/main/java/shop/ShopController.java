package shop;
import java.util.List;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetDao dao;
    public ShopController(PetDao dao) { this.dao = dao; }
    @GetMapping("/pets/{id}") public String get(@PathVariable Long id) { return dao.name(id); }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
