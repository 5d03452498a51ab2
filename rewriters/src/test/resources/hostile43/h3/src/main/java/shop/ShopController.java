package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetDao dao;
    public ShopController(PetDao dao) { this.dao = dao; }
    @GetMapping("/c/{id}") public String c(@PathVariable Long id) {
        Batch batch = Batch.of(dao.one(id));
        batch.mark("?");
        return batch.names();
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
