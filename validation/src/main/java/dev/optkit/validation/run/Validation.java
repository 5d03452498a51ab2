package dev.optkit.validation.run;

import dev.optkit.analyzers.io.StateDirectory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optkit.validation.harness.HostResult;
import dev.optkit.validation.report.Criteria;
import dev.optkit.validation.report.CriterionResult;
import dev.optkit.validation.report.ScenarioComparison;
import dev.optkit.validation.report.ScenarioReport;
import dev.optkit.validation.report.ValidationReport;
import dev.optkit.validation.spec.Workload;
import dev.optkit.validation.spec.WorkloadReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

  private Validation(Builder builder) {
    this.workloadFile = builder.workload;
    this.original = builder.original == null ? null : new CodeVersion("original", builder.original);
    // measured alone, the code is just the current code
    this.migrated = new CodeVersion(builder.original == null ? "current" : "migrated", builder.migrated);
    this.settings = builder.settings;
    this.criteriaOverrides = Map.copyOf(builder.criteria);
    this.runDir = builder.runDir;
    this.java = builder.java;
    this.classpathCache = builder.classpathCache;
  }

  public static Builder builder() {
    return new Builder();
  }

  public ValidationReport run() throws IOException, InterruptedException {
    Workload workload = WorkloadReader.read(workloadFile);
    Criteria criteria = Criteria.defaults().with(workload.criteria()).with(criteriaOverrides);
    Files.createDirectories(runDir);
    Path log = runDir.resolve("commands.log");
    Optional<Path> agent = HarnessClasspath.agentJar();
    // class paths printed by the build tool, kept by what they depend on (.optkit/cache/classpath)
    StateDirectory classpaths = classpathCache != null ? classpathCache
        : StateDirectory.at(runDir.toAbsolutePath().getParent().resolveSibling("cache").resolve("classpath"));
    List<String> migratedClasspath = VersionClasspath.prepare(workload.classpath(), migrated, log, classpaths);
    List<String> originalClasspath = original == null ? null
        : VersionClasspath.prepare(workload.classpath(), original, log, classpaths);
    List<ScenarioReport> scenarios = new ArrayList<>();
    List<CriterionResult> results = new ArrayList<>();
    for (Workload.Scenario scenario : workload.scenarios()) {
      HostResult before = null;
      if (original != null) {
        VersionClasspath.progress(original, "scenario " + scenario.name());
        before = HostLauncher.run(java, originalClasspath, workloadFile, scenario.name(), runDir, original.label(),
            settings, agent, log);
      }
      VersionClasspath.progress(migrated, "scenario " + scenario.name());
      HostResult after = HostLauncher.run(java, migratedClasspath, workloadFile, scenario.name(), runDir,
          migrated.label(), settings, agent, log);
      ScenarioReport report = ScenarioComparison.compare(scenario.name(), before, after,
          original == null ? null : HostLauncher.answersFile(runDir, original.label(), scenario.name()),
          HostLauncher.answersFile(runDir, migrated.label(), scenario.name()));
      scenarios.add(report);
      if (original != null) {
        results.addAll(ScenarioComparison.check(report, criteria));
      }
    }
    ValidationReport report = new ValidationReport(runDir.getFileName().toString(), workloadFile.toString(),
        original == null, agent.isPresent(), scenarios, results);
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(runDir.resolve("report.json").toFile(), report);
    return report;
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
