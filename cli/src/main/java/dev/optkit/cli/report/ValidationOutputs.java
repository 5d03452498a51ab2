package dev.optkit.cli.report;

import dev.optkit.validation.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/**
 * validate's report in each format it writes: the report options pair formats and outputs as for
 * every command; SARIF, which describes findings in code, is not one of validate's.
 */
public final class ValidationOutputs {
  /** The formats validate writes. */
  public static final Set<ReportFormat> FORMATS =
      EnumSet.of(ReportFormat.TERMINAL, ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.HTML);

  private ValidationOutputs() {}

  /** The report in {@code format}; {@code color} colours the terminal verdicts. */
  public static String render(ReportFormat format, ValidationReport report, boolean color) {
    return switch (format) {
      case TERMINAL -> ValidationText.terminal(report, color);
      case JSON -> new String(report.toJson(), StandardCharsets.UTF_8);
      case MARKDOWN -> ValidationText.markdown(report);
      case HTML -> ValidationHtml.render(report);
      case SARIF -> throw new IllegalArgumentException("validate writes no SARIF");
    };
  }
}
