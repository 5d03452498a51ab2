package dev.optkit.analyzers.bytecode;

import dev.optkit.analyzers.io.Hashes;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.ParseProblem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which library methods do I/O, decided from the dependency jars' bytecode: the answer for calls
 * into methods the client catalogue does not name. Each jar is read once per content hash (cached
 * in {@link JarGraphCache}); the reach is computed over the whole set on every run, since which
 * override runs depends on every jar. Queries come from the rules and the call graph's thread at
 * once, and the graph memoises what they ask: they are synchronized.
 */
public final class LibraryIo {
  /** No jars: no library method is known to do I/O. */
  public static final LibraryIo NONE = new LibraryIo(null, null, List.of());

  /** The time the whole computation may take before it stops with partial answers. */
  private static final long BUDGET_NANOS = 120_000_000_000L;

  /**
   * What a library method reaches.
   *
   * @param method the library method, {@code com.acme.Client.fetch}
   * @param basis the primitive reached, {@code java.net.Socket.connect}
   */
  public record Reached(ClientKind kind, Access access, String method, String basis) {}

  private final LibraryCallGraph graph;
  /** The types a call may be looked up in (internal names); null: every type of the jars. */
  private final java.util.Set<String> entryTypes;
  private final List<ParseProblem> warnings;

  private LibraryIo(LibraryCallGraph graph, java.util.Set<String> entryTypes, List<ParseProblem> warnings) {
    this.graph = graph;
    this.entryTypes = entryTypes;
    this.warnings = List.copyOf(warnings);
  }

  /** Summaries for these jars, every one an entry. */
  public static LibraryIo of(List<Path> jars, ClientCatalog catalog, Path cacheDirectory) {
    return of(jars, jars, catalog, cacheDirectory);
  }

  /**
   * Summaries for these jars, in class-path order.
   *
   * @param entries the jars whose types a project's call is looked up in: those it declares. The
   *     others (what they bring along) are in the graph, for what the entries reach, but a call
   *     on their types is not looked up: through class-hierarchy analysis a framework's own
   *     plumbing (SpringApplication.run, ObjectMapper.writeValueAsString) reached Hibernate's
   *     session once Hibernate's jar was there
   * @param cacheDirectory optkit's cache directory, or null to read every jar each time
   */
  public static LibraryIo of(List<Path> jars, List<Path> entries, ClientCatalog catalog, Path cacheDirectory) {
    return of(jars, entries, catalog, cacheDirectory, System::nanoTime);
  }

  /** @param nanos the clock the time budgets are kept by: {@link System#nanoTime()}, or a test's */
  static LibraryIo of(List<Path> jars, List<Path> entries, ClientCatalog catalog, Path cacheDirectory,
      java.util.function.LongSupplier nanos) {
    if (jars.isEmpty()) {
      return NONE;
    }
    long deadline = nanos.getAsLong() + BUDGET_NANOS;
    JarGraphCache cache = new JarGraphCache(cacheDirectory);
    // a jar's hash from the last run when its status is unchanged: hashing 200 MB of jars was seconds
    dev.optkit.analyzers.io.FileHashes hashes = cacheDirectory == null ? null
        : dev.optkit.analyzers.io.FileHashes.open(cacheDirectory.resolve("bytecode"));
    java.util.Set<Path> entryJars = new java.util.HashSet<>(entries);
    java.util.Set<String> entryTypes = entryJars.containsAll(jars) ? null : new java.util.HashSet<>();
    java.util.Map<String, String> names = new java.util.HashMap<>();
    // each jar: its graph from the cache, or read; the reads run on every core (cold, they were the whole of a small
    // project's first assess once its dependencies were there: 16 s for piggymetrics' 174 jars on one thread), and
    // what they give is taken in class-path order
    List<Slot> slots = new ArrayList<>();
    for (Path jar : jars) {
      String shown = String.valueOf(jar.getFileName());
      if (nanos.getAsLong() - deadline > 0) {
        slots.add(Slot.warned(warning(shown, "not read: library I/O summaries ran over their time budget")));
        continue;
      }
      try {
        slots.add(new Slot(jar, hashes == null ? Hashes.sha256(jar) : hashes.sha256(jar), null, null, null));
      } catch (IOException | RuntimeException e) {
        slots.add(Slot.warned(warning(shown, "not read (" + e.getClass().getSimpleName() + ")")));
      }
    }
    if (hashes != null) {
      hashes.saveKeepingOthers(); // the cache may be the user's, every project's jars in it
    }
    IoPrimitives primitives = new IoPrimitives(catalog);
    // the whole class path as an earlier run computed it, when every jar was hashed
    ClasspathGraphCache wholes = new ClasspathGraphCache(cacheDirectory);
    String wholeKey = slots.stream().allMatch(slot -> slot.jar() != null)
        ? ClasspathGraphCache.key(slots.stream().map(Slot::hash).toList(),
            slots.stream().map(slot -> entryJars.contains(slot.jar())).toList(), catalog)
        : null;
    if (wholeKey != null) {
      Optional<ClasspathGraphCache.Whole> whole = wholes.lookup(wholeKey, primitives);
      if (whole.isPresent()) {
        return new LibraryIo(whole.get().graph(), whole.get().entryTypes(), List.of());
      }
    }
    for (int i = 0; i < slots.size(); i++) {
      Slot slot = slots.get(i);
      if (slot.jar() != null) {
        Optional<JarGraph> cached = cache.lookup(slot.hash(), names);
        if (cached.isPresent()) {
          slots.set(i, new Slot(slot.jar(), slot.hash(), cached.get(), null, null));
        }
      }
    }
    readMissing(slots, deadline, nanos);
    List<JarGraph> graphs = new ArrayList<>();
    List<ParseProblem> warnings = new ArrayList<>();
    for (Slot slot : slots) {
      if (slot.cached() != null) {
        graphs.add(slot.cached());
        entryTypes(entryTypes, entryJars, slot.jar(), slot.cached());
      } else if (slot.read() != null) {
        graphs.add(slot.read().graph().canonical(names));
        entryTypes(entryTypes, entryJars, slot.jar(), graphs.get(graphs.size() - 1));
        if (slot.read().problem() == null) {
          cache.store(slot.hash(), slot.read().graph());
        } else {
          warnings.add(warning(String.valueOf(slot.jar().getFileName()), slot.read().problem()));
        }
      }
      if (slot.warning() != null) {
        warnings.add(slot.warning());
      }
    }
    LibraryCallGraph graph = new LibraryCallGraph(graphs, primitives, deadline, nanos);
    if (!graph.complete()) {
      warnings.add(warning("(dependency jars)", "library I/O summaries stopped at their time budget: calls into "
          + "libraries may be missed"));
    }
    if (wholeKey != null && warnings.isEmpty()) { // only what every jar read whole gave is kept
      wholes.store(wholeKey, graph, entryTypes);
    }
    return new LibraryIo(graph, entryTypes, warnings);
  }

  /**
   * One jar of the class path: its graph from the cache, or as read, or what kept it from being read.
   *
   * @param read null until {@link #readMissing} read it
   */
  private record Slot(Path jar, String hash, JarGraph cached, JarReader.Outcome read, ParseProblem warning) {
    static Slot warned(ParseProblem warning) {
      return new Slot(null, null, null, null, warning);
    }

    boolean missing() {
      return jar != null && cached == null && read == null && warning == null;
    }
  }

  /** Reads the jars the cache did not have, on as many threads as there are cores, each slot replaced by its read. */
  private static void readMissing(List<Slot> slots, long deadline, java.util.function.LongSupplier nanos) {
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).missing()) {
        missing.add(i);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    int threads = Math.min(missing.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "optkit-library-io-read");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<java.util.concurrent.Future<Slot>> reads = new ArrayList<>();
      for (int index : missing) {
        Slot slot = slots.get(index);
        reads.add(pool.submit(() -> read(slot, deadline, nanos)));
      }
      for (int i = 0; i < missing.size(); i++) {
        slots.set(missing.get(i), reads.get(i).get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("library I/O summaries interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Slot read(Slot slot, long deadline, java.util.function.LongSupplier nanos) {
    String shown = String.valueOf(slot.jar().getFileName());
    if (nanos.getAsLong() - deadline > 0) {
      return new Slot(slot.jar(), slot.hash(), null, null,
          warning(shown, "not read: library I/O summaries ran over their time budget"));
    }
    try {
      return new Slot(slot.jar(), slot.hash(), null, JarReader.read(slot.jar(), JarReader.Limits.DEFAULT, nanos), null);
    } catch (JarReader.Refused refused) {
      return new Slot(slot.jar(), slot.hash(), null, null, warning(shown, refused.getMessage()));
    }
  }

  private static void entryTypes(java.util.Set<String> entryTypes, java.util.Set<Path> entryJars, Path jar,
      JarGraph graph) {
    if (entryTypes != null && entryJars.contains(jar)) {
      graph.types().forEach(type -> entryTypes.add(type.name()));
    }
  }

  /** The type's internal name when a call on it may be looked up. */
  private Optional<String> entry(String type) {
    Optional<String> owner = graph.internalName(type);
    return entryTypes == null ? owner : owner.filter(entryTypes::contains);
  }

  private static ParseProblem warning(String jar, String message) {
    return new ParseProblem(jar, 0, 0, "library bytecode: " + message);
  }

  /** The methods of the jars, and how many of them reach I/O: for benchmarks and the terminal's stats. */
  public int[] methodsAndReaching() {
    return graph == null ? new int[2] : new int[] {graph.methodCount(), graph.reachingCount()};
  }

  /** The chain of library methods a call of the first overload reaching I/O goes through, for explanations. */
  public synchronized List<String> pathOf(String type, String name, int arity) {
    if (graph == null) {
      return List.of();
    }
    Optional<String> owner = entry(type);
    if (owner.isEmpty()) {
      return List.of();
    }
    for (JarGraph.Method overload : graph.overloads(owner.get(), name, arity)) {
      List<String> path = graph.pathFrom(owner.get(), overload);
      if (!path.isEmpty()) {
        return path;
      }
    }
    return List.of();
  }

  /**
   * Whether the library type, or anything it extends or implements, declares a method of that name; empty when the type
   * or one of its ancestors is in no jar read.
   */
  public synchronized Optional<Boolean> declaresName(String type, String name) {
    if (graph == null) {
      return Optional.empty();
    }
    return graph.internalName(type).flatMap(owner -> graph.declaresName(owner, name));
  }

  /** What could not be read, one warning per jar; the analysis went on without it. */
  public List<ParseProblem> warnings() {
    return warnings;
  }

  /**
   * The types the overloads of {@code type.name} with {@code arity} arguments return (qualified, {@code void} and
   * primitives as Java writes them), in the graph's order; empty when the method is not in the jars.
   */
  public synchronized List<String> returnTypes(String type, String name, int arity) {
    if (graph == null || arity < 0) {
      return List.of();
    }
    Optional<String> owner = entry(type);
    if (owner.isEmpty()) {
      return List.of();
    }
    return graph.overloads(owner.get(), name, arity).stream()
        .map(overload -> org.objectweb.asm.Type.getReturnType(overload.descriptor()).getClassName()).toList();
  }

  /**
   * The types the instance methods of a type in the jars answer, declared or inherited (qualified, {@code void} and
   * primitives as Java writes them): what an object of it hands out. Empty when no jar has the type.
   */
  public synchronized List<String> instanceAnswers(String type) {
    if (graph == null) {
      return List.of();
    }
    return graph.internalName(type).map(graph::instanceAnswers).orElse(List.of());
  }

  /**
   * The I/O a call of {@code type.name} with {@code arity} arguments reaches, when every overload
   * it may mean reaches I/O (the source's argument types are not known here, so a method whose
   * other overload only formats text is not reported), through any override in the jars.
   */
  public synchronized Optional<Reached> reached(String type, String name, int arity) {
    if (graph == null || arity < 0) {
      return Optional.empty();
    }
    Optional<String> owner = entry(type);
    if (owner.isEmpty()) {
      return Optional.empty();
    }
    List<JarGraph.Method> overloads = graph.overloads(owner.get(), name, arity);
    if (overloads.isEmpty()) {
      return Optional.empty();
    }
    int bits = 0;
    String db = null;
    String api = null;
    for (JarGraph.Method overload : overloads) {
      LibraryCallGraph.Reach reach = graph.reachOf(owner.get(), overload);
      if (reach.mask() == 0) {
        return Optional.empty();
      }
      bits |= reach.mask();
      db = db == null ? reach.dbBasis() : db;
      api = api == null ? reach.apiBasis() : api;
    }
    boolean database = (bits & LibraryCallGraph.DB) != 0;
    int accesses = bits & (LibraryCallGraph.READ | LibraryCallGraph.WRITE | LibraryCallGraph.UNKNOWN);
    Access access = accesses == LibraryCallGraph.READ ? Access.READ
        : accesses == LibraryCallGraph.WRITE ? Access.WRITE : Access.UNKNOWN;
    return Optional.of(new Reached(database ? ClientKind.DB : ClientKind.API, access, type + "." + name,
        database ? db : api));
  }
}
