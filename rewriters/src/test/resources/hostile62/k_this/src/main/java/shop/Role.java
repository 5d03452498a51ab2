package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role {
    public static final List<String> REGISTRY = new ArrayList<>();
    private final String name;
    public Role(String name) { this(name, 0); }
    public Role(String name, int rank) { this.name = name; REGISTRY.add(name); }
    public String name() { return name; }
}
