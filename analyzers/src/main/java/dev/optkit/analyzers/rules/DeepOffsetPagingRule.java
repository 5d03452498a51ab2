package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.sites.ResultBounds;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.source.SourceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RuleInfo(
    id = "DeepOffsetPaging",
    title = "Query pages by OFFSET through a table the application keeps adding to",
    category = Category.DB_HINT,
    severity = Severity.LOW,
    summary = "A request handler reaches a query that skips rows by OFFSET, a page the request chooses, in a table "
        + "the application inserts into: for page n the database reads and throws away n pages of rows first, and "
        + "deep pages get slower as the table grows.",
    description = "From the SQL the code runs (JDBC, JdbcTemplate, MyBatis, native queries): one SELECT whose OFFSET "
        + "(or MySQL's LIMIT offset, count) is a parameter, or a literal of 1,000 rows or more. Growth and reach as "
        + "for UnboundedRead: a table the production code inserts into among those the query reads, and a request "
        + "handler (a web mapping, a message listener) calling the query's method through the project's methods. "
        + "Paging done by a library at run time (Spring Data's Pageable, MyBatis PageHelper) is not read yet.",
    remediation = "Page by a key: WHERE (the sort columns) > (the last row's values) ORDER BY them LIMIT n, with an "
        + "index on the sort columns, and the last row's key as the next page's token; or cap how deep a page may be.")
public final class DeepOffsetPagingRule implements Rule {
  /** An offset from which a literal is deep: a thousand rows read and dropped for each page. */
  static final long DEEP = 1_000;

  private static final Reason NOT_WRITTEN = new Reason(Proof.OFFSET_PAGING,
      "migrate does not change how a query pages: page by a key in the code and its callers");

  @Override
  public List<Finding> check(RuleContext context) {
    ProjectIndex index = context.index();
    List<Finding> findings = new ArrayList<>();
    Map<String, String> inserted = null;
    for (IndexedMethod method : index.methods()) {
      if (SourceSet.isTestPath(method.path())) {
        continue;
      }
      for (IoSite site : index.sitesOf(method)) {
        if (site.kind() != ClientKind.DB || site.access() != Access.READ) {
          continue;
        }
        Optional<ResultBounds.Offset> offset = index.sqlAsRun().of(site).flatMap(ResultBounds::offset);
        if (offset.isEmpty() || !offset.get().parameter() && offset.get().rows() < DEEP) {
          continue;
        }
        if (inserted == null) {
          inserted = GrowingTables.inserted(index);
        }
        Optional<GrowingTables.RequestedGrowth> growth = GrowingTables.requested(index, method, site, inserted);
        if (growth.isEmpty()) {
          continue;
        }
        String table = growth.get().table();
        findings.add(FindingDraft.in(info(), method, site.range(), site.snippet())
            .message("This query pages " + table + " by OFFSET (" + (offset.get().parameter() ? "a parameter"
                : offset.get().rows() + " rows") + "): for each page the database reads and drops every row before "
                + "it, and the application adds rows to " + table + " (" + growth.get().insertedAt() + "), for each "
                + "request to " + growth.get().handler().fact().displayName() + "()")
            .confidence(Confidence.MEDIUM)
            .detail("table", table)
            .detail("offset", offset.get().parameter() ? "parameter" : Long.toString(offset.get().rows()))
            .detail("insertedAt", growth.get().insertedAt())
            .detail("handler", growth.get().handler().fact().displayName())
            .refused(NOT_WRITTEN)
            .build());
      }
    }
    return findings;
  }
}
