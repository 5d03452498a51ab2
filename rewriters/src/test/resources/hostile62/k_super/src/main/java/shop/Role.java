package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role extends Tracked {
    public static final List<String> REGISTRY = Tracked.REGISTRY;
    private final String name;
    public Role(String name) { super(name); this.name = name; }
    public String name() { return name; }
}
