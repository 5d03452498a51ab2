package dev.optkit.cli;

import dev.optkit.analyzers.Printable;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.ConfigException;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.io.StateFileException;
import dev.optkit.cli.report.MigrationReport;
import dev.optkit.cli.report.MigrationReport.Outcome;
import dev.optkit.cli.report.MigrationReport.Result;
import dev.optkit.rewriters.plan.CachingMigration;
import dev.optkit.rewriters.plan.Migration;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.Journal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.rewriters.plan.MigrationLock;
import dev.optkit.rewriters.plan.Migrator;
import dev.optkit.rewriters.plan.Recovery;
import dev.optkit.rewriters.plan.StateRepair;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Adds bounded, expiring caching to cacheable read methods: @Cacheable with a Caffeine cache manager "
        + "in Spring beans, a Caffeine cache field elsewhere. Rewrites I/O loops it proves safe: futures joined in the "
        + "loop start ahead, a blocking remote call per element runs on a bounded pool, a Spring Data findById per id "
        + "becomes findAllById per chunk, a JdbcTemplate queryForObject or query per key one IN query per chunk, and a "
        + "JdbcTemplate update per element in a transaction batchUpdate (docs/migrate-loops.md). Shows the change as a diff unless --apply or "
        + "--interactive.",
    footer = "%nEvery applied migration is journalled under .optkit/migrations/<id>/; undo it with --undo <id>."
        + "%nAll added caches are skipped while -Doptkit.cache.disabled=true or OPTKIT_CACHE_DISABLED=true.",
    modelTransformer = ExitCodes.Listed.class)
public final class MigrateCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..1", description = "Project root to migrate (default: the current directory).")
  Path path;

  @Option(names = "--apply", description = "Write the changes (journalled, atomic per file).")
  boolean apply;

  @Option(names = "--interactive", description = "Review each change in the terminal: accept, skip, accept all or quit.")
  boolean interactive;

  @Option(names = "--only", paramLabel = "SELECTOR",
      description = "Migrate only findings matching SELECTOR: a fingerprint, Class.method, Class, or a rule: "
          + "SequentialIoLoop (the loops only) or CacheableReadMethod (the caches only) (repeatable).")
  List<String> only = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "SELECTOR", description = "Leave out findings matching SELECTOR (repeatable).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--allow-dirty", description = "Touch files that have uncommitted git changes.")
  boolean allowDirty;

  /** What picocli puts in {@link #undo} for a bare {@code --undo}. */
  private static final String LATEST = "\u0000latest";

  @Option(names = "--undo", paramLabel = "ID", arity = "0..1", fallbackValue = LATEST,
      description = "Restore the files of migration ID byte for byte; without ID, the latest migration still applied.")
  String undo;

  @Option(names = "--repair", description = "Only repair: roll back a migration or finish an undo that was cut short, "
      + "and move journals optkit cannot trust aside to .optkit/quarantine/; every migrate command does this first.")
  boolean repair;

  @Option(names = "--force", description = "With --undo: restore files even if they were edited since the migration.")
  boolean force;

  @Option(names = "--verify", paramLabel = "COMMAND",
      description = "After applying, run COMMAND (e.g. \"mvn -q -o compile\") in the project; undo the migration if it fails.")
  String verify;

  @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: .optkit.yml in PATH).")
  Path config;

  @Option(names = "--accept-stale", paramLabel = "CLASS.METHOD",
      description = "Cache CLASS.METHOD even though a writer of its data cannot evict it (repeatable): its TTL is then "
          + "the only bound on stale reads, and the diff says so. Without it such methods are refused.")
  List<String> acceptStale = new ArrayList<>();

  @Option(names = "--accept-reorder", paramLabel = "CLASS.METHOD",
      description = "Let a loop in CLASS.METHOD run its remote writes (POST, PUT, DELETE, sends) ahead on the pool "
          + "(repeatable): the server then gets up to loops.concurrency of them at once and in another order, and "
          + "when one fails, later ones may have been sent already. Without it such loops are refused; database "
          + "writes never run ahead.")
  List<String> acceptReorder = new ArrayList<>();

  @Option(names = "--strict",
      description = "Fail (exit 1, nothing written) when any cached method carries a stale-data warning (among them "
          + "a local cache with a writer in a project that looks multi-instance), or when a method named with --only "
          + "is refused.")
  boolean strict;

  @Option(names = "--cache-backend", paramLabel = "BACKEND",
      description = "Where caches keep their entries: local (Caffeine in each JVM, the default), redis "
          + "(Spring caches: a RedisCacheManager shared by every instance; plain Java caches: through the module's "
          + "Jedis, Lettuce or Redisson) or two-level (Spring caches only: a Caffeine level in each JVM in front of "
          + "Redis, evictions broadcast to every instance; docs/cache-backends.md). Overrides cache.backend in "
          + ".optkit.yml.")
  String cacheBackend;

  @Option(names = "--rollout",
      description = "Roll each new cache out by percentage: a read uses it only when its key's bucket is under the "
          + "percentage set for that cache (system property, environment, OpenFeature or Togglz; docs/cache-backends.md). "
          + "Off by default: the caches have the emergency switch only. Same as cache.rollout: true in .optkit.yml.")
  boolean rollout;

  @Option(names = "--patch", paramLabel = "FILE",
      description = "Also write the changes as one patch FILE that `git apply` takes in PATH (dry run or --apply); "
          + "the plan stays on the terminal or in the reports.")
  Path patch;

  @Option(names = "--indexes",
      description = "Write the index hints instead of caches and loop rewrites: each hint of assess's MissingIndex and "
          + "UnindexedForeignKey checked by a real PostgreSQL planner first (as --check-hints: a throwaway local "
          + "PostgreSQL with HypoPG, or --check-hints-url), those it keeps written as one new Flyway migration "
          + "(V<next>__optkit_indexes.sql) beside the migration that creates their table, or as one changeSet at the "
          + "end of the Liquibase master changelog (XML, YAML or JSON). No existing migration or changeSet is "
          + "edited. --only chooses hints, and with --strict a refused one fails the run; docs/db-hints.md.")
  boolean indexes;

  @Mixin(name = "hints")
  HintCheckOptions hints = new HintCheckOptions();

  @Mixin(name = "dependencies")
  DependencyOptions dependencies = new DependencyOptions();

  @Mixin(name = "report")
  ReportOptions report = new ReportOptions();

  /** Where the reports go, and the terminal lines as the command prints them ({@link MigrateOutputs}). */
  private MigrateOutputs outputs;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path root = (path == null ? Path.of(".") : path).toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      err.println("optkit migrate: not a directory: " + root + " (give the project's root folder)");
      return ExitCodes.USAGE;
    }
    try {
      outputs = MigrateOutputs.of(report, out, err);
    } catch (IllegalArgumentException e) {
      err.println("optkit migrate: " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    }
    if (indexes && (interactive || !acceptStale.isEmpty() || !acceptReorder.isEmpty() || cacheBackend != null
        || rollout)) {
      err.println("optkit migrate: --indexes writes index migrations only: drop --interactive, --accept-stale, "
          + "--accept-reorder, --cache-backend and --rollout, or run them without --indexes");
      return ExitCodes.USAGE;
    }
    if (!indexes && hints.active()) {
      err.println("optkit migrate: --check-hints and --check-hints-url check the indexes --indexes writes: add "
          + "--indexes (assess --check-hints checks the hints of a report)");
      return ExitCodes.USAGE;
    }
    try {
      hints.validate();
    } catch (IllegalArgumentException e) {
      err.println("optkit migrate: " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    }
    if ((undo != null || repair) && !outputs.terminalOnly()) {
      err.println("optkit migrate: --format " + String.join(", ", report.formats) + " reports a migration plan; --undo "
          + "and --repair print what they did as text (drop --format)");
      return ExitCodes.USAGE;
    }
    Path project = dev.optkit.rewriters.plan.ProjectScope.projectRoot(root);
    boolean writes = apply || interactive || undo != null || repair;
    if (!writes && !Files.exists(project.resolve(Journal.DIRECTORY), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return locked(root, project, out, err); // a dry run with no journal to repair writes nothing, not even a lock
    }
    MigrationLock lock;
    try {
      if (repair) {
        StateRepair.unlinkStateDirectories(project).forEach(line -> err.println("optkit migrate: " + Printable.escape(line)));
        if (!Files.exists(project.resolve(Journal.DIRECTORY), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          int removed = removeLeftovers(project, err);
          out.println(removed == 0 ? "Nothing to repair." : "Removed " + removed + " temporary file(s) left by "
              + "interrupted writes."); // and no state made to say so
          return ExitCodes.OK;
        }
      }
      lock = MigrationLock.tryAcquire(project).orElse(null);
    } catch (StateFileException e) {
      err.println("optkit migrate: " + Printable.escape(e.getMessage()) + repairHint(e));
      return ExitCodes.USAGE;
    } catch (IOException e) {
      lock = null; // a read-only checkout: nothing can have been half written by optkit here
      if (writes) {
        err.println("optkit migrate: cannot lock " + project.resolve(Journal.DIRECTORY) + ": " + e.getClass().getSimpleName() + " (" + Printable.escape(e.getMessage()) + "; check that you can write to the project)");
        return ExitCodes.INTERNAL;
      }
    }
    if (lock == null && Files.isWritable(project)) {
      err.println("optkit migrate: another optkit migrate is running on " + project + "; try again when it is done");
      return ExitCodes.USAGE;
    }
    try (MigrationLock held = lock) {
      return locked(root, project, out, err);
    }
  }

  private int locked(Path root, Path project, PrintWriter out, PrintWriter err) throws IOException {
    try {
      List<String> repaired = Recovery.run(project);
      for (String line : repaired) {
        err.println("optkit migrate: " + Printable.escape(line));
      }
      // with the journals: each command that runs the recovery (a dry run with no journal writes nothing)
      int removed = repair || Files.exists(project.resolve(Journal.DIRECTORY), java.nio.file.LinkOption.NOFOLLOW_LINKS)
          ? removeLeftovers(project, err) : 0;
      if (repair) {
        out.println(!repaired.isEmpty() ? "Repaired " + repaired.size() + " migration(s)."
            : removed > 0 ? "Removed " + removed + " temporary file(s) left by interrupted writes." : "Nothing to repair.");
        return ExitCodes.OK;
      }
    } catch (StateFileException e) {
      err.println("optkit migrate: " + Printable.escape(e.getMessage()) + repairHint(e));
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("optkit migrate: cannot repair an interrupted migration under " + project.resolve(Journal.DIRECTORY)
          + ": " + Printable.escape(e.getMessage()) + " (make it writable, then run: optkit migrate " + root + " --repair)");
      return ExitCodes.INTERNAL;
    }
    if (undo != null) {
      return undo(project, out, err);
    }
    OptkitConfig configuration;
    String configText = null;
    try {
      Path configFile = config != null ? config : root.resolve(OptkitConfig.FILE_NAME);
      if (config != null && !Files.isRegularFile(config)) {
        throw new ConfigException("configuration file not found: " + config);
      }
      OptkitConfig loaded;
      if (config != null) {
        loaded = OptkitConfig.load(configFile);
      } else {
        DiscoveredConfig discovered = DiscoveredConfig.in(root);
        if (discovered.warning() != null) {
          err.println("optkit migrate: warning: " + discovered.warning().path() + ": " + discovered.warning().message());
        }
        loaded = discovered.config();
      }
      configText = Files.isRegularFile(configFile) ? Files.readString(configFile) : null;
      try {
        OptkitConfig backendSet = cacheBackend == null ? loaded : loaded.withCacheBackend(cacheBackend);
        configuration = rollout ? backendSet.withRollout() : backendSet;
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--cache-backend: " + e.getMessage().replace("cache.backend ", ""), e);
      }
    } catch (ConfigException e) {
      err.println("optkit migrate: " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    }
    // test sources are read as callers (a method only tests call from outside is still called through
    // the proxy), never rewritten
    // every source is read, its writers included; the configuration's include and exclude globs only choose what
    // is changed (selection())
    Assessor.Options options = new Assessor.Options(List.of(root), List.of(), true, List.of(),
        dependencies.useMavenRepository(), Runtime.getRuntime().availableProcessors(), true,
        configuration.readingEverySource(), OptkitCommand.Version.current(), null, dependencies.resolution(true),
        dev.optkit.analyzers.io.UserCache.librarySummaries());
    ScanProgress progress = report.scanProgress("migrate", err);
    Assessment assessment;
    try {
      assessment = new Assessor().assess(options, progress);
    } finally {
      progress.finish();
    }
    Predicate<Finding> selection = selection(configuration);
    // what this mode writes: caches and loop rewrites, or with --indexes the index hints
    Set<String> written = indexes ? Set.of("MissingIndex", "UnindexedForeignKey")
        : Set.of("CacheableReadMethod", "SequentialIoLoop");
    for (String selector : only) {
      boolean matchesAny = assessment.findings().stream()
          .anyMatch(f -> written.contains(f.ruleId()) && matches(selector, f));
      if (!matchesAny) {
        err.println("optkit migrate: --only " + Printable.escape(selector) + (indexes
            ? " matches no index hint (use a fingerprint or Class.method from `optkit assess`, or a rule: MissingIndex, "
                + "UnindexedForeignKey)"
            : " matches no cacheable read or I/O loop (use a fingerprint, Class.method or Class from `optkit assess`, "
                + "or a rule: SequentialIoLoop, CacheableReadMethod)"));
        return ExitCodes.USAGE;
      }
    }
    MigrationPlan plan;
    if (indexes) {
      try {
        plan = indexPlan(root, assessment, selection);
      } catch (HintCheckOptions.Unavailable e) {
        err.println("optkit migrate: " + Printable.escape(e.getMessage()));
        return ExitCodes.USAGE;
      }
    } else {
      plan = Migration.prepare(root, assessment, configuration, selection, Set.copyOf(acceptStale),
          Set.copyOf(acceptReorder));
    }
    PrintWriter text = outputs.text();
    if (interactive) {
      Set<String> accepted = new HashSet<>();
      InteractiveReview.Outcome outcome;
      try {
        outcome = InteractiveReview.onSystemTerminal().review(plan, chosen -> Migration.prepare(root, assessment,
            configuration, chosen, Set.copyOf(acceptStale), Set.copyOf(acceptReorder)), selection, accepted);
      } catch (IllegalStateException e) {
        err.println("optkit migrate: " + Printable.escape(e.getMessage()));
        return ExitCodes.USAGE;
      }
      text.println(outcome.summary());
      if (accepted.isEmpty()) {
        return outputs.finish(new Result(plan, Outcome.NONE_ACCEPTED, null, List.of()), ExitCodes.OK);
      }
      plan = Migration.prepare(root, assessment, configuration, f -> accepted.contains(f.fingerprint()),
          Set.copyOf(acceptStale), Set.copyOf(acceptReorder));
    }
    MigrationReport.lines(plan).forEach(text::println);
    if (strict) {
      List<String> problems = new ArrayList<>();
      plan.targets().forEach(t -> t.warnings().forEach(w -> problems.add(t.method().fact().displayName() + "(): " + w)));
      if (!only.isEmpty()) {
        plan.refusals().forEach(r -> problems.add(dev.optkit.cli.report.MigrationReport.refusedLine(r)));
      }
      if (!problems.isEmpty()) {
        err.println("optkit migrate: --strict: " + problems.size() + " problem(s), nothing written (resolve them, or "
            + "run without --strict to migrate the rest):");
        problems.forEach(p -> err.println("  " + Printable.escape(p)));
        return outputs.finish(new Result(plan, Outcome.STRICT_FAILED, null, problems), ExitCodes.FINDINGS);
      }
    }
    if (patch != null && !ReportOptions.write("migrate", new ReportOptions.Target(null, patch),
        dev.optkit.rewriters.plan.PatchFile.of(root, plan.changes()), text, err)) {
      return outputs.finish(new Result(plan, Outcome.NOT_APPLIED, null, List.of()), ExitCodes.USAGE);
    }
    if (plan.isEmpty()) {
      text.println("Nothing to migrate.");
      return outputs.finish(new Result(plan, Outcome.NOTHING, null, List.of()), ExitCodes.OK);
    }
    if (!apply && !interactive) {
      if (patch == null) {
        for (FileChange change : plan.changes()) {
          text.print(MigrationReport.diff(change, outputs.colors()));
        }
      } else {
        text.println("Patch written to " + Printable.escape(patch.toString()) + " (" + plan.changes().size()
            + " files): git apply it in " + Printable.escape(dev.optkit.rewriters.plan.PatchFile.applyIn(root).toString()));
      }
      text.println();
      text.println("Dry run: nothing written. Apply with: optkit migrate " + root + (indexes ? " --indexes" : "")
          + " --apply");
      return outputs.finish(new Result(plan, Outcome.DRY_RUN, null, List.of()), ExitCodes.OK);
    }
    Result notApplied = new Result(plan, Outcome.NOT_APPLIED, null, List.of());
    List<String> dirty = Migrator.dirtyFiles(plan);
    if (!dirty.isEmpty() && !allowDirty) {
      err.println("optkit migrate: uncommitted changes in files it would touch: " + Printable.escape(String.join(", ", dirty))
          + " (commit or stash them, or pass --allow-dirty)");
      return outputs.finish(notApplied, ExitCodes.USAGE);
    }
    Journal journal;
    try {
      journal = Migrator.apply(plan, OptkitCommand.Version.current(), configText);
    } catch (Migrator.Refused e) {
      err.println("optkit migrate: " + Printable.escape(e.getMessage()));
      return outputs.finish(notApplied, ExitCodes.USAGE);
    } catch (StateFileException e) {
      err.println("optkit migrate: " + Printable.escape(e.getMessage()) + repairHint(e) + "; nothing was written");
      return outputs.finish(notApplied, ExitCodes.USAGE);
    } catch (IOException e) {
      // a failed write was rolled back (or will be, by the next command): never success, never "usage"
      err.println("optkit migrate: " + Printable.escape(e.getMessage()) + " (nothing stays half written: fix the cause, then run the "
          + "command again)");
      return outputs.finish(notApplied, ExitCodes.INTERNAL);
    }
    text.println("Applied migration " + journal.id() + ": " + plan.changes().size() + " files, "
        + (indexes ? plan.indexes().size() + (plan.indexes().size() == 1 ? " index" : " indexes") + " added"
            : plan.targets().size() + (plan.targets().size() == 1 ? " method" : " methods") + " cached")
        + (plan.loops().isEmpty() ? "" : ", " + plan.loops().size() + (plan.loops().size() == 1 ? " loop" : " loops")
            + " rewritten")
        + ". Undo with: optkit migrate " + root + " --undo " + journal.id());
    if (verify != null) {
      text.println("Verifying with: " + verify);
      text.flush();
      Migrator.VerifyResult result = Migrator.verify(root, verify);
      if (!result.success()) {
        try {
          Migrator.undo(root, journal.id(), true);
        } catch (Migrator.Refused e) {
          throw new IllegalStateException(e);
        }
        err.println(Printable.escapeLines(tail(result.output(), 40)));
        err.println("optkit migrate: verification failed; migration " + journal.id() + " was rolled back (fix what "
            + "the command printed above, then migrate again).");
        return outputs.finish(new Result(plan, Outcome.ROLLED_BACK, journal.id(), List.of()), ExitCodes.FINDINGS);
      }
      text.println("Verification passed.");
    }
    return outputs.finish(new Result(plan, Outcome.APPLIED, journal.id(), List.of()), ExitCodes.OK);
  }

  /**
   * {@code --indexes}: the report's index hints checked by the planner; those it keeps written as new Flyway
   * migrations, the others refused with the planner's word.
   */
  private MigrationPlan indexPlan(Path root, Assessment assessment, Predicate<Finding> selection)
      throws HintCheckOptions.Unavailable {
    List<dev.optkit.rewriters.indexes.IndexMigration.Kept> kept = new ArrayList<>();
    List<dev.optkit.rewriters.caching.Refusal> notKept = new ArrayList<>();
    for (HintCheckOptions.Judged judged : hints.judgeIndexes(assessment)) {
      if (!selection.test(judged.hint().finding())) {
        continue; // --exclude, the configuration's include and exclude: not this migration's
      }
      if (judged.verdict() instanceof dev.optkit.validation.hints.HintVerdict.Kept verdict) {
        kept.add(new dev.optkit.rewriters.indexes.IndexMigration.Kept(judged.hint(), keptBecause(verdict)));
      } else {
        notKept.add(new dev.optkit.rewriters.caching.Refusal(judged.hint().finding(),
            dev.optkit.analyzers.proof.Proof.INDEX_NOT_KEPT, notKeptReason(judged.verdict())));
      }
    }
    dev.optkit.rewriters.indexes.IndexMigration.Plan written =
        dev.optkit.rewriters.indexes.IndexMigration.prepare(root, assessment.index(), kept);
    List<dev.optkit.rewriters.caching.Refusal> refusals = new ArrayList<>(notKept);
    refusals.addAll(written.refusals());
    return MigrationPlan.ofIndexes(root, new dev.optkit.rewriters.indexes.IndexMigration.Plan(written.changes(),
        written.written(), refusals));
  }

  /** The planner's word for the migration's comment: the query whose cost fell most, before and after. */
  private static String keptBecause(dev.optkit.validation.hints.HintVerdict.Kept verdict) {
    return verdict.planned().stream().filter(dev.optkit.validation.hints.HintVerdict.Planned::usesIndex)
        .max(java.util.Comparator.comparingDouble(p -> p.costBefore() - p.costAfter()))
        .map(p -> verdict.database() + ": planner cost " + p.costBefore() + " to " + p.costAfter())
        .orElse(verdict.database() + " planner kept it");
  }

  private static String notKeptReason(dev.optkit.validation.hints.HintVerdict verdict) {
    if (verdict instanceof dev.optkit.validation.hints.HintVerdict.Dropped dropped) {
      return dropped.database() + "'s planner did not keep the index: no query the hint names planned "
          + dropped.threshold() + "% cheaper with it";
    }
    if (verdict instanceof dev.optkit.validation.hints.HintVerdict.NotChecked none) {
      return "not checked by " + none.database() + "'s planner: " + none.unplanned().stream()
          .map(dev.optkit.validation.hints.HintVerdict.Unplanned::reason).distinct()
          .collect(java.util.stream.Collectors.joining("; "));
    }
    return "not checked by a planner";
  }

  private int undo(Path root, PrintWriter out, PrintWriter err) {
    try {
      if (LATEST.equals(undo)) {
        java.util.Optional<String> latest = dev.optkit.rewriters.plan.Journal.latestApplied(root);
        if (latest.isEmpty()) {
          err.println("optkit migrate: no applied migration to undo under " + root.resolve(Journal.DIRECTORY));
          return ExitCodes.USAGE;
        }
        undo = latest.get();
      }
      List<String> restored = Migrator.undo(root, undo, force);
      out.println("Undid migration " + undo + ": restored " + restored.size() + " files" + (restored.isEmpty() ? "" : ": "
          + Printable.escape(String.join(", ", restored))));
      if (restored.stream().anyMatch(r -> r.endsWith("(removed)"))) {
        out.println("Files it had created are gone; their compiled classes may remain in build output: build with clean.");
      }
      return ExitCodes.OK;
    } catch (Migrator.Refused e) {
      err.println("optkit migrate: refusing to undo: " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("optkit migrate: cannot undo " + undo + ": " + Printable.escape(e.getMessage()) + " (--undo without an ID undoes the "
          + "latest applied migration; the IDs are the folders under " + Journal.DIRECTORY + ")");
      return ExitCodes.USAGE;
    }
  }

  /** Removes the temporary files killed writes left in {@code .optkit/}, one line each; how many. */
  private static int removeLeftovers(Path project, PrintWriter err) throws IOException {
    List<String> removed = dev.optkit.analyzers.io.LeftoverTemporaries.remove(
        dev.optkit.analyzers.io.StateDirectory.ofProject(project));
    removed.forEach(path -> err.println("optkit migrate: removed " + path + ", left by an interrupted write"));
    return removed.size();
  }

  /** What --repair can do about a state path: remove a link at one of the fixed paths (StateRepair). */
  private String repairHint(StateFileException e) {
    return e.problem().startsWith("a symbolic link") ? " (or run: optkit migrate " + (path == null ? "." : path)
        + " --repair)" : "";
  }

  private Predicate<Finding> selection(OptkitConfig configuration) {
    List<java.nio.file.PathMatcher> included = configuration.include().stream().map(SourceSet::glob).toList();
    List<java.nio.file.PathMatcher> excluded = configuration.exclude().stream().map(SourceSet::glob).toList();
    return finding -> (only.isEmpty() || only.stream().anyMatch(s -> matches(s, finding)))
        && exclude.stream().noneMatch(s -> matches(s, finding))
        && (included.isEmpty() || included.stream().anyMatch(m -> m.matches(java.nio.file.Path.of(finding.path()))))
        && excluded.stream().noneMatch(m -> m.matches(java.nio.file.Path.of(finding.path())));
  }

  static boolean matches(String selector, Finding finding) {
    String owner = finding.enclosingClass() == null ? "" : finding.enclosingClass();
    String simple = owner.substring(owner.lastIndexOf('.') + 1);
    String method = finding.enclosingMethod() == null ? "" : finding.enclosingMethod().replaceAll("\\(.*", "");
    return selector.equals(finding.fingerprint()) || selector.equals(finding.ruleId()) || selector.equals(owner)
        || selector.equals(simple) || selector.equals(simple + "." + method) || selector.equals(owner + "." + method);
  }

  private static String tail(String text, int lines) {
    String[] all = text.split("\n");
    return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
  }
}
