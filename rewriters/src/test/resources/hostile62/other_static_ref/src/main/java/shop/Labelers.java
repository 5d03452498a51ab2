package shop;

public final class Labelers {
    public static final Labeler MAIN = new Labeler();

    private Labelers() {
    }
}
