package shop;
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.*;
@RestController
public class ShopController  {
    private final MenuRepository repo;
    private final MenuMapper mapper;
    public ShopController(MenuRepository repo, MenuMapper mapper) { this.repo = repo; this.mapper = mapper; }
    @GetMapping("/r/{id}/ids") public int ids(@PathVariable Integer id) {
        return repo.findAllByRestaurantId(id).size();
    }
    @GetMapping("/r/{id}/menus") public List<MenuTo> menus(@PathVariable Integer id) {
        
        return repo.findAllByRestaurantId(id).stream().map(Function.identity()).map(m -> new MenuTo(m.getTitle(), m.getRestaurant().getName())).collect(Collectors.toList());
    }
    @PostMapping("/menus/{id}/title") @Transactional public String title(@PathVariable Integer id, @RequestParam String t) {
        repo.findById(id).orElseThrow().setTitle(t); return "ok";
    }

}
