package r;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MenuService {
    private final MenuRepository repository;

    public MenuService(MenuRepository repository) {
        this.repository = repository;
    }

    public Menu findOne(Long id) {
        return repository.findById(id).orElseThrow();
    }

    public List<Menu> children(Long pid) {
        return repository.findByPid(pid);
    }

    // AnnaKiri's getWithRatingToday: the DTO made from the entity gets the rating, not the entity
    @Transactional(readOnly = true)
    public MenuTo rated(Long id, int rating) {
        MenuTo to = MenuUtil.createTo(repository.findById(id).orElseThrow());
        to.setRating(rating);
        return to;
    }

    // eladmin's getChildMenus: the set collects menus, and is returned
    public Set<Menu> withChildren(List<Menu> menus, Set<Menu> collected) {
        for (Menu menu : menus) {
            collected.add(menu);
        }
        return collected;
    }

    @Transactional
    public void retitle(Long id, String title) {
        Menu menu = repository.findById(id).orElseThrow();
        menu.setTitle(title);
    }
}
