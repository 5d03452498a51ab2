package dev.optkit.cli.report;

import dev.optkit.validation.report.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where validate's report goes, in which format: {@code --format} and {@code --output} paired as
 * assess pairs them ({@link ReportFormat}; SARIF, which describes findings in code, excepted), then
 * the older {@code --json FILE} and {@code --markdown FILE}, each one more report besides the others.
 */
public final class ValidationOutputs {
  private ValidationOutputs() {}

  /** One report to write; {@code file} null for standard output. */
  public record Target(ReportFormat format, Path file) {}

  /**
   * @throws IllegalArgumentException for a format validate does not write, or outputs that do not
   *     pair with the formats (a usage error)
   */
  public static List<Target> plan(List<String> formats, List<Path> outputs, Path json, Path markdown) {
    List<ReportFormat> parsed = new ArrayList<>();
    for (String text : formats.isEmpty() ? List.of("terminal") : formats) {
      ReportFormat format = ReportFormat.parse(text);
      if (format == ReportFormat.SARIF) {
        throw new IllegalArgumentException("validate writes terminal, json, markdown or html, not sarif");
      }
      parsed.add(format);
    }
    if (outputs.size() > parsed.size() || parsed.size() > 1 && outputs.size() != parsed.size()) {
      throw new IllegalArgumentException("give one --output per --format (" + parsed.size() + " formats, "
          + outputs.size() + " outputs)");
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      Path file = i < outputs.size() && !outputs.get(i).toString().equals("-") ? outputs.get(i) : null;
      targets.add(new Target(parsed.get(i), file));
    }
    if (json != null) {
      targets.add(new Target(ReportFormat.JSON, json));
    }
    if (markdown != null) {
      targets.add(new Target(ReportFormat.MARKDOWN, markdown));
    }
    return targets;
  }

  public static String render(ReportFormat format, ValidationReport report) {
    return switch (format) {
      case TERMINAL -> ValidationText.terminal(report);
      case JSON -> new String(report.toJson(), StandardCharsets.UTF_8);
      case MARKDOWN -> ValidationText.markdown(report);
      case HTML -> ValidationHtml.render(report);
      case SARIF -> throw new IllegalArgumentException("validate writes no SARIF");
    };
  }
}
