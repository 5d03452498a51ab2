package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Cfg {
    public static class Opts {
        private static final Set<String> INNER = new HashSet<>(Set.of("user"));
        public static final Set<String> ALLOWED = Collections.unmodifiableSet(INNER);
        public static void allow(String r) { INNER.add(r); }
    }
}
