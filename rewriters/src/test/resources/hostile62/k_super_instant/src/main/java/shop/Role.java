package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role extends BaseEntity {
    private final String name;
    public Role(String name) { this.name = name; }
    public String name() { return name; }
}
