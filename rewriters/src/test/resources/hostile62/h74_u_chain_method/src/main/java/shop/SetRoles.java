package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class SetRoles implements Roles {
    private final Set<String> set = new HashSet<>(Set.of("user"));
    public boolean has(String r) { return set.contains(r); }
    public void grant(String r) { set.add(r); }
}
