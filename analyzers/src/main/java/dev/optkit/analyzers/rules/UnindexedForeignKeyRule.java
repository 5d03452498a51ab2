package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.schema.SchemaIndexes;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
    id = "UnindexedForeignKey",
    title = "Foreign key without an index on PostgreSQL",
    category = Category.DB_HINT,
    severity = Severity.LOW,
    summary = "A foreign key of the schema whose columns no index starts with, on a project that runs on PostgreSQL: "
        + "deleting or changing a referenced row scans the whole referencing table, and joins from the referenced "
        + "table find its rows no faster.",
    description = "From the project's SQL scripts (schema files, Flyway migrations): each foreign key (a column's "
        + "REFERENCES, a table's FOREIGN KEY, ALTER TABLE ... ADD FOREIGN KEY) and each index. A foreign key is served "
        + "by an index whose first columns are its columns. PostgreSQL does not index the referencing side by itself; "
        + "MySQL and H2 do, so the hint is given only when the project's configuration names PostgreSQL (a JDBC URL, "
        + "its driver or dialect in the properties, YAML or compose files of production code) and never MySQL or "
        + "MariaDB; without that, nothing is said. A key whose index a MissingIndex hint would add (its columns first) "
        + "is named by that hint, not here: one index, one finding. Tables with a statement about their indexes the SQL "
        + "parser cannot read are left out.",
    remediation = "Add the index in a new migration (CREATE INDEX CONCURRENTLY, which does not lock writes), unless "
        + "the referenced rows are never deleted nor their keys changed and no query joins through the key.")
public final class UnindexedForeignKeyRule implements Rule {
  /** migrate changes the schema only when asked (--indexes). */
  private static final Reason NOT_WRITTEN = new Reason(Proof.INDEX_HINT,
      "migrate writes it only when asked: optkit migrate --indexes writes the hints PostgreSQL's planner keeps into the project's Flyway or Liquibase migrations, where it has them");

  @Override
  public List<Finding> check(RuleContext context) {
    return hints(context.index()).stream().map(IndexHint::finding).toList();
  }

  /** The foreign keys to index, each with its finding and the lookup PostgreSQL makes by it. */
  List<IndexHint> hints(dev.optkit.analyzers.index.ProjectIndex index) {
    List<IndexHint> hints = new ArrayList<>();
    if (!index.runsOnPostgresql()) {
      return hints;
    }
    // a query's index hint that starts with the key's columns indexes the key too: that hint names it
    List<IndexHint> queried = new MissingIndexRule().hints(index);
    for (SchemaIndexes.Table table : index.schemaIndexes().tables()) {
      if (!table.complete()) {
        continue;
      }
      for (SchemaIndexes.ForeignKey key : table.unindexedForeignKeys()) {
        if (queried.stream().anyMatch(hint -> hint.table().equals(table)
            && SchemaIndexes.startsWithAll(hint.columns(), key.columns()))) {
          continue;
        }
        String columns = String.join(", ", key.columns());
        String snippet = "FOREIGN KEY (" + columns + ") REFERENCES " + key.references();
        Finding finding = new FindingDraft(info(), key.script(), new SourceRange(key.line(), 1, key.line(), 1),
            table.name(), null, snippet)
            .message("No index on " + table.name() + " starts with its foreign key (" + columns + ") to "
                + key.references() + ": PostgreSQL scans " + table.name() + " for each " + key.references()
                + " row deleted or whose key changes")
            .confidence(Confidence.MEDIUM)
            .detail("table", table.name())
            .detail("columns", key.columns())
            .detail("references", key.references())
            .detail("statement", IndexStatements.create(table, key.columns(), true))
            .refused(NOT_WRITTEN)
            .build();
        hints.add(new IndexHint(finding, table, key.columns(), List.of(new IndexHint.ForeignKeyCheck(key.columns()))));
      }
    }
    return hints;
  }
}
