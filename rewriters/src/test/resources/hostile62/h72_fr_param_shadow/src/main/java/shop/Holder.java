package shop;

import java.util.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>(Set.of("user", "admin"));

    public static Set<String> normalized(Set<String> allowed) {
        allowed.removeIf(String::isBlank);
        return allowed;
    }
}
