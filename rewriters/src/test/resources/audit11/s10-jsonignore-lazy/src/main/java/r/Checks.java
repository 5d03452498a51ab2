package r;

public final class Checks {
    private Checks() {}
    public static <T> T notFound(T object, int id) {
        if (object == null) throw new IllegalArgumentException("not found: " + id);
        return object;
    }
}
