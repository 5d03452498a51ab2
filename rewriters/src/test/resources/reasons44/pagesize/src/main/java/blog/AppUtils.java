package blog;

public final class AppUtils {
    private AppUtils() {}

    public static void validatePageNumberAndSize(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("Page number cannot be less than zero.");
        }
        if (size < 0) {
            throw new IllegalArgumentException("Size number cannot be less than zero.");
        }
        if (size > AppConstants.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("Page size must not be greater than " + AppConstants.MAX_PAGE_SIZE);
        }
    }
}
