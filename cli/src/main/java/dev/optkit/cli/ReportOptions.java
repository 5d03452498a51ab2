package dev.optkit.cli;

import dev.optkit.analyzers.io.AtomicFile;
import dev.optkit.cli.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The report options every command takes, as one picocli mixin ({@code @Mixin(name = "report")}):
 * {@code --format} (repeatable) paired with {@code --output}, {@code --color} and {@code --progress}.
 * What each format holds for each command is in docs/cli.md.
 */
public final class ReportOptions {
  private static final List<String> WHEN = List.of("auto", "always", "never");

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "Report format: terminal (default), json, markdown (a pull-request comment), html (a "
          + "self-contained page), or sarif (assess only). Repeat with --output for several reports in one run; "
          + "what each holds for this command: docs/cli.md.")
  List<String> formats = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the report to FILE ('-' for stdout); the n-th --output goes with the n-th --format.")
  List<Path> outputs = new ArrayList<>();

  @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
      description = "Colour the terminal report: auto (stdout is a terminal and NO_COLOR is unset), always or never.")
  String color = "auto";

  @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
      description = "Show progress on stderr during long work: auto (a bar on a terminal outside CI, else a line per "
          + "phase with its time), always (the bar) or never.")
  String progress = "auto";

  /** One report to write; {@code file} null for standard output. */
  public record Target(ReportFormat format, Path file) {
    boolean terminalOnStdout() {
      return format == ReportFormat.TERMINAL && file == null;
    }
  }

  /**
   * Where the reports go, checked before any work: formats the command writes, one output per format.
   *
   * @throws IllegalArgumentException a usage error, saying what to give instead
   */
  List<Target> targets(String command, Set<ReportFormat> writes) {
    checkWhen("--color", color);
    checkWhen("--progress", progress);
    List<ReportFormat> parsed = new ArrayList<>();
    for (String text : formats.isEmpty() ? List.of("terminal") : formats) {
      ReportFormat format = ReportFormat.parse(text);
      if (!writes.contains(format)) {
        throw new IllegalArgumentException(command + " writes " + names(writes) + ", not " + format.id());
      }
      parsed.add(format);
    }
    // the terminal report, and it alone, may go without an --output: to stdout, the others to theirs in order
    // (--format terminal --format html --output report.html)
    List<Path> paired = new ArrayList<>(outputs);
    // (not when another output is stdout already: which format goes where would be a guess)
    if (parsed.size() > 1 && paired.size() == parsed.size() - 1
        && parsed.stream().filter(f -> f == ReportFormat.TERMINAL).count() == 1
        && paired.stream().noneMatch(p -> p.toString().equals("-"))) {
      paired.add(parsed.indexOf(ReportFormat.TERMINAL), Path.of("-"));
    }
    if (paired.size() > parsed.size() || parsed.size() > 1 && paired.size() != parsed.size()) {
      throw new IllegalArgumentException("give one --output per --format, but the terminal report's ("
          + parsed.size() + " formats, " + outputs.size() + " outputs)");
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      Path file = i < paired.size() && !paired.get(i).toString().equals("-") ? paired.get(i) : null;
      if (file != null) {
        checkFolder("--output", file);
      }
      targets.add(new Target(parsed.get(i), file));
    }
    return targets;
  }

  /**
   * A file the user names for optkit to write must be in a folder that exists: optkit makes no
   * folders on the way (a mistyped {@code -o} is an error, not a new tree somewhere on the machine).
   *
   * @throws IllegalArgumentException a usage error naming the option, the file and the missing folder
   */
  static void checkFolder(String option, Path file) {
    Path folder = file.toAbsolutePath().normalize().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      throw new IllegalArgumentException(option + " " + file + ": no folder " + folder
          + " (create it first, or write the file to a folder that exists)");
    }
  }

  /** Colours for this target: asked for, or a terminal report on an interactive stdout without NO_COLOR. */
  boolean colors(Target target) {
    return switch (color) {
      case "always" -> true;
      case "never" -> false;
      default -> target.terminalOnStdout() && Terminal.colorsOnStdout();
    };
  }

  /** Whether long work shows its progress on stderr. */
  boolean progress() {
    return switch (progress) {
      case "always" -> true;
      case "never" -> false;
      default -> Terminal.progressOnStderr();
    };
  }

  /**
   * What a scan of {@code command} shows on its stderr: the bar on a terminal or with {@code --progress always}; a line
   * per phase with its time when stderr is piped or in CI ({@code auto}); nothing with {@code never}.
   */
  ScanProgress scanProgress(String command, PrintWriter err) {
    if (progress.equals("never")) {
      return ScanProgress.NONE;
    }
    return progress() ? ProgressBar.ticking(err) : new PhaseLines(command, err, System::nanoTime);
  }

  /**
   * Writes one report: to stdout, or atomically to its file.
   *
   * @return false when the file could not be written (named on stderr, with what to do)
   */
  static boolean write(String command, Target target, String text, PrintWriter out, PrintWriter err) {
    if (target.file() == null) {
      out.print(text);
      out.flush();
      return true;
    }
    try {
      AtomicFile.write(target.file(), text.getBytes(StandardCharsets.UTF_8));
      return true;
    } catch (IOException e) {
      err.println("optkit " + command + ": cannot write " + target.file() + ": " + e.getMessage()
          + " (give an --output in a folder you can write to)");
      return false;
    }
  }

  private static void checkWhen(String option, String value) {
    if (!WHEN.contains(value)) {
      throw new IllegalArgumentException("unknown " + option + " '" + value + "' (expected auto, always or never)");
    }
  }

  private static String names(Set<ReportFormat> formats) {
    List<String> ids = formats.stream().sorted().map(ReportFormat::id).collect(Collectors.toList());
    return ids.size() == 1 ? ids.get(0)
        : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
  }
}
