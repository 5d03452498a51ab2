package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.validation.spec.ArgSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentStreamTest {
  private static ArgSpec fixed(Object... values) {
    return new ArgSpec(null, List.of(values), null, null, null, null);
  }

  private static List<Object> draw(ArgSpec spec, long seed, int n) {
    ArgumentStream stream = new ArgumentStream(spec, new Random(seed));
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add(stream.next());
    }
    return values;
  }

  @Test
  void theSameSeedGivesTheSameSequence() {
    ArgSpec spec = new ArgSpec(null, null, List.of(1L, 1000L), null, null, null);
    assertEquals(draw(spec, 7, 50), draw(spec, 7, 50));
    assertTrue(draw(spec, 7, 50).stream().allMatch(v -> (long) v >= 1 && (long) v <= 1000));
  }

  @Test
  void repeatsSendTheirShareToTheHotKeys() {
    ArgSpec spec = new ArgSpec(null, null, null, null,
        new ArgSpec.Repeats(0.8, 5, new ArgSpec(null, null, null, 0L, null, null)), null);
    List<Object> values = draw(spec, 1, 10_000);
    Set<Object> hot = new HashSet<>(values.subList(0, 5));
    long hits = values.stream().skip(5).filter(hot::contains).count();
    assertEquals(0.8, hits / 9995.0, 0.02);
  }

  @Test
  void sequenceNeverRepeatsAndZipfFavoursTheFirst() {
    List<Object> sequence = draw(new ArgSpec(null, null, null, 10L, null, null), 1, 100);
    assertEquals(100, new HashSet<>(sequence).size());
    assertEquals(10L, sequence.get(0));
    Map<Object, Integer> counts = new HashMap<>();
    for (Object v : draw(new ArgSpec(null, null, null, null, null, new ArgSpec.Zipf(List.of("a", "b", "c"), null, 1.0)),
        3, 6000)) {
      counts.merge(v, 1, Integer::sum);
    }
    assertTrue(counts.get("a") > counts.get("b") && counts.get("b") > counts.get("c"), counts.toString());
    assertEquals(3, draw(fixed("x", "y", "z"), 5, 300).stream().distinct().count());
  }
}
