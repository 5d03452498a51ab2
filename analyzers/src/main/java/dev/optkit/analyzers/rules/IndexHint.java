package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.util.List;

/**
 * An index a database hint suggests, with what a planner needs to check it: the finding that reports it, the table as
 * the schema declares it, the index's columns in order ({@link SchemaIndexes#column as they compare}), and what the
 * index would serve.
 */
public record IndexHint(Finding finding, SchemaIndexes.Table table, List<String> columns, List<Probe> probes) {
  public IndexHint {
    columns = List.copyOf(columns);
    probes = List.copyOf(probes);
  }

  /**
   * Whether the report's finding is this hint's: the same rule, place and details (the report's finding has its
   * fingerprint, its severity as configured and its savings, which the rule's own finding has not yet).
   */
  public boolean reportedAs(Finding reported) {
    return sameFinding(finding, reported);
  }

  /** Whether the report's finding is the rule's: the same rule, place and details. */
  static boolean sameFinding(Finding rules, Finding reported) {
    return reported.ruleId().equals(rules.ruleId()) && reported.path().equals(rules.path())
        && reported.line() == rules.line() && reported.column() == rules.column()
        && reported.details().equals(rules.details());
  }

  /** The index's name, as the finding's statement gives it. */
  public String indexName() {
    return IndexStatements.indexName(table.name(), columns);
  }

  /** The statement adding the index ({@code CONCURRENTLY} on PostgreSQL), as the finding gives it. */
  public String statement(boolean postgresql) {
    return IndexStatements.create(table, columns, postgresql);
  }

  /**
   * The statement a migration runs on PostgreSQL: {@code CREATE INDEX CONCURRENTLY IF NOT EXISTS}, outside a
   * transaction, so a run that stopped after some of its indexes can run again.
   */
  public String migrationStatement() {
    return IndexStatements.create(table, columns, true, true);
  }

  /** What the index would serve, for a planner to plan with and without it. */
  public sealed interface Probe permits Query, ForeignKeyCheck {}

  /**
   * A query of the code the index would serve.
   *
   * @param path the file running it, as findings name files
   * @param sql the statement as the code runs it (MyBatis's {@code #{}} included)
   */
  public record Query(String path, int line, String sql) implements Probe {}

  /**
   * The lookup PostgreSQL makes in the referencing table for each referenced row deleted or whose key changes: the
   * rows whose foreign key columns equal the referenced key.
   */
  public record ForeignKeyCheck(List<String> columns) implements Probe {
    public ForeignKeyCheck {
      columns = List.copyOf(columns);
    }
  }

  /** Every index hint of the project, as the rules report them ({@link MissingIndexRule}, {@link UnindexedForeignKeyRule}). */
  public static List<IndexHint> of(dev.optkit.analyzers.index.ProjectIndex index) {
    return java.util.stream.Stream.concat(new MissingIndexRule().hints(index).stream(),
        new UnindexedForeignKeyRule().hints(index).stream()).toList();
  }
}
