package r;

public final class MenuUtil {
    private MenuUtil() {}

    public static MenuTo createTo(Menu menu) {
        return new MenuTo(menu.getId(), menu.getTitle());
    }
}
