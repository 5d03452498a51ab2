package dev.optkit.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.io.Json;
import dev.optkit.analyzers.Printable;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.indexes.IndexMigration;
import dev.optkit.rewriters.loops.LoopRewrite;
import dev.optkit.rewriters.plan.Diffs;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.rewriters.plan.NotCacheable;
import dev.optkit.rewriters.plan.Migrator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * migrate's report: the plan (what is cached, which loops are rewritten, what was refused and why,
 * each file's change with its diff) and what became of it. The terminal lines are printed as the
 * command goes; JSON, Markdown and HTML are written once it is done (docs/cli.md).
 */
public final class MigrationReport {
  /**
   * A refusal as the terminal prints it: the method, the reason and, last, the proof's id (what docs/rules.md's
   * refusal table and the JSON's {@code refused[]} key on; the JSON's {@code refusals} lines stay without it).
   */
  public static String refusedLine(Refusal refusal) {
    return "refused: " + Migrator.describe(refusal) + " [" + refusal.proof().id() + "]";
  }

  /** The formats migrate writes. */
  public static final Set<ReportFormat> FORMATS =
      EnumSet.of(ReportFormat.TERMINAL, ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.HTML);

  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String CYAN = "\u001b[36m";

  private MigrationReport() {}

  /** What became of the plan: {@code outcome} one of {@link Outcome}'s ids, {@code migration} the applied id or null. */
  public record Result(MigrationPlan plan, Outcome outcome, String migration, List<String> problems) {}

  /** How a migrate run that planned something ended. */
  public enum Outcome {
    DRY_RUN("dry-run", "Dry run: nothing written."),
    NOTHING("nothing-to-migrate", "Nothing to migrate."),
    APPLIED("applied", "Applied."),
    NONE_ACCEPTED("none-accepted", "Nothing accepted in the review: nothing written."),
    STRICT_FAILED("strict-failed", "--strict found problems: nothing written."),
    NOT_APPLIED("not-applied", "Not applied: see the error on standard error."),
    ROLLED_BACK("rolled-back", "Applied, then rolled back: --verify failed.");

    private final String id;
    private final String sentence;

    Outcome(String id, String sentence) {
      this.id = id;
      this.sentence = sentence;
    }

    public String id() {
      return id;
    }
  }

  public static String render(ReportFormat format, Result result) {
    return switch (format) {
      case JSON -> json(result);
      case MARKDOWN -> markdown(result);
      case HTML -> html(result);
      case TERMINAL, SARIF -> throw new IllegalArgumentException("migrate prints its terminal report as it goes");
    };
  }

  /**
   * The plan's lines as the terminal shows them, before the diffs: each one line, with what it holds
   * from the code (names, reasons, paths) escaped ({@link Printable}).
   */
  public static List<String> lines(MigrationPlan plan) {
    return rawLines(plan).stream().map(Printable::escape).toList();
  }

  private static List<String> rawLines(MigrationPlan plan) {
    List<String> lines = new ArrayList<>();
    // first, what the deployment looks like: the warnings below follow from it
    plan.deployment().forEach(fact -> lines.add("deployment: " + fact));
    for (CachingTarget target : plan.targets()) {
      lines.add("cache: " + method(target) + "() as " + cache(target) + evictions(target));
      target.warnings().forEach(warning -> lines.add("  warning: " + warning));
    }
    plan.loops().forEach(loop -> lines.add("loop: " + loop.method() + "(): " + loop.action() + " (" + where(loop) + ")"));
    plan.indexes().forEach(index -> lines.add("index: " + index.statement() + " (" + index.path() + ")"));
    plan.refusals().forEach(refusal -> lines.add(refusedLine(refusal)));
    plan.notCacheable().forEach(read -> lines.add("not cacheable: " + read.line() + " [" + read.reason().proof().id() + "]"));
    plan.notes().forEach(note -> lines.add("note: " + note));
    for (FileChange change : plan.changes()) {
      lines.add((change.created() ? "create: " : "change: ") + change.path() + "  " + String.join("; ", change.descriptions()));
    }
    return lines;
  }

  /**
   * A unified diff, its added lines green, removed ones red and hunk headers cyan when {@code color};
   * control and bidirectional characters of the code escaped in each line ({@link Printable}).
   */
  public static String diff(FileChange change, boolean color) {
    String diff = shownDiff(change);
    if (!color) {
      return diff;
    }
    StringBuilder out = new StringBuilder();
    for (String line : diff.split("\n", -1)) {
      String colour = line.startsWith("+++") || line.startsWith("---") ? null : line.startsWith("+") ? GREEN
          : line.startsWith("-") ? RED : line.startsWith("@@") ? CYAN : null;
      out.append(colour == null || line.isEmpty() ? line : colour + line + RESET).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /**
   * A change's unified diff as people are shown it: the path in its headers and each line escaped
   * ({@link Printable}), so a line break in a file name cannot start a line of its own.
   */
  public static String shownDiff(FileChange change) {
    return Printable.escapeLines(Diffs.unified(new FileChange(Printable.escape(change.path()), change.before(),
        change.after(), change.descriptions())));
  }

  static String json(Result result) {
    MigrationPlan plan = result.plan();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("outcome", result.outcome().id());
    root.put("migration", result.migration());
    root.put("deployment", plan.deployment());
    List<Map<String, Object>> caches = new ArrayList<>();
    for (CachingTarget target : plan.targets()) {
      Map<String, Object> cache = new LinkedHashMap<>();
      cache.put("method", method(target));
      cache.put("form", target.form().name().toLowerCase(java.util.Locale.ROOT));
      cache.put("cache", target.cacheName());
      cache.put("policy", target.policyName());
      if (!target.policyBasis().isEmpty()) {
        cache.put("policyBasis", target.policyBasis());
      }
      cache.put("ttlSeconds", target.policy().ttlSeconds());
      cache.put(target.weighed() ? "maximumWeight" : "maximumSize",
          target.weighed() ? target.policy().maximumWeight() : target.policy().maximumSize());
      cache.put("evictedBy", evictors(target));
      if (target.keepsNoNull()) {
        cache.put("nullAnswersKept", false); // its answer when a call fails
      }
      cache.put("warnings", target.warnings());
      caches.add(cache);
    }
    root.put("caches", caches);
    List<Map<String, Object>> loops = new ArrayList<>();
    for (LoopRewrite loop : plan.loops()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("method", loop.method());
      entry.put("action", loop.action());
      entry.put("path", loop.path().toString());
      entry.put("line", loop.finding().line());
      loops.add(entry);
    }
    root.put("loops", loops);
    List<Map<String, Object>> indexes = new ArrayList<>();
    for (IndexMigration.Written index : plan.indexes()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", index.hint().indexName());
      entry.put("table", index.hint().table().name());
      entry.put("columns", index.hint().columns());
      entry.put("statement", index.statement());
      entry.put("migration", index.path());
      entry.put("fingerprint", index.hint().finding().fingerprint());
      indexes.add(entry);
    }
    root.put("indexes", indexes);
    root.put("refusals", plan.refusals().stream().map(Migrator::describe).toList());
    // the same refusals with the id of the proof each did not pass (docs/rules.md, "What each refusal means")
    List<Map<String, Object>> refused = new ArrayList<>();
    for (Refusal refusal : plan.refusals()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      // a schema's finding (a foreign key) is of no method: null, its place in path and line
      entry.put("method", refusal.finding().enclosingMethod() == null ? null
          : refusal.finding().enclosingClass() + "." + refusal.finding().enclosingMethod());
      entry.put("path", refusal.finding().path());
      entry.put("line", refusal.finding().line());
      entry.put("fingerprint", refusal.finding().fingerprint());
      entry.put("id", refusal.proof().id());
      entry.put("stage", refusal.proof().stage().id());
      entry.put("reason", refusal.reason());
      putFacts(entry, refusal.facts());
      refused.add(entry);
    }
    root.put("refused", refused);
    root.put("notCacheable", plan.notCacheable().stream().map(NotCacheable::line).toList());
    List<Map<String, Object>> uncacheable = new ArrayList<>();
    for (NotCacheable read : plan.notCacheable()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("method", read.method());
      entry.put("path", read.path());
      entry.put("id", read.reason().proof().id());
      entry.put("stage", read.reason().proof().stage().id());
      entry.put("reason", read.reason().text());
      putFacts(entry, read.reason().facts());
      uncacheable.add(entry);
    }
    root.put("uncacheable", uncacheable);
    root.put("notes", plan.notes());
    List<Map<String, Object>> changes = new ArrayList<>();
    for (FileChange change : plan.changes()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", change.path());
      entry.put("created", change.created());
      entry.put("descriptions", change.descriptions());
      entry.put("diff", Diffs.unified(change));
      changes.add(entry);
    }
    root.put("changes", changes);
    root.put("problems", result.problems());
    try {
      return Json.prettyWriter(new ObjectMapper()).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the migration plan as JSON", e);
    }
  }

  static String markdown(Result result) {
    MigrationPlan plan = result.plan();
    StringBuilder out = new StringBuilder("# optkit migrate\n\n").append(headline(result)).append("\n\n");
    // every text from the code is a cell (MarkdownReport.cell) or a code span (MarkdownReport.code)
    section(out, "Deployment", cells(plan.deployment()));
    List<String> caches = new ArrayList<>();
    for (CachingTarget target : plan.targets()) {
      StringBuilder line = new StringBuilder(MarkdownReport.code(method(target) + "()") + " as "
          + MarkdownReport.cell(cache(target) + evictions(target)));
      target.warnings().forEach(warning -> line.append("\n  - warning: ").append(MarkdownReport.cell(warning)));
      caches.add(line.toString());
    }
    section(out, "Cached", caches);
    section(out, "Loops rewritten", plan.loops().stream()
        .map(loop -> MarkdownReport.code(loop.method() + "()") + ": " + MarkdownReport.cell(loop.action() + " ("
            + where(loop) + ")")).toList());
    section(out, "Indexes added", plan.indexes().stream()
        .map(index -> MarkdownReport.code(index.statement()) + " in " + MarkdownReport.code(index.path())).toList());
    section(out, "Problems (--strict)", cells(result.problems()));
    section(out, "Refused", cells(plan.refusals().stream().map(Migrator::describe).toList()));
    section(out, "Not cacheable", cells(plan.notCacheable().stream().map(NotCacheable::line).toList()));
    section(out, "Notes", cells(plan.notes()));
    if (!plan.changes().isEmpty()) {
      out.append("## Changes\n\n| File | Change |\n|---|---|\n");
      StringBuilder diffs = new StringBuilder();
      for (FileChange change : plan.changes()) {
        out.append("| ").append(MarkdownReport.code(change.path())).append(change.created() ? " (new)" : "").append(" | ")
            .append(MarkdownReport.cell(String.join("; ", change.descriptions()))).append(" |\n");
        diffs.append(shownDiff(change));
      }
      String fence = MarkdownReport.fenceFor(diffs);
      out.append("\n<details><summary>Diff</summary>\n\n").append(fence).append("diff\n").append(diffs).append(fence)
          .append("\n\n</details>\n");
    }
    return out.toString();
  }

  /**
   * The HTML page, built like assess's ({@link HtmlStyle}): the outcome and summary cards, then a table per kind —
   * what is made (caches, loops; {@code #made}), what is refused ({@code #refused}, with the rule of the finding and
   * the reason), what is not cacheable, the deployment and notes — then each file's change and its diff
   * ({@code #changes}). Well-formed as XML too (void elements closed), so tests read it with the JDK's parser.
   */
  static String html(Result result) {
    MigrationPlan plan = result.plan();
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>optkit migrate</title>\n<style>\n").append(HtmlStyle.BASE)
        .append("col.kind{width:6rem}col.rule{width:13rem}col.method{width:24%}col.where{width:26%}\n")
        .append(".add{color:#116329}.del{color:#82071e}details{margin:.6rem 0}summary{cursor:pointer}\n")
        .append("</style>\n</head>\n<body>\n<h1>optkit migrate</h1>\n<p class=\"muted\" id=\"outcome\" data-outcome=\"")
        .append(result.outcome().id()).append("\">").append(HtmlReport.escape(headline(result).replace("**", "")))
        .append("</p>\n<div class=\"cards\" id=\"summary\">")
        .append(card("methods cached", plan.targets().size())).append(card("loops rewritten", plan.loops().size()))
        .append(card("files changed", plan.changes().size())).append(card("refused", plan.refusals().size()))
        .append(card("not cacheable", plan.notCacheable().size()))
        .append(plan.indexes().isEmpty() ? "" : card("indexes added", plan.indexes().size())).append("</div>\n");
    htmlList(out, "problems", "Problems (--strict)", result.problems());
    htmlList(out, "deployment", "Deployment", plan.deployment());
    if (!plan.targets().isEmpty() || !plan.loops().isEmpty() || !plan.indexes().isEmpty()) {
      out.append("<section id=\"made\">\n<h2>Made</h2>\n<table>\n<colgroup><col class=\"kind\"/><col class=\"method\"/>")
          .append("<col/><col class=\"where\"/></colgroup>\n")
          .append("<thead><tr><th>Kind</th><th>Method</th><th>What</th><th>Where</th></tr></thead>\n<tbody>\n");
      for (CachingTarget target : plan.targets()) {
        StringBuilder what = new StringBuilder(HtmlReport.escape(cache(target) + evictions(target)));
        target.warnings().forEach(warning -> what.append("<br/><span class=\"sev medium\">warning</span> ")
            .append(HtmlReport.escape(warning)));
        out.append("<tr class=\"cache\"><td>cache</td><td><code>").append(HtmlReport.escape(method(target) + "()"))
            .append("</code></td><td>").append(what).append("</td><td><code>")
            .append(HtmlStyle.path(target.finding().path() + ":" + target.finding().line())).append("</code></td></tr>\n");
      }
      for (LoopRewrite loop : plan.loops()) {
        out.append("<tr class=\"loop\"><td>loop</td><td><code>").append(HtmlReport.escape(loop.method() + "()"))
            .append("</code></td><td>").append(HtmlReport.escape(loop.action())).append("</td><td><code>")
            .append(HtmlStyle.path(where(loop))).append("</code></td></tr>\n");
      }
      for (IndexMigration.Written index : plan.indexes()) {
        out.append("<tr class=\"index\"><td>index</td><td><code>").append(HtmlReport.escape(index.hint().table().name()))
            .append("</code></td><td><code>").append(HtmlReport.escape(index.statement())).append("</code></td><td><code>")
            .append(HtmlStyle.path(index.path())).append("</code></td></tr>\n");
      }
      out.append("</tbody>\n</table>\n</section>\n");
    }
    if (!plan.refusals().isEmpty()) {
      out.append("<section id=\"refused\">\n<h2>Refused</h2>\n<table>\n<colgroup><col class=\"rule\"/>")
          .append("<col class=\"method\"/><col/><col class=\"where\"/></colgroup>\n")
          .append("<thead><tr><th>Rule</th><th>Method</th><th>Why not</th><th>Where</th></tr></thead>\n<tbody>\n");
      for (Refusal refusal : plan.refusals()) {
        var finding = refusal.finding();
        out.append("<tr data-rule=\"").append(HtmlReport.escape(finding.ruleId())).append("\" data-refusal=\"")
            .append(refusal.proof().id()).append("\"><td>")
            .append(HtmlReport.escape(finding.ruleId())).append("</td><td><code>")
            .append(HtmlReport.escape(Formatting.simpleName(finding.enclosingClass()) + "." + finding.enclosingMethod()))
            .append("</code></td><td>").append(HtmlReport.escape(refusal.reason())).append("</td><td><code>")
            .append(HtmlStyle.path(Formatting.where(finding))).append("</code></td></tr>\n");
      }
      out.append("</tbody>\n</table>\n</section>\n");
    }
    htmlList(out, "not-cacheable", "Not cacheable", plan.notCacheable().stream().map(NotCacheable::line).toList());
    htmlList(out, "notes", "Notes", plan.notes());
    if (!plan.changes().isEmpty()) {
      out.append("<section id=\"changes\">\n<h2>Changes</h2>\n<table>\n<colgroup><col class=\"where\"/><col/></colgroup>\n")
          .append("<thead><tr><th>File</th><th>Change</th></tr></thead>\n<tbody>\n");
      for (FileChange change : plan.changes()) {
        out.append("<tr><td><code>").append(HtmlStyle.path(change.path())).append("</code>")
            .append(change.created() ? " <span class=\"sev info\">new</span>" : "").append("</td><td>")
            .append(HtmlReport.escape(String.join("; ", change.descriptions()))).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
      for (FileChange change : plan.changes()) {
        out.append("<details class=\"diff\"><summary><code>").append(HtmlStyle.path(change.path()))
            .append("</code></summary>\n<pre>");
        for (String line : shownDiff(change).split("\n")) {
          String css = line.startsWith("+") && !line.startsWith("+++") ? "add"
              : line.startsWith("-") && !line.startsWith("---") ? "del" : null;
          out.append(css == null ? "" : "<span class=\"" + css + "\">").append(HtmlReport.escape(line))
              .append(css == null ? "" : "</span>").append('\n');
        }
        out.append("</pre>\n</details>\n");
      }
      out.append("</section>\n");
    }
    return out.append("</body>\n</html>\n").toString();
  }

  private static String card(String label, int value) {
    return "<div class=\"card\"><b>" + value + "</b><span class=\"muted\">" + label + "</span></div>";
  }

  /** A section of plain items (reasons, notes): a list, as they have no columns of their own. */
  private static void htmlList(StringBuilder out, String id, String title, List<String> items) {
    if (!items.isEmpty()) {
      out.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n<ul>\n");
      items.forEach(item -> out.append("<li>").append(HtmlReport.escape(item)).append("</li>\n"));
      out.append("</ul>\n</section>\n");
    }
  }

  private static String headline(Result result) {
    MigrationPlan plan = result.plan();
    String counts = plan.changes().size() + (plan.changes().size() == 1 ? " file, " : " files, ") + plan.targets().size()
        + (plan.targets().size() == 1 ? " method" : " methods") + " cached, " + plan.loops().size()
        + (plan.loops().size() == 1 ? " loop" : " loops") + " rewritten"
        + (plan.indexes().isEmpty() ? "" : ", " + plan.indexes().size()
            + (plan.indexes().size() == 1 ? " index" : " indexes") + " added");
    return "**" + result.outcome().sentence + "**" + (result.migration() == null ? "" : " Migration `"
        + result.migration() + "`.") + " " + counts + ".";
  }

  private static void section(StringBuilder out, String title, List<String> items) {
    if (!items.isEmpty()) {
      out.append("## ").append(title).append("\n\n");
      items.forEach(item -> out.append("- ").append(item).append('\n'));
      out.append('\n');
    }
  }

  private static List<String> cells(List<String> items) {
    return items.stream().map(MarkdownReport::cell).toList();
  }

  private static String method(CachingTarget target) {
    return target.method().fact().displayName();
  }

  private static String cache(CachingTarget target) {
    return target.form().name().toLowerCase(java.util.Locale.ROOT) + " cache '" + target.cacheName() + "' ("
        + target.policyName() + ": " + target.policy().ttlSeconds() + " s, max "
        + (target.weighed() ? target.policy().maximumWeight() + " elements" : target.policy().maximumSize())
        + (target.policyBasis().isEmpty() ? "" : "; " + target.policyBasis())
        + (target.keepsNoNull() ? "; null answers not kept: it answers null when a call fails" : "") + ")";
  }

  private static List<String> evictors(CachingTarget target) {
    return target.evictions().stream().map(e -> e.writer().fact().displayName() + "()").distinct().toList();
  }

  private static String evictions(CachingTarget target) {
    return target.evictions().isEmpty() ? "" : ", evicted by " + String.join(", ", evictors(target));
  }

  private static String where(LoopRewrite loop) {
    return loop.path() + ":" + loop.finding().line();
  }

  /** The facts a refusal rests on (the callers, writers or outer cache its proof read), where its proof names them. */
  private static void putFacts(Map<String, Object> entry, List<dev.optkit.analyzers.proof.Evidence> facts) {
    if (facts.isEmpty()) {
      return;
    }
    List<Map<String, Object>> written = new ArrayList<>();
    for (dev.optkit.analyzers.proof.Evidence fact : facts) {
      Map<String, Object> each = new LinkedHashMap<>();
      each.put("role", fact.role().id());
      each.put("type", fact.type());
      each.put("method", fact.method());
      each.put("path", fact.path());
      each.put("line", fact.line());
      written.add(each);
    }
    entry.put("facts", written);
  }
}
