package dev.optkit.validation.spec;

import java.util.List;

/**
 * How one argument's values are drawn; exactly one field is set:
 * <ul>
 *   <li>{@code value: x} — always x;</li>
 *   <li>{@code fixed: [a, b, c]} — one of them, uniformly;</li>
 *   <li>{@code range: [1, 100]} — an integer in the range, uniformly;</li>
 *   <li>{@code sequence: 1} — 1, 2, 3...: every call a new key;</li>
 *   <li>{@code repeats: {share: 0.8, keys: 5, of: <generator>}} — with probability share one of
 *       the first {@code keys} values drawn from {@code of} (the hot set), otherwise a fresh draw;</li>
 *   <li>{@code zipf: {of: [a, b, ...] or n: 100, exponent: 1.1}} — Zipf-ranked over the values
 *       (or over 1..n), the first the most frequent.</li>
 * </ul>
 */
public record ArgSpec(Object value, List<Object> fixed, List<Long> range, Long sequence, Repeats repeats, Zipf zipf) {

  public record Repeats(double share, int keys, ArgSpec of) {}

  public record Zipf(List<Object> of, Integer n, Double exponent) {}

  /** Which kind of generator this is, for messages; null when none or several fields are set. */
  public String kind() {
    String kind = null;
    int set = 0;
    if (value != null) { kind = "value"; set++; }
    if (fixed != null) { kind = "fixed"; set++; }
    if (range != null) { kind = "range"; set++; }
    if (sequence != null) { kind = "sequence"; set++; }
    if (repeats != null) { kind = "repeats"; set++; }
    if (zipf != null) { kind = "zipf"; set++; }
    return set == 1 ? kind : null;
  }
}
