package shop;

public class Entry {
    /** Skus as entered, read back normalised. */
    static final class Skus extends java.util.ArrayList<String> {
        Skus(java.util.List<String> in) {
            super(in);
        }

        @Override
        public String get(int index) {
            return super.get(index).toUpperCase();
        }
    }

    public static Object run(String base, java.util.List<String> in) throws Exception {
        return new Quotes(base).quoteAll(new Skus(in));
    }
}
