package shop;

import java.util.HashSet;
import java.util.Set;

public class Holder {
    public final Set<String> allowed = new HashSet<>();
}
