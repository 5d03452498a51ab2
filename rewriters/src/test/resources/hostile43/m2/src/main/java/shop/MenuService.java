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
    @Transactional
    public void rename(Long id, String title) { Menu menu = menuRepository.findById(id).orElseThrow(); menu.setTitle(title); menuRepository.save(menu); }
}
