package r;

import org.springframework.stereotype.Component;

@Component
public class MenuMapper {
    public Menu toMenuTo(Menu menu) {
        if (menu != null) return menu;
        MenuTo to = new MenuTo();
        to.setId(menu.getId());
        to.setDate(menu.getDate());
        return to;
    }
}
