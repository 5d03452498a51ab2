package shop;

public class Entry {
    public static Object run(String base, java.util.List<String> in) throws Exception {
        java.util.List<Integer> ns = new java.util.ArrayList<>();
        for (String s : in) {
            ns.add(s.startsWith("missing") ? 100 : s.startsWith("boom") ? 200 : s.charAt(0) - 'a');
        }
        return new Quotes(base).quoteAll(ns);
    }
}
