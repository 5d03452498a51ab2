package blog;

public final class AppConstants {
    public static final int MAX_PAGE_SIZE = 30;
    private AppConstants() {}
}
