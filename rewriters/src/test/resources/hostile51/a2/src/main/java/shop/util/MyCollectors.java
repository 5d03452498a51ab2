package shop.util;

import java.util.List;
import java.util.stream.Collector;
import java.util.stream.Collectors;

public final class MyCollectors {
    private MyCollectors() {}

    public static <T> Collector<T, ?, List<T>> toList() {
        return Collectors.toUnmodifiableList();
    }
}
