package dev.optkit.cli;

import dev.optkit.cli.report.MigrationReport;
import dev.optkit.cli.report.ReportFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;

/**
 * Where migrate's report goes. Its terminal report is printed as the command goes (a long --verify
 * shows what it verifies first), to stdout when asked for there, and copied for a terminal report
 * to a file; JSON, Markdown and HTML describe the plan and what became of it once the command is
 * done, so that stdout holds nothing else when one of them goes there.
 */
final class MigrateOutputs {
  private final List<ReportOptions.Target> targets;
  private final PrintWriter out;
  private final PrintWriter err;
  private final StringWriter copy = new StringWriter();
  private final PrintWriter text;
  private final boolean colors;

  private MigrateOutputs(List<ReportOptions.Target> targets, boolean colors, PrintWriter out, PrintWriter err) {
    this.targets = targets;
    this.out = out;
    this.err = err;
    this.colors = colors;
    boolean onStdout = targets.stream().anyMatch(ReportOptions.Target::terminalOnStdout);
    this.text = new PrintWriter(new Writer() {
      @Override
      public void write(char[] chars, int offset, int length) {
        if (onStdout) {
          out.write(chars, offset, length);
        }
        copy.write(chars, offset, length);
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {}
    });
  }

  /** @throws IllegalArgumentException a format migrate does not write, or outputs that do not pair */
  static MigrateOutputs of(ReportOptions options, PrintWriter out, PrintWriter err) {
    List<ReportOptions.Target> targets = options.targets("migrate", MigrationReport.FORMATS);
    boolean colors = targets.stream().filter(t -> t.format() == ReportFormat.TERMINAL).findFirst()
        .map(options::colors).orElse(false);
    return new MigrateOutputs(targets, colors, out, err);
  }

  /** Only the terminal report, on stdout: what --undo and --repair print. */
  boolean terminalOnly() {
    return targets.stream().allMatch(ReportOptions.Target::terminalOnStdout);
  }

  /** The terminal report, as it is printed. */
  PrintWriter text() {
    return text;
  }

  boolean colors() {
    return colors;
  }

  /**
   * Writes every report but the terminal one on stdout (printed already).
   *
   * @return {@code exitCode}, or a usage error when a report could not be written (named on stderr)
   */
  int finish(MigrationReport.Result result, int exitCode) {
    text.flush();
    for (ReportOptions.Target target : targets) {
      if (target.terminalOnStdout()) {
        continue;
      }
      String report = target.format() == ReportFormat.TERMINAL ? copy.toString()
          : MigrationReport.render(target.format(), result);
      if (!ReportOptions.write("migrate", target, report, out, err)) {
        return exitCode == ExitCodes.OK ? ExitCodes.USAGE : exitCode;
      }
    }
    return exitCode;
  }
}
