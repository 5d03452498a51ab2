package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public abstract class BaseDao {
    private final Set<String> inner = new HashSet<>(Set.of("user"));
    protected final Set<String> allowed = Collections.unmodifiableSet(inner);
    public void grant(String r) { inner.add(r); }
}
