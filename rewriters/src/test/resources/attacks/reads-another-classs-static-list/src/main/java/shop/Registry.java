package shop;
import java.util.*;
public final class Registry {
    public static final List<List<String>> ALL = Collections.synchronizedList(new ArrayList<>());
}
