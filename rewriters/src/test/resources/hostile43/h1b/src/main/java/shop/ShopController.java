package shop;
import java.util.*;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final PetService service;
    private final PetDao dao;
    public ShopController(PetService service, PetDao dao) { this.service = service; this.dao = dao; }
    @GetMapping("/pets") public String all() {
        List<PetDto> dtos = service.dtos();
        for (PetDto d : dtos) { d.getTags()[0] = d.getTags()[0] + "!"; }
        return dtos.get(0).getName() + " " + String.join(",", dtos.get(0).getTags());
    }
    @PostMapping("/pets/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
