package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import java.util.List;

@RuleInfo(
    id = "DatabaseQuery",
    title = "Database query",
    category = Category.DB_QUERY,
    severity = Severity.LOW,
    summary = "A database query: JDBC, Spring JdbcTemplate/JdbcClient, JPA, Hibernate, Spring Data, jOOQ or MyBatis.",
    description = "Every query is a round trip to the database. Queries are classified as reads or writes from "
        + "their SQL (when it is a literal or constant) or from the API method; repeated reads of slowly changing "
        + "data are cache candidates, and queries issued once per loop iteration are N+1 patterns. A project "
        + "method that hands its String parameter to a database client as the SQL, directly or through further "
        + "such methods, is a query wrapper: each call of it with SQL text (a literal, constants, a local holding "
        + "them) is the query, reported and classified at that call, no more confident than the wrapper's own "
        + "client call. An interface the project implements by delegation to them, whose methods carry their SQL "
        + "in an annotation, is queried by each call of such a method. A read the project caches already (in a cached "
        + "method or one only such methods call) is listed, not priced.",
    remediation = "Cache repeated reads of slowly changing data; batch queries issued in loops "
        + "(WHERE id IN (...), findAllById, batchUpdate).")
public final class DatabaseQueryRule extends IoSiteRule {
  public DatabaseQueryRule() {
    super(ClientKind.DB);
  }

  @Override
  Finding describe(IndexedMethod method, IoSite site, boolean inLoop) {
    String access = site.access() == Access.UNKNOWN ? "query" : site.access() == Access.READ ? "read query" : "write query";
    String sql = site.sql() == null ? "" : ": " + abbreviate(site.sql());
    return FindingDraft.in(info(), method, site.range(), site.snippet())
        .confidence(site.confidence())
        .severity(site.access() == Access.WRITE ? Severity.INFO : inLoop ? Severity.MEDIUM : info().severity())
        .message("Database " + access + " via " + via(site) + " in " + method.fact().displayName() + sql
            + (inLoop ? " (once per loop iteration)" : ""))
        .detail("client", site.clientId())
        .detail("provider", site.provider())
        .detail("receiverType", site.receiverType())
        .detail("sql", site.sql())
        .detail("access", site.access().id())
        .detail("inLoop", inLoop)
        .detail("basis", site.basis())
        .fix(false, "fixed by caching the enclosing method (rule CacheableReadMethod) or batching the loop around it")
        .refused(java.util.Optional.of(CacheableReadMethodRule.WRITE_SITE).filter(write -> site.access() == Access.WRITE))
        .basis(site.access() == Access.WRITE ? Finding.SavingsBasis.NONE
            : new Finding.SavingsBasis(Finding.Remedy.CACHE, List.of(site)))
        .build();
  }

  /**
   * The statement as a message shows it: on one line, each run of white space (a MyBatis mapper's line breaks and
   * indentation) one space, the first 100 characters. The finding's {@code sql} detail keeps it as written.
   */
  static String abbreviate(String sql) {
    StringBuilder line = new StringBuilder(Math.min(sql.length(), 101));
    boolean space = false;
    for (int i = 0; i < sql.length() && line.length() <= 100; i++) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        space = line.length() > 0;
      } else {
        if (space) {
          line.append(' ');
          space = false;
        }
        line.append(c);
      }
    }
    return line.length() <= 100 ? line.toString() : line.substring(0, 97) + "...";
  }
}
