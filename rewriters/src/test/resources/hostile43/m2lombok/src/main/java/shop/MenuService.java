package shop;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
@Service
public class MenuService {
    private final MenuRepository menuRepository;
    public MenuService(MenuRepository menuRepository) { this.menuRepository = menuRepository; }
    public Menu findOne(Long id) { return menuRepository.findById(id).orElseGet(Menu::new); }
    public Set<Menu> getChildMenus(List<Menu> menuList, Set<Menu> menuSet) {
        for (Menu menu : menuList) {
            menuSet.add(menu);
            List<Menu> menus = menuRepository.findByPid(menu.getId());
            if (!menus.isEmpty()) { getChildMenus(menus, menuSet); }
        }
        return menuSet;
    }
    @Transactional
    public void rename(Long id, String title) { Menu menu = menuRepository.findById(id).orElseThrow(); menu.setTitle(title); menuRepository.save(menu); }
}
