package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role {
    public static final List<String> DEFAULTS = new ArrayList<>();
    private final String name;
    public Role() { this.name = "guest"; DEFAULTS.add(name); }
    public Role(String name) { this.name = name; }
    public String name() { return name; }
}
