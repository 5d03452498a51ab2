package shop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Skus waiting to be priced, shared by the threads that receive them. */
public class Inbox {
    private final List<String> pending = Collections.synchronizedList(new ArrayList<>());

    public Inbox current() {
        return this;
    }

    public void add(String sku) {
        pending.add(sku);
    }

    /** The pending skus themselves (a synchronized list: walk it with forEach, which holds its lock). */
    public List<String> toList() {
        return pending;
    }
}
