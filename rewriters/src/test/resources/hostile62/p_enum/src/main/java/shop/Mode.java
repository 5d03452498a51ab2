package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public enum Mode {
    STRICT;
    public final Set<String> allowed = new HashSet<>();
}
