package shop;

import java.util.*;

public class Holder {
    public final Deque<String> allowed = new ArrayDeque<>(List.of("admin", "user", "guest"));
    public void dropOldest() { allowed.removeFirst(); }
}
