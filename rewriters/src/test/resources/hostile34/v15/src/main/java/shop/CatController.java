package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class CatController {
    private final CatService service;
    public CatController(CatService service) { this.service = service; }
    @GetMapping("/cats/{id}") public String name(@PathVariable Long id) { return service.find(id).getName(); }
    @PostMapping("/cats/{id}/rename") public String rename(@PathVariable Long id, @RequestParam String name) {
        service.rename(id, name);
        return "ok";
    }
    @GetMapping("/cats/{id}/preview") public String preview(@PathVariable Long id, @RequestParam String name) {
        String card = service.preview(id, name);
        return card + " (now called " + service.find(id).getName() + ")";
    }
}
