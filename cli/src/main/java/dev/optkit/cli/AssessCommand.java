package dev.optkit.cli;

import dev.optkit.analyzers.Printable;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.AssessmentCache;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.ConfigException;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.dependencies.ResolutionSettings;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.findings.Baseline;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.source.GitChanges;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.cli.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = "Finds remote API calls, database queries, sequential I/O loops and cacheable read methods, "
        + "ranks them by estimated savings, and reports them. Never runs the scanned project's code or build.",
    modelTransformer = ExitCodes.Listed.class)
public class AssessCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Source roots or files to scan (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Mixin(name = "report")
  ReportOptions report = new ReportOptions();

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "Report and gate only findings not in this baseline (matched by fingerprint, not line).")
  Path baseline;

  @Option(names = "--write-baseline", paramLabel = "FILE",
      description = "Record today's findings as the baseline in FILE (e.g. .optkit-baseline.json).")
  Path writeBaseline;

  @Option(names = "--since", paramLabel = "GIT-REF",
      description = "Report only findings in methods changed since GIT-REF (committed or not), for fast pull-request checks.")
  String since;

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Extract the facts of the I-th of N slices of the files (balanced by size, the same on every "
          + "machine) and write them to --shard-out, for `optkit merge`; no report, no gate.")
  String shard;

  @Option(names = "--shard-out", paramLabel = "FILE",
      description = "Where --shard writes its facts (default: optkit-shard-I-of-N in the current directory).")
  Path shardOut;

  @Option(names = "--shard-weights", paramLabel = "FILE",
      description = "With --shard: share the files out by the time each took in an earlier run (`optkit merge "
          + "--weights-out FILE`), not by size. Give every shard of the run the same file.")
  Path shardWeights;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Configuration file (default: .optkit.yml in the first PATH, if present).")
  Path config;

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Skip paths matching GLOB, relative to the scanned root (repeatable), e.g. '**/generated/**'.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--include-tests", description = "Also scan test sources (src/test/...); skipped by default.")
  boolean includeTests;

  @Option(names = {"--classpath", "--cp"}, paramLabel = "JARS", split = ":",
      description = "Jars or directories of jars for type resolution, ':'-separated (repeatable).")
  List<Path> classpath = new ArrayList<>();

  @Mixin(name = "dependencies")
  DependencyOptions dependencies = new DependencyOptions();

  @Mixin(name = "hints")
  HintCheckOptions hints = new HintCheckOptions();

  @Option(names = "--no-resolve",
      description = "Skip the symbol solver: faster, but every finding is matched by imports and names only.")
  boolean noResolve;

  @Option(names = "--cache-dir", paramLabel = "DIR",
      description = "Where per-file facts are cached by content hash (default: .optkit/cache of the first PATH's project, "
          + "the nearest folder with a build file or .git; see docs/state.md).")
  Path cacheDir;

  @Option(names = "--no-cache", description = "Parse every file, and neither read nor write the facts cache (the dependency jars' "
      + "summaries, kept by their content in optkit's user cache, are still used: docs/library-io.md).")
  boolean noCache;

  @Option(names = "--threads", paramLabel = "N", converter = Counts.AtLeastOne.class,
      description = "Parser threads, 1 or more (default: the number of cores).")
  Integer threads;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20", converter = Counts.AtLeastZero.class,
      description = "Findings shown in the terminal report (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--sarif-category", paramLabel = "NAME",
      description = "Write NAME as the SARIF run's category (runs[].automationDetails.id \"NAME/\"), so that the "
          + "SARIF files of several modules or shards uploaded for one commit stay apart in GitHub code scanning. "
          + "Needs --format sarif.")
  String sarifCategory;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 when a finding is at or above SEVERITY (high, medium, low, info).")
  String failOn;

  @Option(names = "--max-findings", paramLabel = "N", converter = Counts.AtLeastZero.class,
      description = "Exit 1 when there are more than N findings (0 or more).")
  Integer maxFindings;

  /**
   * A category is for a SARIF report, and is text GitHub keeps as given: no control characters, not blank.
   *
   * @throws IllegalArgumentException a usage error, saying what to give instead
   */
  private void checkSarifCategory(List<ReportOptions.Target> targets) {
    if (sarifCategory == null) {
      return;
    }
    if (targets.stream().noneMatch(t -> t.format() == ReportFormat.SARIF)) {
      throw new IllegalArgumentException("--sarif-category names a SARIF report's category: give --format sarif too");
    }
    if (sarifCategory.isBlank() || sarifCategory.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("--sarif-category takes a name that is not blank and holds no control characters "
          + "(e.g. optkit/account-service)");
    }
  }

  @Override
  public Integer call() {
    checkCacheDir();
    var err = spec.commandLine().getErr();
    List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    List<ReportOptions.Target> targets;
    Severity threshold;
    OptkitConfig configuration;
    Baseline known = null;
    List<ParseProblem> runWarnings = new ArrayList<>(); // met outside the scan: the configuration, the caches' state
    try {
      targets = report.targets("assess", java.util.EnumSet.allOf(ReportFormat.class));
      checkSarifCategory(targets);
      hints.validate();
      threshold = failOn == null ? null : Severity.parse(failOn);
      shardSpec = shard == null ? null : dev.optkit.analyzers.source.ShardPlan.Spec.parse(shard);
      if (shardOut != null && shardSpec == null) {
        throw new IllegalArgumentException("--shard-out names the file of a shard: give --shard I/N too");
      }
      if (shardWeights != null && shardSpec == null) {
        throw new IllegalArgumentException("--shard-weights shares a run's files out among its shards: give --shard I/N too");
      }
      weights = shardWeights == null ? dev.optkit.analyzers.source.ShardWeights.NONE : readWeights(shardWeights);
      if (shardSpec != null) {
        ReportOptions.checkFolder("--shard-out", shardOut());
      }
      for (Path root : roots) {
        if (!Files.exists(root)) {
          err.println(command() + ": no such file or directory: " + root + " (give a source folder or file that exists)");
          return ExitCodes.USAGE;
        }
      }
      roots.forEach(dev.optkit.analyzers.source.SourceSet::readableRoot);
      configuration = loadConfig(roots.get(0), runWarnings);
      configuration.exclude().forEach(dev.optkit.analyzers.source.SourceSet::glob);
      excludes.forEach(dev.optkit.analyzers.source.SourceSet::glob);
      if (writeBaseline != null) {
        ReportOptions.checkFolder("--write-baseline", writeBaseline);
      }
      if (baseline != null) {
        known = Baseline.read(baseline);
      }
    } catch (IllegalArgumentException | ConfigException e) {
      err.println(command() + ": " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println(command() + ": cannot read baseline " + baseline + ": " + Printable.escape(e.getMessage())
          + " (record one with --write-baseline " + baseline + ")");
      return ExitCodes.USAGE;
    }
    GitChanges changes = null;
    if (since != null) {
      try {
        changes = GitChanges.since(roots.get(0), since);
      } catch (IllegalArgumentException e) {
        err.println(command() + ": " + Printable.escape(e.getMessage()));
        return ExitCodes.USAGE;
      }
    }
    CacheLocation cacheLocation = noCache ? CacheLocation.NONE : CacheLocation.of(cacheDir, roots.get(0));
    Path cacheDirectory = cacheLocation.directory();
    if (cacheLocation.warning() != null) {
      runWarnings.add(cacheLocation.warning());
    }
    List<String> allExcludes = new ArrayList<>(configuration.exclude());
    allExcludes.addAll(excludes);
    ScanProgress progress = report.scanProgress(spec.name(), err);
    Assessor.Options options = new Assessor.Options(roots, allExcludes, includeTests || configuration.includeTests(),
        classpath, dependencies.useMavenRepository(),
        threads == null ? Runtime.getRuntime().availableProcessors() : threads, !noResolve,
        configuration, OptkitCommand.Version.current(), cacheDirectory,
        resolution(includeTests || configuration.includeTests(), progress),
        dev.optkit.analyzers.io.UserCache.librarySummaries());
    long start = System.nanoTime();
    // read on another core while this one scans: with Jackson's first use it was a quarter of a re-run
    java.util.concurrent.CompletableFuture<dev.optkit.analyzers.io.FileHashes> remembered =
        options.cacheDirectory() == null ? null : java.util.concurrent.CompletableFuture.supplyAsync(
            () -> dev.optkit.analyzers.io.FileHashes.open(options.cacheDirectory()),
            Assessor.daemon("optkit-file-hashes"));
    Assessment assessment;
    try {
      Assessor.Inputs inputs = Assessor.inputs(options, progress);
      if (shardSpec != null) {
        return writeShard(new Assessor().shard(options, progress, inputs, shardSpec, weights), err);
      }
      // an unchanged project: the whole answer of the last run (findings, and what migrate would fix)
      // a check of the hints is a planner's answer of the day, not kept with the assessment's
      Optional<AssessmentCache> answers = !reusesAnswers() || hints.active() || options.cacheDirectory() == null
          ? Optional.empty()
          : AssessmentCache.open(options.cacheDirectory(), options, inputs, plannerKey(roots.get(0)), remembered.join());
      assessment = answers.flatMap(cache -> cache.lookup(start, options.threads(), inputs.jars().size()))
          .orElse(null);
      if (assessment == null) {
        assessment = assessAnew(options, progress, inputs, start);
        progress.finish();
        // -Doptkit.noPlanner=true: no fixable verdicts, and so no answer stored (bench/planner-share.sh's reference run)
        if (!Boolean.getBoolean("optkit.noPlanner")) {
          // from the folder the findings' paths are relative to: with two sibling modules given, their common folder
          assessment = PlannedFixes.apply(SourceSet.displayRoot(roots), assessment, configuration);
          Assessment answered = assessment;
          answers.ifPresent(cache -> cache.store(answered, plannerKey(roots.get(0))));
        }
        if (hints.active()) {
          assessment = hints.apply(assessment);
        }
      }
    } catch (Assessor.ShardMismatch e) {
      err.println("optkit " + spec.name() + ": " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    } catch (HintCheckOptions.Unavailable e) {
      err.println(command() + ": " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    } finally {
      progress.finish();
    }
    if (writeBaseline != null) {
      try {
        Baseline.of(assessment.findings(), OptkitCommand.Version.current()).write(writeBaseline);
        err.println(command() + ": wrote baseline of " + assessment.findings().size() + " findings to " + writeBaseline);
      } catch (IOException e) {
        err.println(command() + ": cannot write baseline " + writeBaseline + ": " + Printable.escape(e.getMessage())
            + " (give --write-baseline a file in a folder you can write to)");
        return ExitCodes.USAGE;
      }
    }
    assessment = narrow(assessment.withWarnings(runWarnings), known, changes);
    for (ReportOptions.Target target : targets) {
      String text = target.format().render(assessment, report.colors(target), top, sarifCategory);
      if (!ReportOptions.write("assess", target, text, spec.commandLine().getOut(), err)) {
        return ExitCodes.USAGE;
      }
    }
    // said once: a terminal report on stdout lists them already (both streams are usually the same screen)
    List<ParseProblem> warnings = targets.stream().anyMatch(ReportOptions.Target::terminalOnStdout) ? List.of()
        : assessment.warnings();
    for (int i = 0; i < warnings.size(); i++) { // the files that failed come first (Assessor)
      ParseProblem warning = warnings.get(i);
      err.println("warning: " + Printable.escape(warning.path()) + (warning.line() > 0 ? ":" + warning.line() : "")
          + (i < assessment.summary().filesFailed() ? ": not analysed: " : ": ") + Printable.escape(warning.message()));
    }
    return gate(assessment, threshold, err);
  }

  /** How its messages start: {@code optkit assess}, {@code optkit merge}. */
  String command() {
    return "optkit " + spec.name();
  }

  /** The recorded times --shard-weights gives, once the options are read. */
  private dev.optkit.analyzers.source.ShardWeights weights;

  private static dev.optkit.analyzers.source.ShardWeights readWeights(Path file) {
    try {
      return dev.optkit.analyzers.source.ShardWeights.read(file);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read --shard-weights " + file + ": " + e.getMessage());
    }
  }

  /** The shard --shard names, once the options are read; null for a whole run. */
  private dev.optkit.analyzers.source.ShardPlan.Spec shardSpec;

  private Path shardOut() {
    return shardOut != null ? shardOut : Path.of("optkit-shard-" + shardSpec.index() + "-of-" + shardSpec.count());
  }

  private int writeShard(dev.optkit.analyzers.parse.ShardFile.Shard made, java.io.PrintWriter err) {
    try {
      dev.optkit.analyzers.parse.ShardFile.write(shardOut(), made);
    } catch (IOException e) {
      err.println(command() + ": cannot write shard " + shardSpec + " to " + Printable.escape(shardOut().toString())
          + ": " + Printable.escape(String.valueOf(e.getMessage())) + " (give --shard-out a file in a folder you can write to)");
      return ExitCodes.USAGE;
    }
    err.println(command() + ": wrote shard " + shardSpec + " (" + made.files().size() + " files) to "
        + Printable.escape(shardOut().toString()));
    return ExitCodes.OK;
  }

  /** The assessment of a run no earlier answer holds: the project assessed now ({@code merge} assembles it from shards). */
  Assessment assessAnew(Assessor.Options options, ScanProgress progress, Assessor.Inputs inputs, long start) {
    return new Assessor().assess(options, progress, inputs, start);
  }

  /** Whether an unchanged project's last answer may serve ({@code merge}'s comes from its shards). */
  boolean reusesAnswers() {
    return true;
  }

  /**
   * A {@code --cache-dir} that names a file (or a device, a FIFO) is a usage error, as picocli reports
   * a bad value: the cache would be silently off. A folder that is not there yet is made.
   */
  private void checkCacheDir() {
    if (cacheDir != null && Files.exists(cacheDir) && !Files.isDirectory(cacheDir)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--cache-dir': '"
          + cacheDir + "' is not a folder (give a folder, or a path where one can be made)");
    }
  }

  /** Keeps findings new since the baseline and in code changed since the git ref, when given. */
  private Assessment narrow(Assessment assessment, Baseline known, GitChanges changes) {
    if (known == null && changes == null) {
      return assessment;
    }
    List<Finding> kept = assessment.findings();
    Integer baselined = null;
    Integer gone = null;
    if (known != null) {
      Baseline.Comparison comparison = known.compare(kept);
      kept = comparison.fresh();
      baselined = comparison.stillPresent();
      gone = comparison.gone();
    }
    Integer outside = null;
    if (changes != null) {
      GitChanges changed = changes;
      List<Finding> inChanges = kept.stream()
          .filter(f -> changed.touches(f.path(), f.memberRange()))
          .toList();
      outside = kept.size() - inChanges.size();
      kept = inChanges;
    }
    return assessment.narrowed(kept, new Assessment.Scope(known == null ? null : baseline.toString(), baselined, gone,
        since, outside));
  }

  /**
   * What migrate's planner, which judges each finding's fixable verdict after the analyzers, adds
   * to a cached answer's key: the build of its code, and what it reads outside the scan.
   */
  private static String plannerKey(Path root) {
    return Assessor.codeBuild(PlannedFixes.class) + "|"
        + Assessor.codeBuild(dev.optkit.rewriters.caching.planner.CachingPlanner.class) + "|"
        + dev.optkit.rewriters.plan.ProjectScope.scopeKey(SourceSet.folderOf(root));
  }

  private OptkitConfig loadConfig(Path root, List<ParseProblem> runWarnings) {
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new ConfigException("configuration file not found: " + config);
      }
      return OptkitConfig.load(config);
    }
    DiscoveredConfig discovered = DiscoveredConfig.in(SourceSet.folderOf(root));
    if (discovered.warning() != null) {
      runWarnings.add(discovered.warning());
    }
    return discovered.config();
  }

  /**
   * The exit code the gates give, and on stderr why (as PMD and Semgrep do): how many findings met each gate that
   * failed, then one line per finding (severity, rule, where, method), the findings' own order, at most
   * {@value #GATE_LINES} of them.
   */
  /** The dependencies' resolution, saying on stderr when one runs and what it took; null when none is to run. */
  private ResolutionSettings resolution(boolean withTests, ScanProgress progress) {
    ResolutionSettings settings = dependencies.resolution(withTests);
    return settings == null ? null
        : settings.withListener(new ResolutionLines(command(), progress, settings.total()));
  }

  private int gate(Assessment assessment, Severity threshold, java.io.PrintWriter err) {
    List<Finding> tooMany = maxFindings != null && assessment.findings().size() > maxFindings
        ? assessment.findings() : List.of();
    List<Finding> atThreshold = threshold == null ? List.of()
        : assessment.findings().stream().filter(f -> f.severity().atLeast(threshold)).toList();
    if (!tooMany.isEmpty()) {
      err.println(command() + ": " + tooMany.size() + " findings, more than --max-findings " + maxFindings);
    }
    if (!atThreshold.isEmpty()) {
      err.println(command() + ": " + atThreshold.size() + (atThreshold.size() == 1 ? " finding" : " findings")
          + " at or above --fail-on " + threshold.id() + ":");
      atThreshold.stream().limit(GATE_LINES).forEach(f -> err.println("  " + gateLine(f)));
      if (atThreshold.size() > GATE_LINES) {
        err.println("  ... and " + (atThreshold.size() - GATE_LINES) + " more (--format json lists every one)");
      }
    }
    return tooMany.isEmpty() && atThreshold.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  /** How many findings a failed gate lists on stderr. */
  static final int GATE_LINES = 50;

  /** One finding as a gate lists it: {@code HIGH io-loop SequentialIoLoop src/A.java:38 A.load(List)}. */
  static String gateLine(Finding finding) {
    return Printable.escape(finding.severity().id().toUpperCase(java.util.Locale.ROOT) + " " + finding.category().id()
        + " " + finding.ruleId() + " " + finding.path() + ":" + finding.line()
        + (finding.enclosingMethod() == null ? "" : " " + finding.enclosingClass() + "." + finding.enclosingMethod()));
  }
}
