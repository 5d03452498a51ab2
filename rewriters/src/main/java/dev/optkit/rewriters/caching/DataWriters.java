package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.index.DataFootprint;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every method of the project that may change what a cached method reads: methods whose own writes
 * overlap the target's data (tables from parsed SQL, entities, repositories, URL templates; an
 * unknown footprint overlaps everything of its kind), searched in every class, profile and
 * implementation, and the target's own class's methods that write through project calls. Both are
 * looked up by footprint ({@link FootprintIndex}), not by a pass over every write per target.
 */
final class DataWriters {
  /** A method that writes data the cached method reads, and what it writes. */
  record Writer(IndexedMethod method, String what, boolean deferred) {
    Writer(IndexedMethod method, String what) {
      this(method, what, false);
    }
  }

  private final ProjectIndex index;
  private final WholeProject whole;
  private final MembersByType members;

  DataWriters(WholeProject whole, MembersByType members) {
    this.index = whole.index();
    this.whole = whole;
    this.members = members;
  }

  /**
   * Whether some table the target reads cannot be told (an entity mapped beyond its associations, SQL built at run
   * time): then every write of the database counts as a writer of its data.
   */
  boolean readsUntold(IndexedMethod target) {
    return index.reachedIo(target).stream().filter(r -> r.site().access() == Access.READ)
        .map(r -> index.footprints().of(r.site())).anyMatch(DataFootprint::unknown);
  }

  /** The writers of what the target reads: the project's writes first, then its own class's, each method once. */
  List<Writer> of(IndexedMethod target) {
    List<DataFootprint> reads = new ArrayList<>();
    for (var reached : index.reachedIo(target)) {
      if (reached.site().access() == Access.READ) {
        reads.add(index.footprints().of(reached.site()));
      }
    }
    Map<String, Writer> writers = new LinkedHashMap<>();
    for (ProjectWrites.Write write : whole.writesByFootprint().overlapping(reads)) {
      if (write.method() != target) {
        writers.putIfAbsent(write.method().key() + "@" + write.method().path(),
            new Writer(write.method(), write.what(), write.deferred()));
      }
    }
    for (MembersByType.OwnWrite write : members.writesOverlapping(target, reads)) {
      IndexedMethod method = write.method();
      writers.putIfAbsent(method.key() + "@" + method.path(), new Writer(method, "writes "
          + ProjectWrites.describe(write.footprint()) + " through " + String.join(" -> ", write.reached().via())));
    }
    return List.copyOf(writers.values());
  }
}
