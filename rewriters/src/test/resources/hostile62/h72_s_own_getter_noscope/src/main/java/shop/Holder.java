package shop;

import java.util.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>(Set.of("user"));
    public Set<String> getAllowed() { return allowed; }
    public void allow(String r) { getAllowed().add(r); }
}
