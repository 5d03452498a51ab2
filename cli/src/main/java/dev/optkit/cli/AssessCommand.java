package dev.optkit.cli;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.ConfigException;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.cli.report.ReportFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = "Finds remote API calls, database queries, sequential I/O loops and cacheable read methods, "
        + "ranks them by estimated savings, and reports them. Never runs the scanned project's code or build.",
    footer = ExitCodes.HELP)
public final class AssessCommand implements Callable<Integer> {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Source roots or files to scan (default: the current directory).")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "terminal",
      description = "Output format: terminal (ranked, readable) or json (schema: docs/json-schema.md). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
  Path output;

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

  @Option(names = "--no-maven-repo", negatable = false,
      description = "Do not add jars of the project's pom.xml dependencies found in the local Maven repository.")
  boolean noMavenRepo;

  @Option(names = "--no-resolve",
      description = "Skip the symbol solver: faster, but every finding is matched by imports and names only.")
  boolean noResolve;

  @Option(names = "--threads", paramLabel = "N", description = "Parser threads (default: the number of cores).")
  Integer threads;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20",
      description = "Findings shown in the terminal report (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--fail-on", paramLabel = "SEVERITY",
      description = "Exit 1 when a finding is at or above SEVERITY (high, medium, low, info).")
  String failOn;

  @Option(names = "--max-findings", paramLabel = "N", description = "Exit 1 when there are more than N findings.")
  Integer maxFindings;

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour the terminal report: auto (a TTY without NO_COLOR), always or never.")
  String color;

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    List<Path> roots = paths.isEmpty() ? List.of(Path.of(".")) : paths;
    ReportFormat reportFormat;
    Severity threshold;
    OptkitConfig configuration;
    try {
      reportFormat = ReportFormat.parse(format);
      threshold = failOn == null ? null : Severity.parse(failOn);
      for (Path root : roots) {
        if (!Files.exists(root)) {
          err.println("optkit assess: no such file or directory: " + root);
          return ExitCodes.USAGE;
        }
      }
      configuration = loadConfig(roots.get(0));
    } catch (IllegalArgumentException | ConfigException e) {
      err.println("optkit assess: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    List<String> allExcludes = new ArrayList<>(configuration.exclude());
    allExcludes.addAll(excludes);
    Assessor.Options options = new Assessor.Options(roots, allExcludes, includeTests || configuration.includeTests(),
        classpath, !noMavenRepo, threads == null ? Runtime.getRuntime().availableProcessors() : threads, !noResolve,
        configuration, OptkitCommand.Version.current());
    ProgressBar progress = Terminal.progressOnStderr() ? new ProgressBar(System.err) : null;
    Assessment assessment = new Assessor().assess(options, progress == null ? Assessor.Progress.NONE : progress);
    if (progress != null) {
      progress.finish();
    }
    boolean colors = switch (color) {
      case "always" -> true;
      case "never" -> false;
      default -> output == null && reportFormat == ReportFormat.TERMINAL && Terminal.colorsOnStdout();
    };
    String report = reportFormat.render(assessment, colors, top);
    if (output == null) {
      spec.commandLine().getOut().print(report);
      spec.commandLine().getOut().flush();
    } else {
      try {
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(output, report, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("optkit assess: cannot write " + output + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    for (var warning : assessment.warnings()) {
      err.println("warning: " + warning.path() + (warning.line() > 0 ? ":" + warning.line() : "") + ": not analysed: "
          + warning.message());
    }
    return gate(assessment, threshold);
  }

  private OptkitConfig loadConfig(Path root) {
    if (config != null) {
      if (!Files.isRegularFile(config)) {
        throw new ConfigException("configuration file not found: " + config);
      }
      return OptkitConfig.load(config);
    }
    Path discovered = (Files.isDirectory(root) ? root : root.toAbsolutePath().getParent()).resolve(OptkitConfig.FILE_NAME);
    return Files.isRegularFile(discovered) ? OptkitConfig.load(discovered) : OptkitConfig.defaults();
  }

  private int gate(Assessment assessment, Severity threshold) {
    if (maxFindings != null && assessment.findings().size() > maxFindings) {
      return ExitCodes.FINDINGS;
    }
    if (threshold != null) {
      for (Finding finding : assessment.findings()) {
        if (finding.severity().atLeast(threshold)) {
          return ExitCodes.FINDINGS;
        }
      }
    }
    return ExitCodes.OK;
  }
}
