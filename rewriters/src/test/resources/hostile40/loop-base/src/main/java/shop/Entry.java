package shop;

public class Entry {
    public static Object run(String base, java.util.List<String> in) throws Exception {
        return new Quotes(base).quoteAll(in);
    }
}
