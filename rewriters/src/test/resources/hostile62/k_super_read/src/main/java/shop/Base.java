package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Base {
    protected static String prefix = "";
    public static void setPrefix(String p) { prefix = p; }
    protected final String label;
    protected Base(String name) { this.label = prefix + name; }
}
