package r;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class MenuController {
    private final MenuService service;

    public MenuController(MenuService service) {
        this.service = service;
    }

    // the ids of a menu and its children: the set holding the menus changes, never a menu
    @GetMapping("/menus/{id}/ids")
    public Set<Long> ids(@PathVariable Long id) {
        Set<Menu> collected = new HashSet<>();
        collected.add(service.findOne(id));
        List<Menu> children = service.children(id);
        collected = service.withChildren(children, collected);
        collected.add(service.findOne(id));
        return collected.stream().map(Menu::getId).collect(Collectors.toSet());
    }

    @GetMapping("/menus/{id}/rated")
    public int rated(@PathVariable Long id) {
        return service.rated(id, 5).getRating();
    }

    @PostMapping("/menus/{id}")
    public void retitle(@PathVariable Long id, @RequestParam String title) {
        service.retitle(id, title);
    }
}
