package dev.optkit.validation.harness;

import dev.optkit.validation.spec.ArgSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Draws one argument's values as its {@link ArgSpec} says, from a seeded random source. */
final class ArgumentStream {
  private final ArgSpec spec;
  private final Random random;
  private final ArgumentStream inner;
  private final List<Object> hot = new ArrayList<>();
  /** The hot set again, for membership: a list's contains made filling a hot set of a million keys quadratic. */
  private final java.util.Set<Object> inHot = new java.util.HashSet<>();
  private final double[] zipfCumulative;
  private long next;

  ArgumentStream(ArgSpec spec, Random random) {
    this.spec = spec;
    this.random = random;
    this.inner = spec.repeats() != null ? new ArgumentStream(spec.repeats().of(), random) : null;
    this.next = spec.sequence() != null ? spec.sequence() : 0;
    this.zipfCumulative = spec.zipf() != null ? zipf(spec.zipf()) : null;
  }

  Object next() {
    return switch (spec.kind()) {
      case "value" -> spec.value();
      case "fixed" -> spec.fixed().get(random.nextInt(spec.fixed().size()));
      case "range" -> spec.range().get(0) + (long) (random.nextDouble() * (spec.range().get(1) - spec.range().get(0) + 1));
      case "sequence" -> next++;
      case "repeats" -> repeat();
      case "zipf" -> zipfValue();
      default -> throw new IllegalStateException("no generator");
    };
  }

  /** The hot set fills with the first distinct draws; after that, a share of calls reuse it. */
  private Object repeat() {
    if (hot.size() < spec.repeats().keys()) {
      Object value = inner.next();
      if (inHot.add(value)) {
        hot.add(value);
      }
      return value;
    }
    return random.nextDouble() < spec.repeats().share() ? hot.get(random.nextInt(hot.size())) : inner.next();
  }

  private Object zipfValue() {
    double u = random.nextDouble();
    int rank = 0;
    while (rank < zipfCumulative.length - 1 && zipfCumulative[rank] < u) {
      rank++;
    }
    List<Object> values = spec.zipf().of();
    return values != null ? values.get(rank) : (long) rank + 1;
  }

  private static double[] zipf(ArgSpec.Zipf zipf) {
    int n = zipf.of() != null ? zipf.of().size() : zipf.n() == null ? 100 : zipf.n();
    double exponent = zipf.exponent() == null ? 1.0 : zipf.exponent();
    double[] cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, exponent);
      cumulative[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
    return cumulative;
  }
}
