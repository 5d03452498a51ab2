package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Tracked {
    public static final List<String> REGISTRY = new ArrayList<>();
    protected Tracked() { REGISTRY.add("made"); }
}
