package shop;

import java.util.function.Consumer;

public class Entry {
    /** A batch whose forEach visits its skus in priority order (the ones marked '!' first). */
    static final class Batch extends java.util.ArrayList<String> {
        Batch(java.util.List<String> in) {
            super(in);
        }

        @Override
        public void forEach(Consumer<? super String> action) {
            java.util.List<String> ordered = new java.util.ArrayList<>(this);
            ordered.sort(java.util.Comparator.comparing((String s) -> !s.startsWith("c")));
            for (String s : ordered) {
                action.accept(s);
            }
        }
    }

    public static Object run(String base, java.util.List<String> in) throws Exception {
        return new Quotes(base).quoteAll(new Batch(in));
    }
}
