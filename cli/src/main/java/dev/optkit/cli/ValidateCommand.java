package dev.optkit.cli;

import dev.optkit.analyzers.Printable;
import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateFileException;

import dev.optkit.analyzers.config.ConfigException;
import dev.optkit.cli.report.RunFacts;
import dev.optkit.cli.report.ValidationHistory;
import dev.optkit.cli.report.ValidationOutputs;
import dev.optkit.validation.report.CallCosts;
import dev.optkit.rewriters.plan.OriginalTree;
import dev.optkit.validation.report.ValidationReport;
import dev.optkit.validation.run.GitBaseline;
import dev.optkit.validation.run.RunFolders;
import dev.optkit.validation.run.RunLimits;
import dev.optkit.validation.run.RunProgress;
import dev.optkit.validation.run.RunSettings;
import dev.optkit.validation.run.Validation;
import dev.optkit.validation.run.ValidationException;
import dev.optkit.validation.spec.WorkloadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Runs a workload on the original and the migrated code in separate JVMs (JMH, a load test, "
        + "a call-counting agent), compares every answer, and gates on success criteria (the report says which "
        + "failed and by how much).",
    modelTransformer = ExitCodes.Listed.class)
public final class ValidateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..1", description = "Project root (default: the current directory).")
  Path root = Path.of(".");

  @Option(names = "--workload", paramLabel = "FILE", description = "Workload spec (default: workload.yaml in PATH).")
  Path workload;

  @Option(names = "--baseline", paramLabel = "GIT_REF",
      description = "The original code: this git ref, checked out into a temporary clone and built there.")
  String baseline;

  @Option(names = "--baseline-journal", paramLabel = "ID",
      description = "The original code: rebuilt in a temporary copy from migration ID's journal.")
  String baselineJournal;

  @Option(names = "--baseline-only", description = "Measure the current code alone (no comparison, no gate).")
  boolean baselineOnly;

  @Option(names = "--quick", description = "Short JMH runs (2 forks, 1 warm-up and 2 measured 1-s iterations each) and "
      + "load tests (at most 2 s of warm-up and 5 s measured), for CI.")
  boolean quick;

  @Option(names = "--strict", description = "A criterion the measurements cannot decide (the speedup's 99.9%% interval "
      + "straddles its requirement: a noisy machine) fails the run (exit 1) instead of being reported inconclusive.")
  boolean strict;

  @Option(names = "--no-bench", description = "Skip JMH (replay and load test only); the speedup is then not checked.")
  boolean noBench;

  @Option(names = "--no-load", description = "Skip the workload's load tests (replay, and JMH unless --no-bench); no "
      + "criterion reads them, so only their throughput and latency under load go unreported.")
  boolean noLoad;

  @Option(names = "--forks", paramLabel = "N", description = "JMH forks per scenario and code version, the versions' forks alternated (default 2).")
  Integer forks;

  @Option(names = "--warmup", paramLabel = "N", description = "JMH warm-up iterations (default 2, 1 with --quick).")
  Integer warmup;

  @Option(names = "--iterations", paramLabel = "N", description = "JMH measured iterations (default 3, 2 with --quick).")
  Integer iterations;

  @Option(names = "--seconds", paramLabel = "N", description = "Seconds per JMH iteration (default 2, 1 with --quick).")
  Integer seconds;

  @Option(names = "--java", paramLabel = "JDK",
      description = "The JDK (its home, or a java executable) that runs the code under test, in the host JVMs and "
          + "their JMH forks (default: the one running optkit).")
  Path java;

  @Option(names = "--call-timeout", paramLabel = "SECONDS",
      description = "A call into the code under test that does not return in time ends the run, naming it "
          + "(default: the workload's limits.callSeconds, else 30).")
  Integer callTimeout;

  @Option(names = "--scenario-timeout", paramLabel = "SECONDS",
      description = "A scenario's JVM still running after this is ended with its processes, naming the scenario "
          + "(default: the workload's limits.scenarioSeconds, else 900 plus twice the JMH time planned).")
  Integer scenarioTimeout;

  @Option(names = "--criterion", paramLabel = "NAME=VALUE",
      description = "Override a success criterion: hitRate, callsReduction, speedup, costReduction, differingAnswers.")
  Map<String, Double> criteria = new LinkedHashMap<>();

  @Option(names = "--scenario", paramLabel = "NAME",
      description = "Run only this scenario of the workload (repeatable); an unknown name is a usage error.")
  List<String> scenarios = new ArrayList<>();

  @Mixin(name = "report")
  ReportOptions report = new ReportOptions();

  @Option(names = "--json", paramLabel = "FILE",
      description = "Deprecated, goes in the next release: use --format json --output FILE. Also writes the report as JSON.")
  Path json;

  @Option(names = "--markdown", paramLabel = "FILE",
      description = "Deprecated, goes in the next release: use --format markdown --output FILE. Also writes the report "
          + "as Markdown.")
  Path markdown;

  @Option(names = "--history", description = "Show earlier runs (.optkit/runs): key figures, refs, settings and "
      + "outcome, failed runs with their cause; then exit.")
  boolean history;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path project = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(project)) {
      err.println("optkit validate: not a directory: " + project + " (give the project's root folder)");
      return ExitCodes.USAGE;
    }
    StateDirectory state;
    Path runs;
    try {
      state = StateDirectory.ofProject(project);
      runs = state.resolve("runs");
      if (history) {
        out.print(ValidationHistory.render(state, runs));
        out.flush();
        return ExitCodes.OK;
      }
    } catch (StateFileException e) {
      err.println("optkit validate: " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("optkit validate: cannot read " + project + ": " + Printable.escape(e.getMessage()) + " (give a project folder you can read)");
      return ExitCodes.USAGE;
    }
    List<ReportOptions.Target> targets;
    try {
      targets = new ArrayList<>(report.targets("validate", ValidationOutputs.FORMATS));
      targets.addAll(deprecatedTargets(err));
    } catch (IllegalArgumentException e) {
      err.println("optkit validate: " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    }
    int baselines = (baseline != null ? 1 : 0) + (baselineJournal != null ? 1 : 0) + (baselineOnly ? 1 : 0);
    if (baselines != 1) {
      err.println("optkit validate: give exactly one of --baseline GIT_REF, --baseline-journal ID, --baseline-only");
      return ExitCodes.USAGE;
    }
    for (Integer value : new Integer[] {forks, iterations, seconds}) {
      if (value != null && value < 1) {
        err.println("optkit validate: --forks, --iterations and --seconds must be at least 1");
        return ExitCodes.USAGE;
      }
    }
    if (callTimeout != null && callTimeout < 1 || scenarioTimeout != null && scenarioTimeout < 1) {
      err.println("optkit validate: --call-timeout and --scenario-timeout must be at least 1 (seconds)");
      return ExitCodes.USAGE;
    }
    if (warmup != null && warmup < 0) {
      err.println("optkit validate: --warmup must not be negative");
      return ExitCodes.USAGE;
    }
    Path javaExecutable = null;
    if (java != null) {
      javaExecutable = (Files.isDirectory(java) ? java.resolve("bin").resolve("java") : java).toAbsolutePath();
      if (!Files.isRegularFile(javaExecutable) || !Files.isExecutable(javaExecutable)) {
        err.println("optkit validate: --java " + java + ": no java executable there (give a JDK's home or its bin/java)");
        return ExitCodes.USAGE;
      }
    }
    Path workloadFile = workload != null ? workload.toAbsolutePath() : project.resolve("workload.yaml");
    if (!Files.isRegularFile(workloadFile)) {
      err.println("optkit validate: no workload file " + workloadFile + " (write one (docs/validate.md) or pass "
          + "--workload FILE)");
      return ExitCodes.USAGE;
    }
    if (baselineJournal != null && !dev.optkit.rewriters.plan.Journal.isPlainId(baselineJournal)) {
      err.println("optkit validate: --baseline-journal '" + baselineJournal + "' is not a migration id (letters, digits, "
          + "'.', '_' and '-' only)");
      return ExitCodes.USAGE;
    }
    RunSettings chosen = quick ? RunSettings.quick() : RunSettings.defaults();
    RunSettings settings = new RunSettings(forks != null ? forks : chosen.forks(),
        warmup != null ? warmup : chosen.warmupIterations(), iterations != null ? iterations : chosen.iterations(),
        seconds != null ? seconds : chosen.secondsPerIteration(), chosen.bench(), chosen.load(), chosen.quickLoad());
    if (noBench) {
      settings = settings.withoutBench();
    }
    if (noLoad) {
      settings = settings.withoutLoad();
    }
    Set<String> only = scenarios.isEmpty() ? null : new LinkedHashSet<>(scenarios);
    RunLimits limits;
    CallCosts costs;
    try { // the caps, limits, scenarios and prices, before anything is cloned or built: a mistake fails in a second
      limits = Validation.check(workloadFile, callTimeout, scenarioTimeout, settings, only);
      costs = CallCosts.ofProject(project);
    } catch (WorkloadException | ConfigException e) {
      err.println("optkit validate: " + Printable.escape(e.getMessage()));
      return ExitCodes.USAGE;
    }
    FailedRun failure = new FailedRun(out, err, state, workloadFile, costs, targets, report, baselineOnly);
    failure.context = new ValidationReport.Context(OptkitCommand.Version.current(),
        RunFacts.refs(project, baseline, baselineJournal), recorded(settings, limits, only),
        javaExecutable == null ? RunFacts.currentJdk() : RunFacts.jdk(javaExecutable));
    GitBaseline worktree = null;
    try {
      Path runDir = RunFolders.create(state, runs);
      failure.runDir = runDir;
      Path original = null;
      if (baseline != null) {
        worktree = GitBaseline.checkout(project, baseline, runDir, runDir.resolve("commands.log"));
        original = worktree.project();
        failure.context = failure.context.withRefs(
            failure.context.refs().withBaselineCommit(RunFacts.headCommit(original)));
      } else if (baselineJournal != null) {
        original = runDir.resolve("baseline");
        OriginalTree.materialize(project, baselineJournal, original);
      }
      Validation.Builder builder = Validation.builder().workload(workloadFile).original(original).migrated(project)
          .settings(settings).timeouts(callTimeout, scenarioTimeout).runDirectory(runDir)
          .classpathCache(state.below("cache/classpath")).scenarios(only).costs(costs).context(failure.context);
      if (javaExecutable != null) {
        builder.java(javaExecutable.toString());
      }
      criteria.forEach(builder::criterion);
      // a terminal's progress line is cleared when the run ends, before the report or an error is printed
      ValidationReport result = RunProgress.whileRunning(report.progress(), builder.build()::run);
      if (!write(result, targets, false, report, out, err)) {
        return ExitCodes.USAGE;
      }
      return result.gatePassed(strict) ? ExitCodes.OK : ExitCodes.FINDINGS;
    } catch (WorkloadException | IllegalArgumentException e) {
      return failure.record(e.getMessage(), ExitCodes.USAGE);
    } catch (ValidationException e) {
      return failure.record(e.getMessage(), e.byUser() ? ExitCodes.USAGE : ExitCodes.INTERNAL);
    } catch (StateFileException | java.nio.file.NoSuchFileException e) {
      return failure.record(e.getMessage(), ExitCodes.USAGE); // a planted or missing state file, by name
    } catch (IOException e) {
      return failure.record(e.getMessage(), ExitCodes.INTERNAL); // an unknown migration id is NoSuchFileException, above
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure.record("interrupted", ExitCodes.INTERNAL);
    } catch (RuntimeException e) {
      failure.recordOnly("internal error: " + e); // and picocli's handler reports it (exit 3)
      throw e;
    } finally {
      if (worktree != null) {
        worktree.close();
      }
    }
  }

  /**
   * The spellings before every command took {@code --format} and {@code --output}: each still one
   * more report besides the others, for one release, with a note on stderr.
   */
  private List<ReportOptions.Target> deprecatedTargets(PrintWriter err) {
    List<ReportOptions.Target> targets = new ArrayList<>();
    if (json != null) {
      err.println("optkit validate: --json FILE is deprecated and goes in the next release: use --format json --output FILE");
      ReportOptions.checkFolder("--json", json);
      targets.add(new ReportOptions.Target(dev.optkit.cli.report.ReportFormat.JSON, json));
    }
    if (markdown != null) {
      err.println("optkit validate: --markdown FILE is deprecated and goes in the next release: use --format markdown "
          + "--output FILE");
      ReportOptions.checkFolder("--markdown", markdown);
      targets.add(new ReportOptions.Target(dev.optkit.cli.report.ReportFormat.MARKDOWN, markdown));
    }
    return targets;
  }

  /** The settings as the report records them: JMH's, the limits in force, the scenarios chosen. */
  private static ValidationReport.Settings recorded(RunSettings settings, RunLimits limits, Set<String> only) {
    return new ValidationReport.Settings(settings.forks(), settings.warmupIterations(), settings.iterations(),
        settings.secondsPerIteration(), settings.bench(), settings.load(), limits.callSeconds(), limits.fixtureSeconds(),
        limits.scenarioSeconds(), only == null ? null : List.copyOf(only));
  }

  /**
   * Writes the report to each target. A run that failed writes nothing more on standard output in
   * the terminal format (the cause is on standard error already), but a JSON, Markdown or HTML
   * report, and every file asked for, say it failed and why: CI keeps what it was told to keep.
   *
   * @return false when a file could not be written (named on standard error)
   */
  private static boolean write(ValidationReport report, List<ReportOptions.Target> targets, boolean failed,
      ReportOptions options, PrintWriter out, PrintWriter err) {
    for (ReportOptions.Target target : targets) {
      if (failed && target.terminalOnStdout()) {
        continue;
      }
      String text = ValidationOutputs.render(target.format(), report, options.colors(target));
      if (!ReportOptions.write("validate", target, text, out, err)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A run that stopped: its cause on standard error as before, and a report saying so in its folder
   * (so {@code --history} lists it) and in the outputs asked for. Filled in as the run gets going:
   * before its folder exists there is nothing to record.
   */
  private static final class FailedRun {
    private final PrintWriter out;
    private final PrintWriter err;
    private final StateDirectory state;
    private final Path workloadFile;
    private final CallCosts costs;
    private final List<ReportOptions.Target> targets;
    private final ReportOptions options;
    private final boolean baselineOnly;
    private ValidationReport.Context context = ValidationReport.Context.unknown();
    private Path runDir;

    FailedRun(PrintWriter out, PrintWriter err, StateDirectory state, Path workloadFile, CallCosts costs,
        List<ReportOptions.Target> targets, ReportOptions options, boolean baselineOnly) {
      this.out = out;
      this.err = err;
      this.state = state;
      this.workloadFile = workloadFile;
      this.costs = costs;
      this.targets = targets;
      this.options = options;
      this.baselineOnly = baselineOnly;
    }

    int record(String message, int exitCode) {
      err.println("optkit validate: " + Printable.escapeLines(message));
      ValidationReport report = recordOnly(message);
      if (report != null) {
        write(report, targets, true, options, out, err);
      }
      return exitCode;
    }

    /** The report of the failed run, written to its folder; null when the run had no folder yet. */
    ValidationReport recordOnly(String message) {
      if (runDir == null) {
        return null;
      }
      ValidationReport report = ValidationReport.failed(context, costs, String.valueOf(runDir.getFileName()),
          workloadFile.toString(), baselineOnly, message);
      try {
        state.write(runDir.resolve("report.json"), report.toJson());
      } catch (IOException e) {
        err.println("optkit validate: could not record the failed run in " + state.shown(runDir) + ": " + Printable.escape(e.getMessage()));
      }
      return report;
    }
  }
}
