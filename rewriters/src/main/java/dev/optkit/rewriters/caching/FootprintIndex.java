package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.index.DataFootprint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes by the data they touch, so that finding the writes a read overlaps costs what overlaps
 * it, not a pass over every write: the planner asks once per cached method, and a pass per
 * question was quadratic in a file of many reads and writers. The answer is exactly
 * {@link DataFootprint#overlaps}'s, in the order the writes were added: the index only picks the
 * candidates (same kind, and an unknown footprint on either side, a shared name, or URLs on both
 * sides, whose overlap is by prefix), and each candidate is checked with {@code overlaps} itself.
 */
public final class FootprintIndex<T> {
  private final List<T> values = new ArrayList<>();
  private final List<DataFootprint> footprints = new ArrayList<>();
  private final Map<ClientKind, BitSet> byKind = new HashMap<>();
  private final Map<ClientKind, BitSet> unknownByKind = new HashMap<>();
  private final Map<ClientKind, BitSet> urlsByKind = new HashMap<>();
  private final Map<ClientKind, Map<String, BitSet>> byName = new HashMap<>();

  public void add(T value, DataFootprint footprint) {
    int at = values.size();
    values.add(value);
    footprints.add(footprint);
    ClientKind kind = footprint.kind();
    byKind.computeIfAbsent(kind, k -> new BitSet()).set(at);
    if (footprint.unknown()) {
      unknownByKind.computeIfAbsent(kind, k -> new BitSet()).set(at);
    }
    for (String name : footprint.names()) {
      byName.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(name, k -> new BitSet()).set(at);
      if (name.startsWith("url:")) {
        urlsByKind.computeIfAbsent(kind, k -> new BitSet()).set(at);
      }
    }
  }

  /** The values whose write may change what any of these reads returns, in the order they were added. */
  public List<T> overlapping(List<DataFootprint> reads) {
    BitSet candidates = new BitSet();
    for (DataFootprint read : reads) {
      ClientKind kind = read.kind();
      if (read.unknown()) {
        or(candidates, byKind.get(kind));
        continue;
      }
      or(candidates, unknownByKind.get(kind));
      Map<String, BitSet> names = byName.getOrDefault(kind, Map.of());
      boolean urls = false;
      for (String name : read.names()) {
        or(candidates, names.get(name));
        urls |= name.startsWith("url:");
      }
      if (urls) {
        or(candidates, urlsByKind.get(kind));
      }
    }
    List<T> found = new ArrayList<>();
    for (int at = candidates.nextSetBit(0); at >= 0; at = candidates.nextSetBit(at + 1)) {
      DataFootprint written = footprints.get(at);
      if (reads.stream().anyMatch(read -> read.overlaps(written))) {
        found.add(values.get(at));
      }
    }
    return found;
  }

  private static void or(BitSet into, BitSet from) {
    if (from != null) {
      into.or(from);
    }
  }
}
