package shop;

import java.util.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>(Set.of("user"));
    public final Runnable grantAdmin;

    public Holder() {
        grantAdmin = () -> allowed.add("admin");
    }
}
