package r;

public final class Checks {
    private Checks() {}
    public static <T> T notFound(T object, int id) {
        notFound(object != null, id);
        return object;
    }
    public static void notFound(boolean found, int id) {
        check(found, "id=" + id);
    }
    public static void check(boolean found, String msg) {
        if (!found) throw new IllegalArgumentException("not found: " + msg);
    }
}
