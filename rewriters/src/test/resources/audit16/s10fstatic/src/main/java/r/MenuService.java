package r;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MenuService {
    private final MenuRepository menuRepository;
    private final MenuMapper mapper;

    public MenuService(MenuRepository menuRepository, MenuMapper mapper) {
        this.menuRepository = menuRepository;
        this.mapper = mapper;
    }

    // returns DTOs: the entities never leave this method
    public List<MenuTo> getAll(int restaurantId) {
        return menuRepository.findAllByRestaurantId(restaurantId)
                .orElseThrow()
                .stream()
                .map(MenuMapper::toMenuTo)
                .collect(Collectors.toList());
    }

    @Transactional
    public void update(int id, LocalDate date) {
        Menu menu = menuRepository.findById(id).orElseThrow();
        menu.setDate(date);
        menuRepository.save(menu);
    }
}
