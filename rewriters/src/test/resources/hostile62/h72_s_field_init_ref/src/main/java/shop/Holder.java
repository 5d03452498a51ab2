package shop;

import java.util.*;
import java.util.function.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>(Set.of("user"));
    public final Consumer<String> grant = allowed::add;
}
