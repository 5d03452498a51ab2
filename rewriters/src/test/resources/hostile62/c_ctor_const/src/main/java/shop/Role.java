package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role {
    static final String PREFIX = "ROLE_";
    private final String name;
    public Role(String name) { this.name = PREFIX + name; }
    public String name() { return name; }
}
