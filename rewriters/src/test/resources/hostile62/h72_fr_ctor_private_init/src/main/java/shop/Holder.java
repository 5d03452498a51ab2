package shop;

import java.util.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>();

    public Holder() {
        init();
    }

    private void init() {
        allowed.add("user");
        allowed.add("admin");
    }
}
