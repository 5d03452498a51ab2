package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role {
    private final String name;
    public Role(String name) { this.name = Config.prefix + name; }
    public String name() { return name; }
}
