package shop;
import java.util.*;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.*;
@RestController
public class MenuController {
    private final MenuService menuService;
    private final MenuRepository menuRepository;
    public MenuController(MenuService menuService, MenuRepository menuRepository) { this.menuService = menuService; this.menuRepository = menuRepository; }
    @GetMapping("/menus/children") public List<Long> children(@RequestParam Long id) {
        return menuRepository.findByPid(id).stream().map(Menu::getId).sorted().collect(Collectors.toList());
    }
    /** how many roles see each child of a menu */
    @GetMapping("/menus/counts") public List<Integer> counts(@RequestParam Long id) {
        return menuRepository.findByPid(id).stream().map(Menu::getRoleCount).sorted().collect(Collectors.toList());
    }
    @PutMapping("/menus") public void rename(@RequestParam Long id, @RequestParam String title) { menuService.rename(id, title); }
}
