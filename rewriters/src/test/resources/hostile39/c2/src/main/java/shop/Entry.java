package shop;

public class Entry {
    public static Object run(String base, java.util.List<String> in) throws Exception {
        java.util.List<String> l = java.util.Collections.synchronizedList(new java.util.ArrayList<>(in));
        Hook.target = l;
        Object r;
        try {
            r = new Quotes(base).quoteAll(l);
        } finally {
            if (Hook.adder != null) Hook.adder.join(2000);
            Hook.adder = null;
        }
        return r + " list after=" + l;
    }
}
