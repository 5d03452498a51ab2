package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Holder {
    public final Set<String> allowed = new HashSet<>();
    public void allow(String r) { allowed.add(r); }
    public Set<String> getAllowed() { return allowed; }
}
