package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Role extends Base {
    public Role(String name) { super(name); }
    public String name() { return label; }
}
