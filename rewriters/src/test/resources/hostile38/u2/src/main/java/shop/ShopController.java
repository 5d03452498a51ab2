package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetDao dao;
    private final shop.target.PetWriter writer;
    public ShopController(PetDao dao, shop.target.PetWriter writer) { this.dao = dao; this.writer = writer; }
    @GetMapping("/pets/{id}") public String get(@PathVariable Long id) { return dao.name(id); }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { writer.rename(id, name); return "ok"; }
}
