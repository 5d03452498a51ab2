package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder {
    private final Set<String> inner = new HashSet<>(Set.of("user"));
    public final Set<String> allowed = Collections.unmodifiableSet(inner);
    public void allow(String r) { inner.add(r); }
}
