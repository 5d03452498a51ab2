package dev.optkit.validation.run;

import dev.optkit.analyzers.io.StateDirectory;

import dev.optkit.validation.harness.BenchMerge;
import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.CallCosts;
import dev.optkit.validation.report.Criteria;
import dev.optkit.validation.report.CriterionResult;
import dev.optkit.validation.report.ScenarioComparison;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.report.ValidationReport;
import dev.optkit.validation.spec.HeapEstimate;
import dev.optkit.validation.spec.Workload;
import dev.optkit.validation.spec.WorkloadException;
import dev.optkit.validation.spec.WorkloadReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a workload on the original and the migrated code, each built in its own directory and run
 * in its own JVMs, and compares: the engine behind {@code optkit validate}. Everything a run writes
 * (logs, answers, raw results, the report) stays under its run directory.
 */
public final class Validation {
  private final Path workloadFile;
  private final CodeVersion original;
  private final CodeVersion migrated;
  private final RunSettings settings;
  private final Map<String, Double> criteriaOverrides;
  private final Path runDir;
  private final String java;
  private final StateDirectory classpathCache;
  private final Integer callSeconds;
  private final Integer scenarioSeconds;
  private final Set<String> scenarioNames;
  private final CallCosts costs;
  private final ValidationReport.Context context;

  private Validation(Builder builder) {
    this.workloadFile = builder.workload;
    this.original = builder.original == null ? null : new CodeVersion("original", builder.original);
    // measured alone, the code is just the current code
    this.migrated = new CodeVersion(dev.optkit.validation.report.CodeSide.measured(builder.original != null).label(),
        builder.migrated);
    this.settings = builder.settings;
    this.criteriaOverrides = Map.copyOf(builder.criteria);
    this.runDir = builder.runDir;
    this.java = builder.java;
    this.classpathCache = builder.classpathCache;
    this.callSeconds = builder.callSeconds;
    this.scenarioSeconds = builder.scenarioSeconds;
    this.scenarioNames = builder.scenarios;
    this.costs = builder.costs;
    this.context = builder.context;
  }

  /**
   * Reads the workload and checks it against the caps and the run's limits, as {@link #run()} will:
   * for a command to fail fast, before it builds or clones anything.
   *
   * @throws dev.optkit.validation.spec.WorkloadException naming what to change
   */
  public static RunLimits check(Path workloadFile, Integer callSeconds, Integer scenarioSeconds, RunSettings settings) {
    return check(workloadFile, callSeconds, scenarioSeconds, settings, null);
  }

  /** The same, and the scenarios named (null: all) must be the workload's. */
  public static RunLimits check(Path workloadFile, Integer callSeconds, Integer scenarioSeconds, RunSettings settings,
      Set<String> scenarios) {
    Workload workload = WorkloadReader.read(workloadFile);
    selected(workload, scenarios);
    return RunLimits.of(workload, callSeconds, scenarioSeconds, settings);
  }

  /**
   * The workload's scenarios, in its order, only those named when some are.
   *
   * @throws WorkloadException for a name the workload does not have, listing the ones it has
   */
  static List<Workload.Scenario> selected(Workload workload, Set<String> names) {
    if (names == null) {
      return workload.scenarios();
    }
    List<String> known = workload.scenarios().stream().map(Workload.Scenario::name).toList();
    List<String> unknown = names.stream().filter(name -> !known.contains(name)).sorted().toList();
    if (!unknown.isEmpty()) {
      throw new WorkloadException("no scenario " + String.join(", ", unknown.stream().map(n -> "'" + n + "'").toList())
          + " in the workload (its scenarios: " + String.join(", ", known) + ")");
    }
    return workload.scenarios().stream().filter(s -> names.contains(s.name())).toList();
  }

  public static Builder builder() {
    return new Builder();
  }

  public ValidationReport run() throws IOException, InterruptedException {
    Workload workload = WorkloadReader.read(workloadFile);
    RunLimits limits = RunLimits.of(workload, callSeconds, scenarioSeconds, settings);
    Criteria criteria = Criteria.defaults().with(workload.criteria()).with(criteriaOverrides);
    Files.createDirectories(runDir);
    Path log = runDir.resolve("commands.log");
    Optional<Path> agent = HarnessClasspath.agentJar();
    RunProgress.begin(workload, settings, original != null); // phases, and on a terminal the time left
    SourcePreflight.check(workload, migrated, original); // the fixture and every method, in the sources: before any build
    // class paths printed by the build tool, kept by what they depend on (.optkit/cache/classpath)
    StateDirectory classpaths = classpathCache != null ? classpathCache
        : StateDirectory.at(runDir.toAbsolutePath().getParent().resolveSibling("cache").resolve("classpath"));
    List<String> migratedClasspath = VersionClasspath.prepare(workload.classpath(), migrated, log, classpaths);
    List<String> originalClasspath = original == null ? null
        : VersionClasspath.prepare(workload.classpath(), original, log, classpaths);
    List<ScenarioReport> scenarios = new ArrayList<>();
    List<CriterionResult> results = new ArrayList<>();
    HostLauncher hosts = new HostLauncher(java, workloadFile, runDir, settings, limits, agent);
    for (Workload.Scenario scenario : selected(workload, scenarioNames)) {
      long heap = HeapEstimate.megabytes(scenario, workload.limits());
      String started = "scenario " + scenario.name() + " (heap " + heap + " MB, limits: " + limits.callSeconds()
          + " s a call, " + limits.scenarioSeconds() + " s the scenario)";
      HostResult before = null;
      HostResult after = null;
      List<HostResult.Bench> beforeForks = new ArrayList<>();
      List<HostResult.Bench> afterForks = new ArrayList<>();
      int rounds = settings.bench() ? settings.forks() : 1;
      for (int round = 0; round < rounds; round++) {
        // the versions' forks alternate, and the order flips each round (ABBA): a machine getting busier or
        // quieter during the run weighs on both versions alike, not on the one measured last
        boolean originalFirst = round % 2 == 0;
        for (int turn = 0; turn < 2; turn++) {
          boolean runOriginal = (turn == 0) == originalFirst;
          if (runOriginal && original == null) {
            continue;
          }
          CodeVersion version = runOriginal ? original : migrated;
          VersionClasspath.progress(version, round == 0 ? started
              : "scenario " + scenario.name() + ", JMH fork " + (round + 1) + " of " + rounds);
          HostResult result = hosts.run(runOriginal ? originalClasspath : migratedClasspath, version.label(),
              scenario.name(), heap, round);
          (runOriginal ? beforeForks : afterForks).add(result.bench());
          if (round == 0 && runOriginal) {
            before = result;
          } else if (round == 0) {
            after = result;
          }
        }
      }
      before = before == null ? null : withBench(before, BenchMerge.merge(beforeForks));
      after = withBench(after, BenchMerge.merge(afterForks));
      ScenarioReport report = ScenarioComparison.compare(scenario.name(), before, after,
          original == null ? null : HostLauncher.answersFile(runDir, original.label(), scenario.name()),
          HostLauncher.answersFile(runDir, migrated.label(), scenario.name()), costs);
      scenarios.add(report);
      if (original != null) {
        results.addAll(ScenarioComparison.check(report, criteria));
      }
    }
    ValidationReport report = ValidationReport.completed(context, costs, runDir.getFileName().toString(),
        workloadFile.toString(), original == null, agent.isPresent(), scenarios, results);
    Files.write(runDir.resolve("report.json"), report.toJson());
    return report;
  }

  private static HostResult withBench(HostResult result, HostResult.Bench bench) {
    return new HostResult(result.scenario(), bench, result.replay(), result.load());
  }

  /** Immutable settings of one run, built step by step. */
  public static final class Builder {
    private Path workload;
    private Path original;
    private Path migrated;
    private RunSettings settings = RunSettings.defaults();
    private final java.util.HashMap<String, Double> criteria = new java.util.HashMap<>();
    private Path runDir;
    private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private StateDirectory classpathCache;
    private Integer callSeconds;
    private Integer scenarioSeconds;
    private Set<String> scenarios;
    private CallCosts costs = CallCosts.defaults();
    private ValidationReport.Context context = ValidationReport.Context.unknown();

    /** Only these scenarios of the workload (default: all); a name it does not have fails the run. */
    public Builder scenarios(Set<String> names) {
      this.scenarios = names == null ? null : Set.copyOf(names);
      return this;
    }

    /** The price of a downstream call by kind (default: {@link CallCosts#defaults()}). */
    public Builder costs(CallCosts value) {
      this.costs = value;
      return this;
    }

    /** What the report records of the run besides its figures: refs, settings, JDK, optkit's version. */
    public Builder context(ValidationReport.Context value) {
      this.context = value;
      return this;
    }

    public Builder workload(Path file) {
      this.workload = file;
      return this;
    }

    /** The original code; without it the run measures the migrated (current) code alone. */
    public Builder original(Path directory) {
      this.original = directory;
      return this;
    }

    public Builder migrated(Path directory) {
      this.migrated = directory;
      return this;
    }

    public Builder settings(RunSettings value) {
      this.settings = value;
      return this;
    }

    public Builder criterion(String name, double value) {
      criteria.put(name, value);
      return this;
    }

    public Builder runDirectory(Path directory) {
      this.runDir = directory;
      return this;
    }

    /** Where the class paths the build tool printed are kept (default: {@code cache/classpath} beside the run's folder). */
    public Builder classpathCache(StateDirectory directory) {
      this.classpathCache = directory;
      return this;
    }

    /** Limits over the workload's: null leaves the workload's (or the default) in force. */
    public Builder timeouts(Integer callSeconds, Integer scenarioSeconds) {
      this.callSeconds = callSeconds;
      this.scenarioSeconds = scenarioSeconds;
      return this;
    }

    /** The JVM to run the code with (default: the one optkit runs on). */
    public Builder java(String executable) {
      this.java = executable;
      return this;
    }

    public Validation build() {
      if (workload == null || migrated == null || runDir == null) {
        throw new IllegalStateException("workload, code and run directory are required");
      }
      return new Validation(this);
    }
  }
}
