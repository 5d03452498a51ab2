package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public class Registry {
    public static final List<String> NAMES = new ArrayList<>();
}
