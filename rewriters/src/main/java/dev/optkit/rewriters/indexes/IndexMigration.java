package dev.optkit.rewriters.indexes;

import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.rules.IndexHint;
import dev.optkit.analyzers.schema.FlywayOrder;
import dev.optkit.analyzers.schema.SchemaIndexes;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code optkit migrate --indexes}: the index hints a planner kept, written as one new versioned Flyway migration in
 * the folder of the migration that creates their table, its version after the module's last; or, for a table a
 * Liquibase changelog creates (XML, YAML, JSON, or formatted SQL one of them includes), as one new changeSet at the end
 * of its master changelog, in the master's format ({@link LiquibaseMaster}),
 * after every change its includes run. Never an edit of an existing migration or changeSet: a table created by
 * another kind of script is refused ({@link Proof#INDEX_NO_MIGRATION}), as is
 * {@code CONCURRENTLY} under a Flyway whose lock it would wait on forever ({@link Proof#INDEX_FLYWAY_LOCK}) and a name
 * the schema has already ({@link Proof#INDEX_NAME_TAKEN}).
 */
public final class IndexMigration {
  /** The description part of the file names it writes: {@code V12__optkit_indexes.sql}. */
  public static final String DESCRIPTION = "optkit_indexes";

  /** An index written: its hint, the migration's path (relative to the scanned root, forward slashes) and statement. */
  public record Written(IndexHint hint, String path, String statement) {}

  /** The migrations to add, the indexes in them, and the hints refused with their reasons. */
  public record Plan(List<FileChange> changes, List<Written> written, List<Refusal> refusals) {
    public Plan {
      changes = List.copyOf(changes);
      written = List.copyOf(written);
      refusals = List.copyOf(refusals);
    }
  }

  private IndexMigration() {}

  /**
   * An index hint a planner kept, and what the planner said of it for the migration's comment
   * ({@code PostgreSQL 15.8: cost 1520.4 to 8.3}).
   */
  public record Kept(IndexHint hint, String evidence) {}

  /**
   * @param root the scanned root the changes' paths are relative to
   * @param kept the hints to write, each holding the report's finding of it
   */
  public static Plan prepare(Path root, ProjectIndex index, List<Kept> kept) {
    Map<IndexHint, String> evidence = new HashMap<>();
    kept.forEach(hint -> evidence.put(hint.hint(), hint.evidence()));
    return prepare(root, index, kept.stream().map(Kept::hint).toList(), evidence);
  }

  private static Plan prepare(Path root, ProjectIndex index, List<IndexHint> kept, Map<IndexHint, String> evidence) {
    List<Refusal> refusals = new ArrayList<>();
    Map<Path, List<IndexHint>> byFolder = new TreeMap<>();
    Map<Path, FlywayFolder> folders = new HashMap<>();
    Map<String, String> taken = takenNames(index.schemaIndexes());
    Map<String, IndexHint> statements = new LinkedHashMap<>();
    Map<IndexHint, IndexHint> sameIndex = new LinkedHashMap<>();
    Map<Path, LiquibaseMaster> masters = new TreeMap<>();
    Map<Path, List<IndexHint>> byMaster = new TreeMap<>();
    for (IndexHint hint : kept) {
      Finding finding = hint.finding();
      Path script = hint.table().script();
      if (!index.runsOnPostgresql()) {
        // the planner that kept it is PostgreSQL's: on another database (MySQL's TEXT columns, its optimizer) or one
        // not told, it was not checked, and a plain CREATE INDEX would lock the table's writes while it builds
        refusals.add(new Refusal(finding, Proof.INDEX_NOT_KEPT, "the project is not known to run on PostgreSQL, whose "
            + "planner checked the index: add it by hand after checking it on your database"));
        continue;
      }
      String statement = hint.migrationStatement();
      if (statements.containsKey(statement)) {
        sameIndex.put(hint, statements.get(statement)); // two findings of one index: written once, both accounted
        continue;
      }
      String name = hint.indexName();
      String other = taken.get(name.toLowerCase(Locale.ROOT));
      if (other != null) {
        refusals.add(new Refusal(finding, Proof.INDEX_NAME_TAKEN, "the schema already has an index named " + name
            + " (on " + other + "), or another index of this migration takes it: add the index by hand under a name "
            + "of your own"));
        continue;
      }
      Optional<FlywayFolder> folder = FlywayFolder.of(script).flatMap(FlywayFolder::forPostgresql);
      LiquibaseMaster.Found found = folder.isPresent() || script == null ? null : LiquibaseMaster.of(script);
      // a changelog of its own, or a formatted SQL changelog that one includes
      if (found != null && (LiquibaseMaster.isChangelogName(script) || found instanceof LiquibaseMaster.Master)) {
        if (found instanceof LiquibaseMaster.Unknown unknown) {
          refusals.add(new Refusal(finding, Proof.INDEX_NO_MIGRATION, "its table " + hint.table().name()
              + " is created in the Liquibase changelog " + shown(root, script) + ", but " + unknown.why()
              + ": add the index in a changeSet of your own"));
          continue;
        }
        LiquibaseMaster master = ((LiquibaseMaster.Master) found).master();
        Optional<String> elsewhere = queriedElsewhere(root, hint, master.file());
        if (elsewhere.isPresent()) {
          refusals.add(new Refusal(finding, Proof.INDEX_NO_MIGRATION, elsewhere.get()));
          continue;
        }
        statements.put(statement, hint);
        taken.put(name.toLowerCase(Locale.ROOT), hint.table().name());
        masters.put(master.file(), master);
        byMaster.computeIfAbsent(master.file(), f -> new ArrayList<>()).add(hint);
        continue;
      }
      if (folder.isEmpty()) {
        refusals.add(new Refusal(finding, Proof.INDEX_NO_MIGRATION, "its table " + hint.table().name()
            + " is created in " + (script == null ? "a script optkit cannot name" : shown(root, script))
            + ", neither a versioned Flyway migration (V<version>__<name>.sql) of PostgreSQL's nor a Liquibase "
            + "changelog or a formatted SQL changelog one includes: add the index to the schema by hand"));
        continue;
      }
      Optional<String> elsewhere = queriedElsewhere(root, hint, folder.get().folder());
      if (elsewhere.isPresent()) {
        refusals.add(new Refusal(finding, Proof.INDEX_NO_MIGRATION, elsewhere.get()));
        continue;
      }
      Optional<String> waits = FlywayLock.whyConcurrentWaits(index.libraryVersions(), folder.get().module());
      if (waits.isPresent()) {
        refusals.add(new Refusal(finding, Proof.INDEX_FLYWAY_LOCK, waits.get()));
        continue;
      }
      // an embedded database of a {vendor} layout runs its own folder (db/migration/h2), never PostgreSQL's: a layout
      // the folders show and the production configuration's every Flyway location names by {vendor}
      Optional<String> fails = folder.get().postgresqlsOwn() && vendorLocations(folder.get().module()) ? Optional.empty()
          : FlywayLock.whyConcurrentFailsEmbedded(index.libraryVersions());
      if (fails.isPresent()) {
        refusals.add(new Refusal(finding, Proof.INDEX_EMBEDDED_DATABASE, fails.get()));
        continue;
      }
      statements.put(statement, hint);
      taken.put(name.toLowerCase(Locale.ROOT), hint.table().name());
      folders.put(folder.get().folder(), folder.get());
      byFolder.computeIfAbsent(folder.get().folder(), f -> new ArrayList<>()).add(hint);
    }
    List<FileChange> changes = new ArrayList<>();
    List<Written> written = new ArrayList<>();
    Map<Path, List<BigInteger>> takenVersions = new HashMap<>();
    for (Map.Entry<Path, List<IndexHint>> entry : byFolder.entrySet()) {
      FlywayFolder folder = folders.get(entry.getKey());
      String file;
      try {
        file = folder.nextFile(DESCRIPTION, takenVersions.get(folder.module()));
      } catch (IOException | RuntimeException unreadable) {
        for (IndexHint hint : entry.getValue()) {
          refusals.add(new Refusal(hint.finding(), Proof.INDEX_NO_MIGRATION, "the migrations beside "
              + shown(root, hint.table().script()) + " cannot be listed (" + unreadable.getClass().getSimpleName()
              + "): add the index to the schema by hand"));
        }
        continue;
      }
      takenVersions.put(folder.module(), FlywayOrder.version(file));
      String path = shown(root, folder.folder().resolve(file));
      StringBuilder text = new StringBuilder();
      text.append("-- Indexes for queries of the application, found by optkit assess and checked with PostgreSQL's "
          + "planner (optkit migrate --indexes).\n");
      text.append("-- CONCURRENTLY builds each without locking writes; Flyway runs this migration outside a "
          + "transaction.\n");
      text.append("-- IF NOT EXISTS lets it run again after it stopped half way; a build that failed leaves an INVALID "
          + "index of its name: drop it (DROP INDEX CONCURRENTLY) before running again.\n");
      List<String> descriptions = new ArrayList<>();
      for (IndexHint hint : entry.getValue()) {
        String statement = hint.migrationStatement();
        text.append("\n-- ").append(hint.finding().ruleId()).append(": ").append(servedBy(hint));
        if (evidence.get(hint) != null) {
          text.append("; ").append(commentSafe(evidence.get(hint)));
        }
        text.append('\n');
        text.append(statement).append('\n');
        written.add(new Written(hint, path, statement));
        descriptions.add("adds index " + hint.indexName() + " on " + hint.table().name() + " ("
            + String.join(", ", hint.columns()) + ")");
      }
      changes.add(new FileChange(path, null, text.toString().getBytes(StandardCharsets.UTF_8), descriptions));
    }
    for (Map.Entry<Path, List<IndexHint>> entry : byMaster.entrySet()) {
      LiquibaseMaster master = masters.get(entry.getKey());
      String path = shown(root, master.file());
      List<String> descriptions = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      for (IndexHint hint : entry.getValue()) {
        String statement = hint.migrationStatement();
        lines.add(hint.indexName() + " (" + hint.finding().ruleId() + "): " + servedBy(hint)
            + (evidence.get(hint) == null ? "" : "; " + commentSafe(evidence.get(hint))));
        written.add(new Written(hint, path, statement));
        descriptions.add("adds a changeSet of index " + hint.indexName() + " on " + hint.table().name() + " ("
            + String.join(", ", hint.columns()) + ")");
      }
      LiquibaseChangeSet changeSet = new LiquibaseChangeSet(entry.getValue().stream()
          .map(IndexHint::migrationStatement).toList(), lines, true);
      Optional<String> edited = master.withChangeSet(changeSet);
      if (edited.isEmpty()) {
        written.removeIf(w -> entry.getValue().contains(w.hint()));
        for (IndexHint hint : entry.getValue()) {
          refusals.add(new Refusal(hint.finding(), Proof.INDEX_NO_MIGRATION, "its master changelog " + path
              + " is laid out so that a changeSet appended to its end would not read as one more item of its "
              + "databaseChangeLog (a flow sequence, a second document, an end marker): add the index in a changeSet "
              + "of your own"));
        }
        continue;
      }
      changes.add(new FileChange(path, master.text().getBytes(StandardCharsets.UTF_8),
          edited.get().getBytes(StandardCharsets.UTF_8), descriptions));
    }
    // a second finding of an index written: written with it; of one refused: refused with it
    for (Map.Entry<IndexHint, IndexHint> same : sameIndex.entrySet()) {
      written.stream().filter(w -> w.hint() == same.getValue()).findFirst().ifPresentOrElse(
          w -> written.add(new Written(same.getKey(), w.path(), w.statement())),
          () -> refusals.stream().filter(r -> r.finding() == same.getValue().finding()).findFirst()
              .ifPresent(r -> refusals.add(new Refusal(same.getKey().finding(), r.proof(), r.reason()))));
    }
    return new Plan(changes, written, refusals);
  }

  /**
   * Why the migration's folder (or changelog) is not where the hint's queries run: a query of a module whose own
   * migrations are elsewhere (two services with a table of one name each); empty where every query's file is in the
   * module holding it.
   */
  private static Optional<String> queriedElsewhere(Path root, IndexHint hint, Path migrations) {
    Path module = moduleOf(migrations);
    for (IndexHint.Probe probe : hint.probes()) {
      if (probe instanceof IndexHint.Query query) {
        Path file = root.resolve(query.path()).toAbsolutePath().normalize();
        if (!file.startsWith(module)) {
          return Optional.of("its query at " + commentSafe(query.path()) + ":" + query.line() + " runs outside the "
              + "module whose migrations create " + hint.table().name() + " (" + shown(root, module) + "): another "
              + "application's table of that name perhaps; add the index by hand where its own migrations are");
        }
      }
    }
    return Optional.empty();
  }

  /** The module a migration folder or changelog belongs to: the folder above its src/main/resources, else its own. */
  private static Path moduleOf(Path migrations) {
    Path absolute = migrations.toAbsolutePath().normalize();
    Path resources = java.nio.file.Path.of("src", "main", "resources");
    for (Path at = absolute; at != null; at = at.getParent()) {
      if (at.endsWith(resources)) {
        return at.getParent().getParent().getParent();
      }
    }
    return java.nio.file.Files.isDirectory(absolute) ? absolute : absolute.getParent();
  }

  /**
   * What the index serves, for its comment line: the first query's file and line (its characters a comment cannot be
   * ended by: paths come from the scanned tree), and how many more.
   */
  private static String servedBy(IndexHint hint) {
    List<IndexHint.Query> queries = hint.probes().stream().filter(IndexHint.Query.class::isInstance)
        .map(IndexHint.Query.class::cast).toList();
    if (queries.isEmpty()) {
      return "the foreign key (" + String.join(", ", hint.columns()) + ")";
    }
    IndexHint.Query first = queries.get(0);
    return "serves " + commentSafe(first.path()) + ":" + first.line()
        + (queries.size() > 1 ? " and " + (queries.size() - 1) + " more" : "");
  }

  /**
   * ASCII letters, digits, spaces and {@code / . _ - $ : , % ( )}, any other character {@code ?}: no line break to end
   * the comment, no control or bidirectional character to hide text from a reviewer.
   */
  static String commentSafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    text.chars().forEach(c -> safe.append(c < 128 && (Character.isLetterOrDigit(c) || " /._-$:,%()".indexOf(c) >= 0)
        ? (char) c : '?'));
    return safe.toString();
  }

  /** Every index name the schema declares, lower case, with the table it is on. */
  private static Map<String, String> takenNames(SchemaIndexes schema) {
    Map<String, String> names = new HashMap<>();
    for (SchemaIndexes.Table table : schema.tables()) {
      for (SchemaIndexes.TableIndex index : table.indexes()) {
        if (index.name() != null) {
          names.putIfAbsent(unquoted(index.name()).toLowerCase(Locale.ROOT), table.name());
        }
      }
    }
    return names;
  }

  private static String unquoted(String name) {
    return name.length() > 1 && (name.startsWith("\"") || name.startsWith("`")) ? name.substring(1, name.length() - 1)
        : name;
  }

  /** Whether the module's configuration sets Flyway's locations, and every value it gives them names {vendor}. */
  private static boolean vendorLocations(Path module) {
    return dev.optkit.analyzers.settings.SpringSettings.values(module, "spring.flyway.locations")
        .filter(values -> !values.byDefault().isEmpty() && java.util.stream.Stream.concat(values.byDefault().stream(),
            values.inProfiles().stream()).allMatch(value -> value.contains("{vendor}"))).isPresent();
  }

  private static String shown(Path root, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
  }
}
