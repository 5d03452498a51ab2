package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetDao dao;
    public ShopController(PetDao dao) { this.dao = dao; }
    @GetMapping("/pets") public String all() {
        List<PetDto> pets = dao.all();
        for (PetDto pet : pets) { pet.name(pet.name().toUpperCase() + "!"); }
        return pets.get(0).name();
    }
    @GetMapping("/pets/{id}") public String one(@PathVariable Long id) {
        PetDto pet = dao.one(id);
        pet.name(pet.name() + "?");
        return pet.name();
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
