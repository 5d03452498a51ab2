package shop;

import java.util.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>(Set.of("user", "admin"));

    public List<String> sorted() {
        List<String> allowed = new ArrayList<>(this.allowed);
        allowed.sort(null);
        return allowed;
    }
}
