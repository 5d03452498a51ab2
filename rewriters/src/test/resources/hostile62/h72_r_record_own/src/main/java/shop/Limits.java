package shop;

import java.util.*;

public record Limits(Set<String> allowed) {
    public void allow(String r) { allowed.add(r); }
}
