package shop;

import java.util.*;
import java.util.function.*;
import java.util.concurrent.atomic.*;
import java.util.stream.*;

public record Limits(Set<String> allowed) { }
