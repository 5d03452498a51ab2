package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role {
    public static final List<String> REGISTRY = Registry.NAMES;
    private final String name;
    public Role(String name) { this.name = name; Registry.NAMES.add(name); }
    public String name() { return name; }
}
