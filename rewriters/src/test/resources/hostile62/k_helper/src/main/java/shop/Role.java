package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role {
    public static final List<String> REGISTRY = new ArrayList<>();
    private final String name;
    public Role(String name) { this.name = name; register(name); }
    private static void register(String name) { REGISTRY.add(name); }
    public String name() { return name; }
}
