package shop;

import java.util.*;
import java.util.concurrent.atomic.*;

public final class Labels {
    public static final Map<String, String> LABELS = Map.of("user", "U", "admin", "A");
    private Labels() {}
}
