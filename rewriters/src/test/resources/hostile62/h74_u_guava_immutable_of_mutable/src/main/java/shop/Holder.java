package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

import com.google.common.collect.ImmutableList;

public class Holder {
    private final Set<String> base = new HashSet<>(Set.of("user"));
    public final List<Set<String>> groups = ImmutableList.of(base);
    public void allow(String r) { base.add(r); }
}
