package dev.optkit.rewriters.caching.writers;

import dev.optkit.rewriters.caching.FootprintIndex;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.index.DataFootprint;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.MembersByType;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every method of the project that may change what a cached method reads: methods whose own writes
 * overlap the target's data (tables from parsed SQL, entities, repositories, URL templates; an
 * unknown footprint overlaps everything of its kind), searched in every class, profile and
 * implementation, and the target's own class's methods that write through project calls. Both are
 * looked up by footprint ({@link FootprintIndex}), not by a pass over every write per target.
 */
public final class DataWriters {
  /** A method that writes data the cached method reads, and what it writes. */
  public record Writer(IndexedMethod method, String what, boolean deferred) {
    Writer(IndexedMethod method, String what) {
      this(method, what, false);
    }
  }

  private final ProjectIndex index;
  private final WholeProject whole;
  private final MembersByType members;

  public DataWriters(WholeProject whole, MembersByType members) {
    this.index = whole.index();
    this.whole = whole;
    this.members = members;
    ReadThrough readThrough = new ReadThrough(whole.index());
    this.mockStubs = new MockedBeanStubs(whole, readThrough);
    this.fakes = new HandWrittenFakes(whole, readThrough);
  }

  private final MockedBeanStubs mockStubs;
  private final HandWrittenFakes fakes;

  /**
   * What the target reads that optkit cannot tell, said for a refusal: tables (an entity spread over
   * tables, SQL built at run time...) or a remote service's data (an SDK call that names no URL);
   * empty when it can tell all it reads.
   */
  public Optional<String> untoldReads(IndexedMethod target) {
    List<IoSite> untold = index.reachedIo(target).stream().filter(r -> r.site().access() == Access.READ)
        .map(r -> r.site()).filter(site -> index.footprints().of(site).unknown()).toList();
    if (untold.isEmpty()) {
      return Optional.empty();
    }
    if (untold.stream().anyMatch(site -> site.kind() == ClientKind.DB)) {
      return Optional.of("it reads tables optkit cannot tell (an entity spread over tables or mapped with SQL of its "
          + "own, a mapping optkit does not read, or SQL built at run time), so every database write counts as a "
          + "writer of its data, and one cannot evict it: ");
    }
    IoSite first = untold.get(0);
    return Optional.of("it reads remote data optkit cannot name (" + first.provider() + " " + first.method()
        + "()), which any write of the application, and anyone outside it, may change; so every write counts as a "
        + "writer of its data, and one cannot evict it: ");
  }

  /** The writers of what the target reads: the project's writes first, then its own class's, each method once. */
  public List<Writer> of(IndexedMethod target) {
    List<DataFootprint> reads = new ArrayList<>();
    for (var reached : index.reachedIo(target)) {
      if (reached.site().access() == Access.READ) {
        reads.add(index.footprints().of(reached.site()));
      }
    }
    Map<String, Writer> writers = new LinkedHashMap<>();
    for (ProjectWrites.Write write : ProjectWrites.byFootprint(whole).overlapping(reads)) {
      // another Spring Boot application on a database of its own writes none of the tables this one reads
      boolean elsewhere = write.footprint().kind() == ClientKind.DB
          && whole.separateApplications().separate(target.path(), write.method().path());
      if (write.method() != target && !elsewhere) {
        writers.putIfAbsent(write.method().key() + "@" + write.method().path(),
            new Writer(write.method(), write.what(), write.deferred()));
      }
    }
    if (reads.stream().anyMatch(DataFootprint::mayBeServedByTheProject)) {
      // GET /stats through a Feign client, served by the project's stats application: every write that
      // application makes may change the answer, whatever its database, and none runs where this cache lives
      for (ProjectWrites.Write write : ProjectWrites.of(whole)) {
        if (write.method() != target
            && whole.separateApplications().anotherServingApplication(target.path(), write.method().path())) {
          writers.putIfAbsent(write.method().key() + "@" + write.method().path(), new Writer(write.method(),
              write.what() + " in another application of the project, which may answer its remote read",
              write.deferred()));
        }
      }
    }
    for (MembersByType.OwnWrite write : members.writesOverlapping(target, reads)) {
      IndexedMethod method = write.method();
      // a writer with no body (a @Modifying query method) writes itself, through nothing
      String through = write.reached().via().isEmpty() ? "" : " through " + String.join(" -> ", write.reached().via());
      writers.putIfAbsent(method.key() + "@" + method.path(), new Writer(method, "writes "
          + ProjectWrites.describe(write.footprint()) + through));
    }
    mockStubs.of(target).forEach((method, mocked) -> writers.putIfAbsent(method.key() + "@" + method.path(),
        new Writer(method, "stubs the mocked " + dev.optkit.rewriters.caching.ProjectTraits.simpleName(mocked)
            + " it reads through (a mock in the application context in place of the bean)")));
    fakes.of(target).forEach((method, fake) -> writers.putIfAbsent(method.key() + "@" + method.path(),
        new Writer(method, "changes the state of " + fake + " the cached method reads through")));
    return List.copyOf(writers.values());
  }
}
