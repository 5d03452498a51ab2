package shop;

import java.util.List;
import java.util.stream.Collector;

public class Base {
    protected static <T> Collector<T, ?, List<T>> toList() {
        return java.util.stream.Collectors.toUnmodifiableList();
    }
}
