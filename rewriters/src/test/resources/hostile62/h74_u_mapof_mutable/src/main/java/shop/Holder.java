package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder {
    private final Set<String> base = new HashSet<>(Set.of("user"));
    public final Map<String, Set<String>> byKind = Map.of("k", base);
    public void allow(String r) { base.add(r); }
}
