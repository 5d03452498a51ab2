package shop;

import java.util.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>(Set.of("user"));
}
