package dev.optkit.cli.report;

import dev.optkit.analyzers.Assessment;
import java.util.Locale;

/** The output formats of assess, each with its writer. */
public enum ReportFormat {
  TERMINAL,
  JSON,
  SARIF,
  MARKDOWN,
  HTML;

  public String render(Assessment assessment, boolean color, int top) {
    return switch (this) {
      case TERMINAL -> new TerminalReport(color, top).render(assessment);
      case JSON -> JsonReport.render(assessment);
      case SARIF -> SarifReport.render(assessment);
      case MARKDOWN -> MarkdownReport.render(assessment);
      case HTML -> HtmlReport.render(assessment);
    };
  }

  public static ReportFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + text + "' (expected terminal, json, sarif, markdown or html)");
    }
  }
}
