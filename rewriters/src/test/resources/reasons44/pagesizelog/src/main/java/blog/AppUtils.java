package blog;

public final class AppUtils {
    private AppUtils() {}

    /** Only warns: a size of any length goes through. */
    public static void validatePageNumberAndSize(int page, int size) {
        if (size > AppConstants.MAX_PAGE_SIZE) {
            System.err.println("Page size greater than " + AppConstants.MAX_PAGE_SIZE);
        }
    }
}
