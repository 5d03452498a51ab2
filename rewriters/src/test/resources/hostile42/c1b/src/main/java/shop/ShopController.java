package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetService service;
    private final PetDao dao;
    public ShopController(PetService service, PetDao dao) { this.service = service; this.dao = dao; }
    @GetMapping("/pets") public String all() {
        List<PetDto> pets = service.present();
        for (PetDto pet : pets) { pet.setName(pet.getName().toUpperCase() + "!"); }
        return pets.get(0).getName();
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
