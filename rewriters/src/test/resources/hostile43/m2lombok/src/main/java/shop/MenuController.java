package shop;
import java.util.*;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;
@RestController
public class MenuController {
    private final MenuService menuService;
    private final MenuRepository menuRepository;
    public MenuController(MenuService menuService, MenuRepository menuRepository) { this.menuService = menuService; this.menuRepository = menuRepository; }
    @GetMapping("/menus/title") public String title(@RequestParam Long id) { return menuService.findOne(id).getTitle(); }
    /** how many roles see a menu and each of its children */
    @GetMapping("/menus/child")
    public ResponseEntity<Object> childMenu(@RequestParam Long id) {
        Set<Menu> menuSet = new HashSet<>();
        menuSet.add(menuService.findOne(id));
        menuSet = menuService.getChildMenus(menuRepository.findByPid(id), menuSet);
        List<Integer> counts = menuSet.stream().map(Menu::getRoleCount).sorted().collect(Collectors.toList());
        return new ResponseEntity<>(counts, HttpStatus.OK);
    }
    @PutMapping("/menus") public void rename(@RequestParam Long id, @RequestParam String title) { menuService.rename(id, title); }
}
