package shop;
import java.util.Map;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final IdService service;
    private final IdHolder holder;
    public ShopController(IdService service, @org.springframework.context.annotation.Lazy IdHolder holder) { this.service = service; this.holder = holder; }
    @GetMapping("/tallies") public Map<String, Tally> tallies() { return service.tallies(); }
    @PostMapping("/hit/{name}") public Object hit(@PathVariable String name) { return holder.hit(name); }
}
