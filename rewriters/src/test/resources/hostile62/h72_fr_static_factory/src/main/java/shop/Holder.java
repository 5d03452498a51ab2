package shop;

import java.util.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>();

    public static Holder of(String... roles) {
        Holder h = new Holder();
        h.allowed.addAll(List.of(roles));
        return h;
    }
}
