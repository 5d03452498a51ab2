package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetService service;
    private final PetDao dao;
    public ShopController(PetService service, PetDao dao) { this.service = service; this.dao = dao; }
    @GetMapping("/pets/{id}") public String one(@PathVariable Long id) {
        PetDto pet = service.byId().get(id);
        pet.setName(pet.getName().toUpperCase() + "!");
        return pet.getName();
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
