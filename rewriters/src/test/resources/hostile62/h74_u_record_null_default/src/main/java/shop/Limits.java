package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public record Limits(Set<String> allowed) {
    public Limits {
        if (allowed == null) {
            allowed = Set.of();
        }
    }
}
