package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public class Holder<T extends Collection<String>> {
    public final T allowed;
    public Holder(T allowed) { this.allowed = allowed; }
    public void allow(String r) { allowed.add(r); }
}
