package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder {
    private final List<String> extra = new ArrayList<>(List.of("user"));
    public final Optional<List<String>> allowed = Optional.of(extra);
    public void allow(String r) { extra.add(r); }
}
