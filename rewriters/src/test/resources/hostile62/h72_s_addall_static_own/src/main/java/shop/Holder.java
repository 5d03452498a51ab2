package shop;

import java.util.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>(Set.of("user"));
    public void allow(String r) { Collections.addAll(allowed, r); }
}
