package dev.optkit.analyzers;

import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Fingerprints;
import dev.optkit.analyzers.findings.Savings;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.io.CodeBuild;
import dev.optkit.analyzers.io.Hashes;
import dev.optkit.analyzers.parse.FactsCache;
import dev.optkit.analyzers.parse.JarClasses;
import dev.optkit.analyzers.parse.ParsingWorker;
import dev.optkit.analyzers.parse.ShardFile;
import dev.optkit.analyzers.source.ShardPlan;
import dev.optkit.analyzers.parse.ProjectClasspath;
import dev.optkit.analyzers.rules.Rule;
import dev.optkit.analyzers.rules.RuleContext;
import dev.optkit.analyzers.rules.Rules;
import dev.optkit.analyzers.savings.SavingsModel;
import dev.optkit.analyzers.source.SourceFile;
import dev.optkit.analyzers.source.SourceSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an assessment: scans the source set, parses files in parallel (one worker per thread),
 * builds the project index, runs the rules, prices and ranks the findings.
 */
public final class Assessor {

  /**
   * Told how many files are done, for progress bars (called from worker threads), and when each phase of the run
   * starts and ends (from the run's thread, one phase at a time, in {@link Phase}'s order; a phase may be left out).
   */
  @FunctionalInterface
  public interface Progress {
    void filesDone(int done, int total);

    /** A phase starts. */
    default void started(Phase phase) {}

    /** The phase started last ends, having done {@code count} of its {@link Phase#unit}. */
    default void ended(Phase phase, int count) {}

    Progress NONE = (done, total) -> {};
  }

  /** The phases of a run, as a progress display names them. */
  public enum Phase {
    /** The source folders walked for the files to read. */
    SOURCES("finding sources", "file", "files"),
    /**
     * Waiting for the project's dependency jars (Maven Resolver), which were resolved beside the walk: what a cold
     * run spends most of its time on before the parse.
     */
    DEPENDENCIES("resolving dependencies", "jar", "jars"),
    /** Each file parsed, its types resolved and its facts extracted (or read from the facts cache). */
    PARSE("parsing", "file", "files"),
    /** The project index, the call graph, the rules and the savings estimate, with the jars' I/O summaries. */
    ANALYSIS("call graph and rules", "finding", "findings");

    private final String doing;
    private final String one;
    private final String unit;

    Phase(String doing, String one, String unit) {
      this.doing = doing;
      this.one = one;
      this.unit = unit;
    }

    /** What the run is doing in this phase: "resolving dependencies". */
    public String doing() {
      return doing;
    }

    /** What its count counts: "jars". */
    public String unit() {
      return unit;
    }

    /** {@code count} of them: "1 jar", "143 jars". */
    public String counted(int count) {
      return String.format(java.util.Locale.ROOT, "%,d %s", count, count == 1 ? one : unit);
    }
  }

  /**
   * @param classpath jars or directories of jars for the symbol solver
   * @param useMavenRepository also use jars of the project's declared dependencies found in ~/.m2
   * @param resolveTypes false skips the symbol solver: faster, imports and names only
   * @param resolution how the project's dependencies are resolved with Maven Resolver; null: not
   *     resolved, only the declared ones already in ~/.m2 are used (when {@code useMavenRepository})
   * @param libraryCache where the dependency jars' I/O summaries are kept, by each jar's content
   *     ({@link dev.optkit.analyzers.io.UserCache#librarySummaries()} for the commands); null: every jar is read
   */
  public record Options(
      List<Path> roots,
      List<String> excludes,
      boolean includeTests,
      List<Path> classpath,
      boolean useMavenRepository,
      int threads,
      boolean resolveTypes,
      OptkitConfig config,
      String toolVersion,
      Path cacheDirectory,
      dev.optkit.analyzers.dependencies.ResolutionSettings resolution,
      Path libraryCache) {

    /** The jars' summaries kept with the facts, in {@code cacheDirectory}. */
    public Options(List<Path> roots, List<String> excludes, boolean includeTests, List<Path> classpath,
        boolean useMavenRepository, int threads, boolean resolveTypes, OptkitConfig config, String toolVersion,
        Path cacheDirectory, dev.optkit.analyzers.dependencies.ResolutionSettings resolution) {
      this(roots, excludes, includeTests, classpath, useMavenRepository, threads, resolveTypes, config, toolVersion,
          cacheDirectory, resolution, cacheDirectory);
    }

    /** Without dependency resolution: the declared dependencies' jars already in ~/.m2 only. */
    public Options(List<Path> roots, List<String> excludes, boolean includeTests, List<Path> classpath,
        boolean useMavenRepository, int threads, boolean resolveTypes, OptkitConfig config, String toolVersion,
        Path cacheDirectory) {
      this(roots, excludes, includeTests, classpath, useMavenRepository, threads, resolveTypes, config, toolVersion,
          cacheDirectory, null);
    }

    public Options {
      roots = List.copyOf(roots);
      excludes = List.copyOf(excludes);
      classpath = List.copyOf(classpath);
      threads = Math.max(1, threads);
    }

    public static Options of(List<Path> roots, OptkitConfig config) {
      return new Options(roots, config.exclude(), config.includeTests(), List.of(), true,
          Runtime.getRuntime().availableProcessors(), true, config, "dev", null);
    }
  }

  /**
   * What a run reads before parsing: the files of the scan, the jars for type resolution, those of
   * them a call may be looked up in for library I/O (the user's and the declared dependencies';
   * the others only extend what those reach), and what could not be had (dependencies not
   * resolved: warnings of the assessment).
   */
  public record Inputs(SourceSet sources, List<Path> jars, List<Path> libraryEntries, List<ParseProblem> warnings) {
    public Inputs {
      jars = List.copyOf(jars);
      libraryEntries = List.copyOf(libraryEntries);
      warnings = List.copyOf(warnings);
    }

    /** Every jar an entry: jars the user names. */
    public Inputs(SourceSet sources, List<Path> jars) {
      this(sources, jars, jars, List.of());
    }
  }

  public static Inputs inputs(Options options) {
    return inputs(options, Progress.NONE);
  }

  /** The most modules without jars a warning names. */
  private static final int MAX_UNBUILT_SHOWN = 10;

  /** The sources and the jars, each phase told to {@code progress}. */
  public static Inputs inputs(Options options, Progress progress) {
    if (!options.resolveTypes()) {
      progress.started(Phase.SOURCES);
      SourceSet sources = SourceSet.scan(options.roots(), options.config().include(), options.excludes(),
          options.includeTests());
      progress.ended(Phase.SOURCES, sources.files().size());
      return new Inputs(sources, List.of());
    }
    // the build files' dependencies beside the scan, which needs none of them: spring-framework's 34 Gradle scripts
    // were 1.5 s of one thread while the other core idled
    java.util.concurrent.CompletableFuture<ProjectClasspath.Classpath> resolving = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> ProjectClasspath.resolve(options.classpath(), options.roots(),
            options.useMavenRepository() ? dev.optkit.analyzers.dependencies.ResolutionSettings.defaultMavenRepository() : null,
            options.useMavenRepository() ? options.resolution() : null), daemon("optkit-classpath"));
    progress.started(Phase.SOURCES);
    SourceSet sources = SourceSet.scan(options.roots(), options.config().include(), options.excludes(),
        options.includeTests());
    progress.ended(Phase.SOURCES, sources.files().size());
    progress.started(Phase.DEPENDENCIES); // what is left of it once the walk is done
    ProjectClasspath.Classpath classpath;
    try {
      classpath = resolving.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    progress.ended(Phase.DEPENDENCIES, classpath.jars().size());
    List<ParseProblem> warnings = new ArrayList<>(classpath.warnings());
    if (options.classpath().isEmpty() && options.useMavenRepository() && !classpath.builds().isEmpty()) {
      // a build read for some modules says nothing of the others: name those that ran without jars
      List<String> unbuilt = dev.optkit.analyzers.parse.UnbuiltModules.of(SourceSet.displayRoot(options.roots()),
          classpath.builds(), sources.files().stream().map(SourceFile::relativePath).toList());
      // one warning a module, named by its folder, the first MAX_UNBUILT_SHOWN; then how many more
      for (String module : unbuilt.subList(0, Math.min(unbuilt.size(), MAX_UNBUILT_SHOWN))) {
        warnings.add(new ParseProblem(module, 0, 0, "this module ran without dependency jars: no build optkit reads "
            + "(pom.xml, build.gradle, ivy.xml) covers it; library types here are known from imports alone, and "
            + "findings resting on them are of lower confidence (scan it on its own, or give jars with --cp)"));
      }
      if (unbuilt.size() > MAX_UNBUILT_SHOWN) {
        warnings.add(new ParseProblem(".", 0, 0, (unbuilt.size() - MAX_UNBUILT_SHOWN)
            + " more module(s) ran without dependency jars"));
      }
    }
    return new Inputs(sources, classpath.jars(), classpath.entries(), warnings);
  }

  public Assessment assess(Options options, Progress progress) {
    long start = System.nanoTime();
    return assess(options, progress, inputs(options, progress), start);
  }

  /** @param start when the run began, for its elapsed time */
  public Assessment assess(Options options, Progress progress, Inputs inputs, long start) {
    FactsCache cache = options.cacheDirectory() == null ? null
        : FactsCache.open(options.cacheDirectory(), factsKey(options, inputs));
    java.util.concurrent.CompletableFuture<dev.optkit.analyzers.bytecode.LibraryIo> libraryIo = libraryIo(options, inputs);
    java.util.concurrent.CompletableFuture<dev.optkit.analyzers.schema.ProjectSchema> schema = schema(options, inputs);
    Parsed parsed = parse(options, progress, inputs, inputs.sources().files(), cache);
    if (cache != null) {
      parsed = resolvedAgainstThisTree(options, progress, inputs, parsed, cache);
    }
    return analyse(options, progress, inputs, start, parsed, cache, libraryIo, schema);
  }

  /**
   * A cached file's facts were resolved through the other files' declarations as the last run saw them. Where a file's
   * {@link dev.optkit.analyzers.parse.DeclarationSurface} changed since (a return type, a field, a supertype, an import;
   * not a method's body), every cached file that reaches it by name, directly or through the surfaces of the files it
   * names, is read again, so the answer is an uncached run's.
   */
  private Parsed resolvedAgainstThisTree(Options options, Progress progress, Inputs inputs, Parsed parsed,
      FactsCache cache) {
    List<SourceFile> files = inputs.sources().files();
    java.util.Map<String, List<String>> declaring = new java.util.HashMap<>(); // simple name -> the files it names
    for (SourceFile file : files) {
      String type = file.primaryType();
      declaring.computeIfAbsent(type.substring(type.lastIndexOf('.') + 1), name -> new ArrayList<>()).add(file.relativePath());
    }
    // the files whose surface changed, and every file whose surface names one of them, to the fixed point
    java.util.Set<String> reaching = new java.util.HashSet<>();
    java.util.Map<String, List<String>> namedBy = new java.util.HashMap<>(); // file -> the files whose surface names it
    for (int i = 0; i < files.size(); i++) {
      String path = files.get(i).relativePath();
      ParsingWorker.Outcome outcome = parsed.outcomes()[i];
      dev.optkit.analyzers.parse.DeclarationSurface.Read now = outcome.surface();
      if (now == null) {
        reaching.add(path); // not read (over the size budget, unreadable): counted as changed
        continue;
      }
      if (!outcome.cached()) {
        dev.optkit.analyzers.parse.DeclarationSurface.Read before = cache.previousSurface(path);
        if (before == null || !before.hash().equals(now.hash())) {
          reaching.add(path);
        }
      }
      for (String name : now.surfaceNames()) {
        for (String named : declaring.getOrDefault(name, List.of())) {
          namedBy.computeIfAbsent(named, key -> new ArrayList<>()).add(path);
        }
      }
    }
    java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>(reaching);
    while (!pending.isEmpty()) {
      for (String naming : namedBy.getOrDefault(pending.pop(), List.of())) {
        if (reaching.add(naming)) {
          pending.push(naming);
        }
      }
    }
    List<Integer> positions = new ArrayList<>();
    List<SourceFile> again = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      ParsingWorker.Outcome outcome = parsed.outcomes()[i];
      if (outcome.cached() && outcome.surface().names().stream().anyMatch(name ->
          declaring.getOrDefault(name, List.of()).stream().anyMatch(reaching::contains))) {
        positions.add(i);
        again.add(files.get(i));
      }
    }
    if (again.isEmpty()) {
      return parsed;
    }
    cache.forget(again.stream().map(SourceFile::relativePath).toList());
    Parsed reread = parse(options, progress, inputs, again, cache);
    ParsingWorker.Outcome[] outcomes = parsed.outcomes().clone();
    for (int k = 0; k < positions.size(); k++) {
      outcomes[positions.get(k)] = reread.outcomes()[k];
    }
    return new Parsed(outcomes, parsed.threads(), parsed.resolutions() + reread.resolutions(),
        parsed.failures() + reread.failures());
  }

  /**
   * One shard of a run ({@code assess --shard I/N}): the files {@link ShardPlan} gives it, parsed and extracted, each
   * with the hash of the content it read, for {@link #merge} to run the whole-project phase over. Reads and writes no
   * facts cache.
   */
  public ShardFile.Shard shard(Options options, Progress progress, Inputs inputs, ShardPlan.Spec spec,
      dev.optkit.analyzers.source.ShardWeights weights) {
    List<SourceFile> all = inputs.sources().files();
    int[] plan = ShardPlan.assign(all, spec.count(), weights);
    List<SourceFile> mine = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      if (plan[i] == spec.index()) {
        mine.add(all.get(i));
      }
    }
    Parsed parsed = parse(options, progress, inputs, mine, null);
    java.util.Map<String, String> tree = treeHashes(inputs);
    List<ShardFile.Entry> entries = new ArrayList<>();
    for (int i = 0; i < mine.size(); i++) {
      ParsingWorker.Outcome outcome = parsed.outcomes()[i];
      entries.add(ShardFile.entry(mine.get(i).relativePath(), tree.get(mine.get(i).relativePath()), outcome.facts(),
          outcome.problem(), outcome.nanos()));
    }
    return new ShardFile.Shard(ShardFile.FORMAT, shardKey(options, inputs, tree), spec.index(), spec.count(),
        weights.digest(), entries);
  }

  /**
   * The assessment of a run made in shards: every shard's facts, checked against this tree and this build, then the
   * whole-project phase as a run in one process has it, so the reports are the same byte for byte.
   *
   * @throws ShardMismatch naming the shard and what does not match: another build, JDK, configuration, dependency set
   *     or tree; a shard missing or given twice; a file changed since its shard read it
   */
  public Assessment merge(Options options, Progress progress, Inputs inputs, long start, List<ShardFile.Shard> shards) {
    if (shards.isEmpty()) {
      throw new ShardMismatch(ShardMismatch.Kind.MISSING, "no shard given: give every shard's file");
    }
    if (shards.get(0).count() > shards.size()) {
      int present = shards.get(0).count();
      java.util.Set<Integer> given = new java.util.TreeSet<>();
      shards.forEach(shard -> given.add(shard.index()));
      int missing = 1;
      while (given.contains(missing)) {
        missing++;
      }
      throw new ShardMismatch(ShardMismatch.Kind.MISSING, "shard " + missing + "/" + present + " is missing: give every shard's file");
    }
    java.util.Map<String, String> tree = treeHashes(inputs);
    String key = shardKey(options, inputs, tree);
    int count = shards.get(0).count();
    ShardFile.Shard[] byIndex = new ShardFile.Shard[count + 1];
    for (ShardFile.Shard shard : shards) {
      String name = "shard " + shard.index() + "/" + shard.count();
      if (shard.count() != count) {
        throw new ShardMismatch(ShardMismatch.Kind.OTHER_RUN, name + " is of a run in " + shard.count() + " shards, shard " + shards.get(0).index()
            + "/" + count + " of a run in " + count + ": give the shards of one run");
      }
      if (byIndex[shard.index()] != null) {
        throw new ShardMismatch(ShardMismatch.Kind.GIVEN_TWICE, name + " is given twice");
      }
      byIndex[shard.index()] = shard;
    }
    for (int i = 1; i <= count; i++) {
      if (byIndex[i] == null) {
        throw new ShardMismatch(ShardMismatch.Kind.MISSING, "shard " + i + "/" + count + " is missing: give every shard's file");
      }
    }
    for (ShardFile.Shard shard : shards) {
      if (!shard.plan().equals(byIndex[1].plan())) {
        throw new ShardMismatch(ShardMismatch.Kind.OTHER_PLAN, "shard " + shard.index() + "/" + count + " shared the files "
            + "out by other recorded times than shard 1/" + count + " (--shard-weights): give every shard of a run the "
            + "same weights file, or none");
      }
    }
    java.util.Map<String, ShardFile.Entry> entries = new java.util.HashMap<>();
    java.util.Map<String, Integer> shardOf = new java.util.HashMap<>();
    for (ShardFile.Shard shard : shards) {
      for (ShardFile.Entry entry : shard.files()) {
        if (entries.put(entry.path(), entry) != null) {
          throw new ShardMismatch(ShardMismatch.Kind.OTHER_RUN, entry.path() + " is in shard " + shardOf.get(entry.path()) + "/" + count + " and shard "
              + shard.index() + "/" + count + ": give the shards of one run");
        }
        shardOf.put(entry.path(), shard.index());
      }
    }
    List<SourceFile> files = inputs.sources().files();
    ParsingWorker.Outcome[] outcomes = new ParsingWorker.Outcome[files.size()];
    progress.started(Phase.PARSE);
    for (int i = 0; i < files.size(); i++) {
      String path = files.get(i).relativePath();
      ShardFile.Entry entry = entries.remove(path);
      if (entry == null) {
        throw new ShardMismatch(ShardMismatch.Kind.OTHER_TREE, path + " is in no shard: the shards were made from another tree than this one");
      }
      String shard = "shard " + shardOf.get(path) + "/" + count;
      if (!entry.contentHash().equals(tree.get(path))) {
        throw new ShardMismatch(ShardMismatch.Kind.FILE_CHANGED, path + " changed since " + shard + " read it: make the shards and the merge from one "
            + "commit");
      }
      try {
        outcomes[i] = new ParsingWorker.Outcome(ShardFile.facts(entry), entry.problem());
      } catch (java.io.IOException e) {
        throw new ShardMismatch(ShardMismatch.Kind.DAMAGED, shard + " is damaged at " + path + ": make it again");
      }
      progress.filesDone(i + 1, files.size());
    }
    if (!entries.isEmpty()) {
      String other = new java.util.TreeSet<>(entries.keySet()).first();
      throw new ShardMismatch(ShardMismatch.Kind.OTHER_TREE, other + ", in shard " + shardOf.get(other) + "/" + count + ", is not in this tree: the "
          + "shards were made from another tree than this one");
    }
    // each shard's facts were resolved against the whole tree it saw, every file of it: a shard made before another
    // file changed has its own files' hashes right and its facts wrong
    for (ShardFile.Shard shard : shards) {
      if (!shard.key().equals(key)) {
        throw new ShardMismatch(ShardMismatch.Kind.OTHER_BUILD, "shard " + shard.index() + "/" + shard.count() + " was made by another optkit build, "
            + "JDK, configuration or dependency set than this merge, or from another version of the tree: make every "
            + "shard and the merge from one build of one commit, with the same options");
      }
    }
    progress.ended(Phase.PARSE, files.size());
    return analyse(options, progress, inputs, start, new Parsed(outcomes, 1, 0, 0), null, libraryIo(options, inputs),
        schema(options, inputs));
  }

  /** Shards that cannot make one run's assessment: what does not match (a stable id, as a refusal's), and why. */
  public static final class ShardMismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What does not match. */
    public enum Kind {
      /** A shard of the run is not given. */
      MISSING("shard.missing"),
      /** A shard is given twice. */
      GIVEN_TWICE("shard.given-twice"),
      /** Shards of runs in other counts, or holding the same file. */
      OTHER_RUN("shard.other-run"),
      /** Shards that shared the files out by other recorded times ({@code --shard-weights}). */
      OTHER_PLAN("shard.other-plan"),
      /** A shard of another optkit build, JDK, configuration, dependency set or version of the tree. */
      OTHER_BUILD("shard.other-build"),
      /** A file the shard read has changed since. */
      FILE_CHANGED("shard.file-changed"),
      /** A file of the tree no shard holds, or one a shard holds that the tree does not. */
      OTHER_TREE("shard.other-tree"),
      /** A shard's facts of a file cannot be decoded. */
      DAMAGED("shard.damaged");

      private final String id;

      Kind(String id) {
        this.id = id;
      }

      public String id() {
        return id;
      }
    }

    private final Kind kind;

    public ShardMismatch(Kind kind, String message) {
      super(message + " [" + kind.id() + "]");
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }

  /** Every file of the tree by path, with the SHA-256 of its content as it is now, read once per run. */
  private static java.util.Map<String, String> treeHashes(Inputs inputs) {
    java.util.Map<String, String> hashes = new java.util.LinkedHashMap<>();
    inputs.sources().files().forEach(file -> hashes.put(file.relativePath(), contentHash(file)));
    return hashes;
  }

  /** The SHA-256 of a file's content as it is now; "" when it cannot be read (its shard said why). */
  private static String contentHash(SourceFile file) {
    try {
      return Hashes.sha256(java.nio.file.Files.readAllBytes(file.absolutePath()));
    } catch (java.io.IOException e) {
      return "";
    }
  }

  /** What the parse phase gave: each file's outcome, in the order of the files parsed, and what it cost. */
  private record Parsed(ParsingWorker.Outcome[] outcomes, int threads, long resolutions, long failures) {}

  /**
   * The dependency jars' I/O summaries, read beside the parse: cold, they are a few seconds of one thread.
   * -Doptkit.noLibraryIo=true: the jars still resolve types, no summaries (a benchmark's reference run).
   */
  private static java.util.concurrent.CompletableFuture<dev.optkit.analyzers.bytecode.LibraryIo> libraryIo(
      Options options, Inputs inputs) {
    List<Path> jars = inputs.jars();
    return jars.isEmpty() || Boolean.getBoolean("optkit.noLibraryIo")
        ? java.util.concurrent.CompletableFuture.completedFuture(dev.optkit.analyzers.bytecode.LibraryIo.NONE)
        : java.util.concurrent.CompletableFuture.supplyAsync(
            () -> dev.optkit.analyzers.bytecode.LibraryIo.of(jars, inputs.libraryEntries(), options.config().catalog(),
                options.libraryCache()),
            daemon("optkit-library-io"));
  }

  /**
   * The schema files read on a thread of their own beside the parse (mall's 400 KB dump lexed by four readers was a
   * tenth of a run with one file changed, all of it on the thread that then runs the index and the rules).
   */
  private static java.util.concurrent.CompletableFuture<dev.optkit.analyzers.schema.ProjectSchema> schema(
      Options options, Inputs inputs) {
    return java.util.concurrent.CompletableFuture.supplyAsync(
        () -> dev.optkit.analyzers.schema.ProjectSchema.read(inputs.sources(), options.roots()), daemon("optkit-schema"));
  }

  private static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Parses and extracts these files on the run's threads, each through the facts cache when there is one. */
  private Parsed parse(Options options, Progress progress, Inputs inputs, List<SourceFile> files, FactsCache cache) {
    ClientCatalog catalog = options.config().catalog();
    SourceSet sources = inputs.sources();
    JarClasses jars = JarClasses.of(inputs.jars());
    ParsingWorker.Outcome[] outcomes = new ParsingWorker.Outcome[files.size()];
    AtomicInteger done = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    AtomicLong resolutions = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    int threads = Math.min(options.threads(), Math.max(1, files.size()));
    progress.started(Phase.PARSE);
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "optkit-parse");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> {
          ParsingWorker worker = new ParsingWorker(sources.typeFiles(), jars, catalog, options.resolveTypes(),
              options.config().analysis().maxFileBytes(), options.config().analysis().maxFileNanos(), System::nanoTime);
          for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
            outcomes[i] = worker.analyze(files.get(i), cache, sources.knownHash(files.get(i)));
            progress.filesDone(done.incrementAndGet(), files.size());
          }
          if (worker.readOtherContent() > 0) {
            sources.markChangedDuringRun();
          }
          resolutions.addAndGet(worker.resolutions());
          failures.addAndGet(worker.failedResolutions());
        }));
      }
      for (Future<?> future : running) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("assessment interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("assessment failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    progress.ended(Phase.PARSE, done.get());
    return new Parsed(outcomes, threads, resolutions.get(), failures.get());
  }

  /** The whole-project phase over every file's outcome: the index, the rules, the savings. */
  private Assessment analyse(Options options, Progress progress, Inputs inputs, long start, Parsed parsed,
      FactsCache cache, java.util.concurrent.CompletableFuture<dev.optkit.analyzers.bytecode.LibraryIo> libraryIo,
      java.util.concurrent.CompletableFuture<dev.optkit.analyzers.schema.ProjectSchema> schemaRead) {
    OptkitConfig config = options.config();
    ClientCatalog catalog = config.catalog();
    SourceSet sources = inputs.sources();
    List<Path> jars = inputs.jars();
    List<SourceFile> files = sources.files();
    ParsingWorker.Outcome[] outcomes = parsed.outcomes();
    int threads = parsed.threads();
    progress.started(Phase.ANALYSIS);
    // written while the index and the rules run: a warm run with one file changed spent a quarter of its time here
    java.util.concurrent.CompletableFuture<Void> saved = cache == null
        ? java.util.concurrent.CompletableFuture.completedFuture(null)
        : java.util.concurrent.CompletableFuture.runAsync(cache::save, daemon("optkit-facts-cache"));
    List<FileFacts> facts = new ArrayList<>();
    List<ParseProblem> problems = new ArrayList<>();
    long lines = 0;
    for (ParsingWorker.Outcome outcome : outcomes) {
      if (outcome.facts() != null) {
        facts.add(outcome.facts());
        lines += outcome.facts().lines();
      }
      if (outcome.problem() != null) {
        problems.add(outcome.problem()); // not analysed, or analysed in part (over its time budget)
      }
    }
    List<String> otherLanguages = new ArrayList<>();
    for (String unread : sources.unreadSources()) {
      if (unread.endsWith(".java")) {
        problems.add(new ParseProblem(unread, 0, 0, "a symbolic link, which optkit does not follow (it "
            + "may lead out of the project)"));
      } else {
        otherLanguages.add(unread);
      }
    }
    dev.optkit.analyzers.schema.ProjectSchema schema = join(schemaRead);
    ProjectIndex index = new ProjectIndex(facts, catalog, config.analysis().depth(), schema.mappers(), schema.views(),
        schema.writeEffects().with(definitions(facts)), schema.ormMappings());
    index.withStoredProcedures(schema.procedures());
    index.withSchemaIndexes(schema.indexes());
    index.withClasspathScripts(schema.classpathScripts());
    index.withPostgresql(schema.postgresql());
    index.withDisplayRoot(SourceSet.displayRoot(options.roots()));
    index.withDeployments(dev.optkit.analyzers.source.ModuleDeployments.of(SourceSet.displayRoot(options.roots()),
        sources.xmlFiles()));
    dev.optkit.analyzers.bytecode.LibraryIo summaries = libraryIo.join();
    index.withLibraryIo(summaries);
    index.withLibraryVersions(dev.optkit.analyzers.dependencies.LibraryVersions.of(jars));
    index.withSchemaIndexes(index.fewValuedColumnsCounted()); // what the planner's rows of a table hold (--check-hints)
    int failedFiles = problems.size();
    if (!otherLanguages.isEmpty()) { // read by nothing here, not a Java source that failed
      problems.add(new ParseProblem(otherLanguages.get(0), 0, 0, "optkit reads Java sources only ("
          + otherLanguages.size() + " Kotlin, Groovy or Scala source(s))"));
    }
    for (dev.optkit.analyzers.source.SkippedEntry skipped : sources.skipped()) { // passed over, never silently
      problems.add(new ParseProblem(skipped.path(), 0, 0, skipped.why().says()));
    }
    problems.addAll(inputs.warnings()); // a dependency not resolved: types from it stay unresolved, no file failed
    problems.addAll(summaries.warnings()); // a jar that could not be read is a warning, not a failed file
    // the call graph and what is computed over it, on a second thread while the rules compute the I/O sites:
    // on spring-framework each is about a second of single-threaded work after the parse
    java.util.concurrent.CompletableFuture<Void> graph = java.util.concurrent.CompletableFuture
        .runAsync(index::computeGraphQuestions, daemon("optkit-call-graph"));
    RuleContext context = new RuleContext(index, config.cacheable().namePatterns());
    Suppressions suppressions = new Suppressions(facts);
    List<Finding> findings = new ArrayList<>();
    int suppressed = 0;
    for (Rule rule : Rules.all()) {
      if (config.ruleEnabled(rule.info().id())) {
        for (Finding finding : rule.check(context)) {
          if (suppressions.suppresses(finding)) {
            suppressed++;
          } else if (!dev.optkit.analyzers.source.SourceSet.isGeneratedPath(finding.path())) {
            findings.add(withConfiguredSeverity(finding, config));
          }
        }
      }
    }
    if (config.ruleEnabled("MissingIndex")) {
      problems.addAll(dev.optkit.analyzers.rules.UndecidedHints.warnings(index)); // unknown, with the reason
    }
    graph.join(); // its failure is the assessment's, as it would be on this thread
    SavingsModel savings = new SavingsModel(config.savings());
    dev.optkit.analyzers.savings.PricingExemptions exemptions = new dev.optkit.analyzers.savings.PricingExemptions(index);
    List<Finding> priced = new ArrayList<>();
    for (Finding finding : Fingerprints.assign(findings)) {
      priced.add(finding.withSavings(exemptions.apply(finding, savings.estimate(finding))));
    }
    priced.sort(RANKING);
    progress.ended(Phase.ANALYSIS, priced.size());
    saved.join(); // the cache is on disk when assess returns (save keeps its own failures to itself)
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    return new Assessment(Assessment.SCHEMA_VERSION, new Assessment.Tool("optkit", options.toolVersion()),
        summarize(files.size(), failedFiles, lines, priced, suppressed, null), List.copyOf(priced), List.copyOf(problems),
        new Assessment.Stats(elapsed, threads, parsed.resolutions(), parsed.failures(), jars.size(),
            cache == null ? 0 : cache.hits(), false), index);
  }

  /** Runs a task on a new daemon thread of this name. */
  public static java.util.concurrent.Executor daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      thread.start();
    };
  }

  /** SQL the code runs that defines code or keys ({@code CREATE TRIGGER}, {@code ALTER TABLE ... REFERENCES}). */
  private static List<String> definitions(List<FileFacts> facts) {
    List<String> found = new ArrayList<>();
    for (FileFacts file : facts) {
      for (var method : file.methods()) {
        for (var site : method.ioSites()) {
          String sql = site.sql() == null ? "" : site.sql().strip();
          if (sql.regionMatches(true, 0, "create", 0, 6) || sql.regionMatches(true, 0, "alter", 0, 5)) {
            found.add(sql);
          }
        }
      }
    }
    return found;
  }

  /**
   * Bumped whenever the shape of the per-file facts changes, or what the same source's facts hold (40: a local's
   * shared holder in sharedFieldsRead; 41: TypeFact's openFields and reassignedFields; 96: the cache's entries carry
   * their files' declaration surfaces; 97: and the project types they name; 98: a nested class's field the classes
   * around it reach is not sealed; 99: @Table(indexes) is recorded; 100: a stored JPA query's site is its run, a
   * transaction's manager is recorded, a lambda takes the type its class hands it; 101: the column a field's @Column or
   * @JoinColumn names), so older caches are never read as
   * new facts.
   */
  // 107: a call on what another object's method returns (ReceivedFrom.Getter of its type); 108: a lambda's untyped
  // parameter typed by the solver in any file, a chain answering a client no site, one site per chain of two families;
  // 109: a stored query handed to a method of its object before its run is reported at the run; 110: a lone call on a
  // lambda's untyped parameter is typed by the solver; 111: TypeFact's mappingSql (what an entity's mapping adds, typed)
  // in place of dataBeyondMapping, and a find's loaded entity kept in a local is no stored query; 112: an enum's
  // constants (TypeFact.enumConstants); 113: field memos loaded after an answer returned first, through a helper, or
  // into an inherited field; 114: a loop's UNTIL_STOPPED dependence (a consumer's, a poller's, a retry's); 115: the
  // fields stored by their enum constant's name (TypeFact.enumsByName); 116: a kept query run at the end of a chain of
  // its setters (q.setParameter(..).getResultList()); 117: one site for a statement made into a local and run by a
  // catalogued call on it, memos answering their field only, UNTIL_STOPPED loops with no exit of their own; 119: calls
  // sending what another call built (MethodFact.sentRequests, LoopFact.sentRequests); 120: a database chain handed on
  // that answers a statement the catalogue knows the runs of is no site, and calls carry their arguments' declared
  // types (CallRef.argumentTypes); 121: a caching annotation's mechanism named by its package (quarkus-cacheresult),
  // an unqualified call of a member class that may inherit the name is searched for in its enclosing classes
  // (ReceivedFrom.EnclosingThis); 122: a call on what a chain of calls answers (ReceivedFrom.Returned); 123: a call on
  // a local its one assignment makes of a library's class is on that class; 124: how a loop's assigned local is drawn
  // (LoopDependence.Draw); 125: a store of the project's own read first and filled on a miss is a memo (store-memo);
  // 126: a loop's calls and sites run in its iteration though the method defers them (LoopFact.inlineCalls, inlineSites);
  // 127: a capitalised name a file imports as a type is that type in a class extending another; 125, 128-130: memos of
  // stores and constructions, withdrawn (a hostile review: a store whose get is a query was called cached); 131: a class's own static field by its class's name in a memo, Object's methods never an
  // enclosing class's, a draw only of a local the loop's condition reads and its value does not name
  private static final int FACTS_SCHEMA = 141;

  /**
   * The build of the analysis code itself (its jar's or class folder's size and time): two builds of
   * one snapshot version extract facts differently, and must never read each other's.
   */
  private static String analyzerBuild() {
    return codeBuild(Assessor.class);
  }

  /** The build of the code a class comes from: its jar's, or its class file's, size and time. */
  public static String codeBuild(Class<?> type) {
    return type == Assessor.class
        ? CodeBuild.of(type, dev.optkit.analyzers.facts.extract.FactExtractor.class.getName())
        : CodeBuild.of(type);
  }

  /**
   * What a shard's facts depend on besides each file's content, the same on every machine of one build: optkit's build
   * by content, the facts' shape, the JDK, the configuration's clients, each dependency jar by name and size (their
   * folders differ from runner to runner), the project's types.
   */
  static String shardKey(Options options, Inputs inputs, java.util.Map<String, String> tree) {
    StringBuilder key = new StringBuilder(options.toolVersion()).append("|facts-").append(FACTS_SCHEMA)
        .append('|').append(dev.optkit.analyzers.io.CodeBuild.contentOf(Assessor.class,
            dev.optkit.analyzers.facts.extract.FactExtractor.class.getName()))
        .append('|').append(dev.optkit.analyzers.parse.FactsCache.SHAPE)
        .append('|').append(options.resolveTypes())
        .append('|').append(System.getProperty("java.vendor")).append(' ').append(System.getProperty("java.version"));
    key.append('|').append(options.config().clients()).append('|').append(options.config().declaredClients())
        .append('|').append(options.config().analysis());
    // the tree, every file by content: a file's facts resolve names through the others
    tree.forEach((path, hash) -> key.append('|').append(path).append('=').append(hash));
    for (Path jar : inputs.jars()) {
      long size;
      try {
        size = java.nio.file.Files.size(jar);
      } catch (java.io.IOException e) {
        size = -1;
      }
      key.append('|').append(jar.getFileName()).append(':').append(size);
    }
    new java.util.TreeSet<>(inputs.sources().typeFiles().keySet()).forEach(type -> key.append('|').append(type));
    return Hashes.sha256(key.toString());
  }

  /** Everything besides a file's own content that shapes its facts. */
  static String factsKey(Options options, Inputs inputs) {
    return cacheKey(options, inputs.jars(), inputs.sources());
  }

  private static String cacheKey(Options options, List<Path> jars, SourceSet sources) {
    StringBuilder key = new StringBuilder(options.toolVersion()).append("|facts-").append(FACTS_SCHEMA)
        .append('|').append(analyzerBuild())
        .append('|').append(dev.optkit.analyzers.parse.FactsCache.SHAPE)
        .append('|').append(options.resolveTypes())
        // the JDK's own classes resolve types too (ReflectionTypeSolver)
        .append('|').append(System.getProperty("java.vendor")).append(' ').append(System.getProperty("java.version"));
    key.append('|').append(options.config().clients()).append('|').append(options.config().declaredClients());
    for (Path jar : jars) {
      // by status, change time and inode included: a jar of the same size under an old time is another jar
      key.append('|').append(jar).append(':').append(dev.optkit.analyzers.io.FileHashes.statusKey(jar));
    }
    new java.util.TreeSet<>(sources.typeFiles().keySet()).forEach(type -> key.append('|').append(type));
    return Hashes.sha256(key.toString());
  }

  private static Finding withConfiguredSeverity(Finding finding, OptkitConfig config) {
    return finding.withSeverity(config.severityOf(finding.ruleId(), finding.severity()));
  }

  /** Most time saved first; ties by money, severity, then position, so the order never varies. */
  public static final Comparator<Finding> RANKING = Comparator
      .comparingLong((Finding f) -> -f.savings().timeSavedMsPerDay())
      .thenComparingDouble(f -> -f.savings().costSavedUsdPerDay())
      .thenComparing(Finding::severity)
      .thenComparing(Finding::path)
      .thenComparingInt(Finding::line)
      .thenComparingInt(Finding::column)
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::fingerprint);

  /** Totals over the findings; {@code scope} says what narrowed them (baseline, --since), or null. */
  public static Assessment.Summary summarize(int scanned, int failed, long lines, List<Finding> findings, int suppressed,
      Assessment.Scope scope) {
    Map<String, Integer> byCategory = new LinkedHashMap<>();
    Map<String, Savings> savingsByCategory = new LinkedHashMap<>();
    for (Category category : Category.values()) {
      byCategory.put(category.id(), 0);
      savingsByCategory.put(category.id(), new Savings(0, 0, 0, 0.0, "total"));
    }
    Map<String, Integer> bySeverity = new LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      bySeverity.put(severity.id(), 0);
    }
    Savings total = new Savings(0, 0, 0, 0.0, "total");
    for (Finding finding : findings) {
      byCategory.merge(finding.category().id(), 1, Integer::sum);
      bySeverity.merge(finding.severity().id(), 1, Integer::sum);
      savingsByCategory.merge(finding.category().id(), finding.savings(), Savings::plus);
      if (finding.category() != Category.CACHEABLE_READ) {
        total = total.plus(finding.savings());
      }
    }
    return new Assessment.Summary(scanned, failed, lines, findings.size(), suppressed, byCategory, bySeverity,
        savingsByCategory, total, scope);
  }
}
