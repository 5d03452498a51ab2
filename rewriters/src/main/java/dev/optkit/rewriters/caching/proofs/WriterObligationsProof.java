package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.proof.Evidence;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.caching.SpringXmlScans;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.backends.PlainRedisBackend;
import dev.optkit.rewriters.caching.backends.SingleInstance;
import dev.optkit.rewriters.caching.writers.DataWriters;
import dev.optkit.rewriters.caching.writers.WriterEvictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The last proof of a read, asked once the others hold: every writer of its data can evict its cache (or writes only
 * in a test whose caches are emptied before it, or turned off). It holds with obligations (the evictions, the test
 * writers cleared for or turned off, and, for a read accepted stale, the lines that say so) or it refuses:
 * {@code cache.writer-cannot-evict}, or {@code cache.unknown-data} where what the read depends on is unknown.
 */
public final class WriterObligationsProof {
  /** What the writers of a read's data decide. */
  public sealed interface Verdict permits Holds, Refused {}

  /**
   * The read may be cached, with these evictions; {@code warnings} and {@code acceptedStale} name the writers that
   * cannot evict it of a read cached anyway (--accept-stale), each and in one line.
   */
  public record Holds(List<CachingTarget.Eviction> evictions, List<IndexedMethod> clearedForTests,
      List<IndexedMethod> offInTests, List<String> warnings, List<String> acceptedStale) implements Verdict {}

  /** A writer cannot evict it. */
  public record Refused(Reason reason) implements Verdict {}

  private final WholeProject whole;
  private final ProjectIndex index;
  private final DataWriters dataWriters;
  private final WriterEvictions writerEvictions;
  private final SingleInstance singleInstance;
  private final Optional<PlainRedisBackend> plainRedis;
  private final Set<String> acceptStale;
  private final Path root;
  /** Methods XML configuration calls by name ({@code <task:scheduled method="...">}): callers the call graph lacks. */
  private Set<String> xmlCalledMethods;

  /**
   * @param plainRedis the redis backend for plain caches, when the module has it
   * @param acceptStale methods ({@code Class.method}, simple or qualified class) to cache even though some writer of
   *     their data cannot evict them
   * @param root the module's folder, whose Spring XML may call a writer by name
   */
  public WriterObligationsProof(WholeProject whole, DataWriters dataWriters, WriterEvictions writerEvictions,
      SingleInstance singleInstance, Optional<PlainRedisBackend> plainRedis, Set<String> acceptStale,
      Path root) {
    this.whole = whole;
    this.index = whole.index();
    this.dataWriters = dataWriters;
    this.writerEvictions = writerEvictions;
    this.singleInstance = singleInstance;
    this.plainRedis = plainRedis;
    this.acceptStale = Set.copyOf(acceptStale);
    this.root = root;
  }

  /** The verdict on a named candidate ({@link Candidate#named}: an accepted stale read's TTL is its bound). */
  public Verdict check(Candidate candidate) {
    IndexedMethod read = candidate.method();
    MethodFact fact = read.fact();
    CacheForm form = candidate.form();
    List<CachingTarget.Eviction> evictions = new ArrayList<>();
    List<IndexedMethod> clearedForTests = new ArrayList<>(), offInTests = new ArrayList<>();
    List<String> unmatched = new ArrayList<>();
    List<IndexedMethod> unevicting = new ArrayList<>();
    for (DataWriters.Writer writer : dataWriters.of(read)) {
      if (form == CacheForm.PLAIN && !fact.isStatic() && !sharedInRedis(read)
          && writerEvictions.seedsBeforeTests(writer.method())) {
        continue; // a test's set-up writes before it builds the object whose own cache it then reads
      }
      if (SourceSet.isTestPath(writer.method().path()) && !writerEvictions.readsBackThroughTheCache(writer.method(), read)) {
        continue; // a test class that writes the data but never reads it through the cached method
      }
      // a test's set-up: the caches are emptied after it, before the test (asked once: its answer is the reason too)
      boolean springTestWriter = form == CacheForm.SPRING && SourceSet.isTestPath(writer.method().path());
      Optional<String> notCleared = springTestWriter
          ? writerEvictions.whyNotClearedForTests(writer.method(), read) : Optional.empty();
      if (springTestWriter && notCleared.isEmpty() && !writer.deferred()) {
        clearedForTests.add(writer.method());
        continue;
      }
      if (springTestWriter && writerEvictions.canTurnOffInTests(writer.method())) {
        offInTests.add(writer.method()); // written inside a test, no eviction follows: caches off in tests (trial 88)
        continue;
      }
      Optional<List<IndexedMethod>> withSelfCallers = writer.deferred() ? Optional.empty()
          : writerEvictions.evictingWithSelfCallers(form, read, writer.method(), new java.util.HashSet<>());
      if (withSelfCallers.isPresent()) {
        // evicts itself, and so do the methods of its object that call it through 'this' (a public overload
        // delegating to it), whose proxies are where those calls come in
        withSelfCallers.get().forEach(carrier -> evictions.add(new CachingTarget.Eviction(carrier)));
        continue;
      }
      Optional<WriterEvictions.CannotEvict> cannot = writer.deferred()
          ? Optional.of(WriterEvictions.CannotEvict.of("the write runs later, in another task, after any eviction on "
              + writer.method().fact().name() + "()"))
          : writerEvictions.cannotEvictFrom(form, read, writer.method());
      if (cannot.isPresent() && !writer.deferred() && cannot.get().kind() == WriterEvictions.CannotEvict.Kind.NO_BODY
          && index.callersOf(writer.method()).stream().allMatch(c -> SourceSet.isTestPath(c.path()))
          && !xmlCalledMethods().contains(writer.method().fact().name())) {
        // a @Modifying query method nothing in production calls writes nothing there (a test calling it is a
        // writer of its own; Spring Data REST's exports are refused above): audit 9's techmart, 12 refusals
        continue;
      }
      if (cannot.isPresent() && !writer.deferred() && (!writer.method().fact().modifiers().isPublic()
          || cannot.get().kind() != WriterEvictions.CannotEvict.Kind.OTHER)) {
        // a private helper writes, or a class no proxy wraps (a Spring Data fragment, a plain helper): evict around
        // the methods that call it instead, when every path goes through them
        Optional<List<IndexedMethod>> callers = writerEvictions.evictingCallers(form, read, writer.method(),
            new java.util.HashSet<>());
        if (callers.isPresent()) {
          callers.get().forEach(caller -> evictions.add(new CachingTarget.Eviction(caller)));
          continue;
        }
      }
      if (cannot.isPresent()) {
        unmatched.add(writer.method().fact().displayName() + "() " + writer.what() + " but " + cannot.get().text()
            + notCleared.map(why -> " (nor can clearing the caches before each test cover it: " + why + ")").orElse(""));
        unevicting.add(writer.method());
        continue;
      }
      // every entry: a writer's parameter named like the key may be the new value (updateEmail(id, email)
      // changes which key finds the row), so a keyed eviction would leave the old entry stale
      evictions.add(new CachingTarget.Eviction(writer.method()));
    }
    // one cache in Redis for every object: a writer's eviction reaches it whichever object it runs on
    if (form == CacheForm.PLAIN && !fact.isStatic() && !evictions.isEmpty() && !sharedInRedis(read)) {
      Optional<String> several = singleInstance.whyNot(fact.ownerType());
      if (several.isPresent()) {
        String evicting = evictions.stream().map(e -> e.writer().fact().displayName() + "()").distinct().sorted()
            .collect(java.util.stream.Collectors.joining(", "));
        unmatched.add(evicting + " would evict only the cache of the object it runs on, and " + several.get()
            + ": a write through one object would leave another object's cache stale");
        evictions.forEach(eviction -> unevicting.add(eviction.writer()));
      }
    }
    List<String> warnings = new ArrayList<>();
    List<String> acceptedStale = new ArrayList<>();
    if (!unmatched.isEmpty()) {
      if (!accepted(fact)) {
        Optional<String> untold = dataWriters.untoldReads(read);
        String which = untold.orElse("a writer of its data cannot evict it: ");
        return new Refused(new Reason(untold.isPresent() ? Proof.UNKNOWN_DATA : Proof.WRITER_CANNOT_EVICT,
            which + Refusal.summarise(unmatched)
            + ". Cached, it would serve stale data after that write; --accept-stale " + fact.displayName()
            + " caches it anyway with its TTL (" + candidate.ttlSeconds() + " s) as the only bound",
            MethodEvidence.of(Evidence.Role.WRITER, unevicting)));
      }
      Optional<String> writtenBack = writtenBack(read, unevicting);
      if (writtenBack.isPresent()) {
        return new Refused(new Reason(Proof.STALE_WRITE_BACK, writtenBack.get(),
            MethodEvidence.of(Evidence.Role.WRITER, unevicting)));
      }
      String live = "; entries live up to " + candidate.ttlSeconds() + " s after that write";
      for (String writer : unmatched.stream().distinct().toList()) {
        warnings.add("accepted stale (--accept-stale): " + writer + live); // each, in the plan a reviewer reads
      }
      // one comment above the method, however many writers: 33 test methods wrote 33 copies of one reason (a trial
      // on JHipster's sample app, 378 lines added to its UserService)
      acceptedStale.add("accepted stale (--accept-stale): " + Refusal.summarise(unmatched, 1) + live);
    }
    return new Holds(List.copyOf(evictions), List.copyOf(clearedForTests), List.copyOf(offInTests), List.copyOf(warnings),
        List.copyOf(acceptedStale));
  }

  /**
   * A production writer that cannot evict the read, run by a method that also runs the read: the writer itself, or a
   * method calling it, however many calls up (a service reading the stock, then handing the new amount on to the writer).
   * Accepting the read stale could write a stale answer back (ddd-example-ecommerce's GoodsFetchingJdbc.fetch: the
   * stock read through the cache, then decremented by what it said, left the database at -2). Whether the written
   * value rests on the read is not followed: the reason says so.
   */
  private Optional<String> writtenBack(IndexedMethod read, List<IndexedMethod> unevicting) {
    java.util.Set<IndexedMethod> runsRead = callersUp(read);
    for (IndexedMethod writer : unevicting) {
      if (SourceSet.isTestPath(writer.path())) {
        continue;
      }
      // every method up the calls to it, however far (a fixed depth only moved the hole up a frame)
      java.util.Set<IndexedMethod> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      java.util.ArrayDeque<IndexedMethod> runners = new java.util.ArrayDeque<>(List.of(writer));
      seen.add(writer);
      while (!runners.isEmpty()) {
        IndexedMethod runner = runners.poll();
        if (!SourceSet.isTestPath(runner.path()) && runner != read && runsRead.contains(runner)) {
          return Optional.of("--accept-stale cannot cover " + writer.fact().displayName() + "(): "
              + (runner == writer ? "it reads " + read.fact().displayName() + "() and writes"
                  : runner.fact().displayName() + "() runs both " + read.fact().displayName() + "() and it, which writes")
              + " that data without evicting it; where what is written rests on what was read, a stale answer would "
              + "be written back to the database, not only served");
        }
        index.callersOf(runner).stream().filter(seen::add).forEach(runners::add);
      }
    }
    return Optional.empty();
  }

  /** The methods that run this one through the project's calls, however far up, itself included. */
  private java.util.Set<IndexedMethod> callersUp(IndexedMethod method) {
    java.util.Set<IndexedMethod> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.ArrayDeque<IndexedMethod> next = new java.util.ArrayDeque<>(List.of(method));
    seen.add(method);
    while (!next.isEmpty()) {
      index.callersOf(next.poll()).stream().filter(seen::add).forEach(next::add);
    }
    return seen;
  }

  /** Whether this plain method's cache is one in Redis, shared by every object of its class. */
  private boolean sharedInRedis(IndexedMethod method) {
    return plainRedis.isPresent() && plainRedis.get().whyNotShared(method, whole).isEmpty();
  }

  private Set<String> xmlCalledMethods() {
    if (xmlCalledMethods == null) {
      xmlCalledMethods = SpringXmlScans.calledMethods(root);
    }
    return xmlCalledMethods;
  }

  private boolean accepted(MethodFact fact) {
    return acceptStale.contains(fact.displayName()) || acceptStale.contains(fact.ownerType() + "." + fact.name());
  }
}
