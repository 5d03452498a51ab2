package shop;

import java.util.*;

public enum Mode {
    STRICT;

    public final Set<String> allowed = new HashSet<>(Set.of("user"));
}
