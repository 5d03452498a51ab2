package dev.optkit.cli.report;

import dev.optkit.analyzers.Assessment;
import java.util.Locale;

/** The report formats every command takes (docs/cli.md), each with assess's writer. */
public enum ReportFormat {
  TERMINAL,
  JSON,
  SARIF,
  MARKDOWN,
  HTML;

  public String render(Assessment assessment, boolean color, int top) {
    return render(assessment, color, top, null);
  }

  /** @param sarifCategory the SARIF run's category (GitHub code scanning's), or null for none */
  public String render(Assessment assessment, boolean color, int top, String sarifCategory) {
    return switch (this) {
      case TERMINAL -> new TerminalReport(color, top).render(assessment);
      case JSON -> JsonReport.render(assessment);
      case SARIF -> SarifReport.render(assessment, sarifCategory);
      case MARKDOWN -> MarkdownReport.render(assessment);
      case HTML -> HtmlReport.render(assessment);
    };
  }

  /** The name the command line takes: {@code json}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A format by its id; {@code text}, rules' name for its terminal format before every command took these, too. */
  public static ReportFormat parse(String text) {
    if (text.trim().equalsIgnoreCase("text")) {
      return TERMINAL;
    }
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + text + "' (expected terminal, json, sarif, markdown or html)");
    }
  }
}
