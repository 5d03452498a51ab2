package dev.optkit.cli.report;

/**
 * The look every HTML page of optkit shares (assess's {@link HtmlReport}, migrate's {@link MigrationReport}, validate's
 * {@link ValidationHtml}): type, summary cards, tables that fit the window (fixed layout, long paths broken at their
 * folders), code. Each page adds what is its own.
 */
final class HtmlStyle {
  private HtmlStyle() {}

  static final String BASE = ""
      + "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem;color:#1f2328;max-width:1320px}\n"
      + "h1{margin-bottom:.2rem}.muted{color:#59636e}\n"
      + ".cards{display:flex;gap:1rem;margin:1.2rem 0;flex-wrap:wrap}"
      + ".card{border:1px solid #d1d9e0;border-radius:8px;padding:.8rem 1.2rem;min-width:10rem}\n"
      + ".card b{display:block;font-size:1.6rem}\n"
      + "table{border-collapse:collapse;width:100%;margin-top:1rem;table-layout:fixed}"
      + "th,td{border-bottom:1px solid #d1d9e0;padding:.45rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}\n"
      + "th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
      + "code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}\n"
      + "pre{background:#f6f8fa;padding:.4rem;margin:.3rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}\n"
      + ".sev{font-weight:600;padding:.1rem .4rem;border-radius:4px;font-size:.8rem}\n"
      + ".high,.fail{background:#ffebe9;color:#a40e26}.medium{background:#fff8c5;color:#7d4e00}"
      + ".low,.info{background:#eef1f4;color:#424a53}.pass{background:#dafbe1;color:#116329}\n";

  /**
   * A path from the project, escaped ({@link HtmlReport#escape}), with a break opportunity after each folder: a
   * module's path wraps at its slashes, not at any letter.
   */
  static String path(String path) {
    return HtmlReport.escape(path).replace("/", "/<wbr/>");
  }
}
