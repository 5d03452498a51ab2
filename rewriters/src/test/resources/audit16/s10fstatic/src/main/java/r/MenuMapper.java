package r;

import org.springframework.stereotype.Component;

@Component
public class MenuMapper {
    public static MenuTo toMenuTo(Menu menu) {
        MenuTo to = new MenuTo();
        to.setId(menu.getId());
        to.setDate(menu.getDate());
        return to;
    }
}
