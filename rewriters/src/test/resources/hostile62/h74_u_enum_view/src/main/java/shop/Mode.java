package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public enum Mode {
    STRICT;
    private final List<String> extra = new ArrayList<>(List.of("user"));
    public final List<String> allowed = Collections.unmodifiableList(extra);
    public void grant(String r) { extra.add(r); }
}
