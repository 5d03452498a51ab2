package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role {
    public static final List<String> CUSTOM = new ArrayList<>();
    private final String name;
    public Role(String name) { this.name = name; }
    public Role(StringBuilder custom) { this.name = custom.toString(); CUSTOM.add(name); }
    public String name() { return name; }
}
