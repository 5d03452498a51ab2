package shop;
import java.util.Map;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController {
    private final IdService service;
    private final IdHolder holder;
    public ShopController(IdService service, @org.springframework.context.annotation.Lazy IdHolder holder) { this.service = service; this.holder = holder; }
    @GetMapping("/ids") public Map<String, Integer> ids() { return service.ids(); }
    @GetMapping("/id/{name}") public Integer id(@PathVariable String name) { return holder.id(name); }
}
