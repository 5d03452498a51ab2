package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the index hints could not decide, said in the report with the reason rather than guessed or left silent: the
 * queries whose SQL is untold or unread, and the tables no script creates or whose indexes are not read, each with the
 * queries that met it. Read from {@link SchemaQueries}, as the hints are.
 */
public final class UndecidedHints {
  private UndecidedHints() {}

  /**
   * One reason the schema could not decide, with what it met it for.
   *
   * @param table the table it is about, or null where it is about the queries themselves
   * @param queries where the queries are ({@code path:line}), sorted
   * @param onlyReads every one of them reads (the warning then says queries; else statements, writes among them)
   */
  record Group(SchemaQueries.Unknown why, String table, List<String> queries, boolean onlyReads) {}

  /** The groups, by reason, then table. */
  static List<Group> of(ProjectIndex index) {
    List<SchemaQueries.Query> queries = SchemaQueries.of(index);
    if (queries.isEmpty()) {
      return List.of();
    }
    if (index.schemaIndexes().declaresNothing()) {
      return List.of(new Group(SchemaQueries.Unknown.NO_SCHEMA, null, where(queries), onlyReads(queries)));
    }
    Map<String, List<SchemaQueries.Query>> met = new TreeMap<>();
    Map<String, SchemaQueries.Undecided> named = new TreeMap<>();
    for (SchemaQueries.Query query : queries) {
      for (SchemaQueries.Undecided undecided : query.undecided()) {
        String key = undecided.why().ordinal() + " " + (undecided.table() == null ? "" : undecided.table());
        named.putIfAbsent(key, undecided);
        met.computeIfAbsent(key, k -> new ArrayList<>()).add(query);
      }
    }
    List<Group> groups = new ArrayList<>();
    met.forEach((key, at) -> groups.add(new Group(named.get(key).why(), named.get(key).table(), where(at),
        onlyReads(at))));
    return groups;
  }

  /** The groups as the report's warnings, each at its first query. */
  public static List<ParseProblem> warnings(ProjectIndex index) {
    List<ParseProblem> warnings = new ArrayList<>();
    for (Group group : of(index)) {
      String first = group.queries().get(0);
      int colon = first.lastIndexOf(':');
      int shown = Math.min(group.queries().size(), 5);
      warnings.add(new ParseProblem(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)), 0,
          "index hints not decided (" + group.why().id() + "): " + group.why().says()
              + (group.table() == null ? "" : " (" + group.table() + ")") + "; " + group.queries().size()
              + (group.onlyReads() ? (group.queries().size() == 1 ? " query: " : " queries: ")
                  : group.queries().size() == 1 ? " statement: " : " statements: ")
              + String.join(", ", group.queries().subList(0, shown))
              + (group.queries().size() > shown ? ", ..." : "")));
    }
    return warnings;
  }

  private static boolean onlyReads(List<SchemaQueries.Query> queries) {
    return queries.stream().allMatch(query -> query.site().access() == dev.optkit.analyzers.facts.Access.READ);
  }

  private static List<String> where(List<SchemaQueries.Query> queries) {
    return queries.stream().map(UndecidedHints::where).distinct().sorted().toList();
  }

  private static String where(SchemaQueries.Query query) {
    return query.method().path() + ":" + query.site().range().line();
  }
}
