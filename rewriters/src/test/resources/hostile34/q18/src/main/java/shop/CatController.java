package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class CatController {
    private final CatDao dao;
    public CatController(CatDao dao) { this.dao = dao; }
    @GetMapping("/cats/{id}") public String name(@PathVariable long id) { return dao.name(id); }
    @PostMapping("/cats/{id}/rename") public String rename(@PathVariable long id, @RequestParam String name) { dao.rename(id, name); return "ok"; }
}
