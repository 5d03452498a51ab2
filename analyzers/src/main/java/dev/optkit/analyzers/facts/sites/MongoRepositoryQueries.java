package dev.optkit.analyzers.facts.sites;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.MethodFact;
import java.util.Optional;
import java.util.Set;

/**
 * What a Spring Data MongoDB repository method's own annotation says it does. Its query is a MongoDB
 * JSON document ({@code @Query("{ 'name' : ?0 }")}), not SQL: the annotation's type and members tell
 * a read from a write, never the document's text. {@code @Query} finds (with {@code fields}, {@code count},
 * {@code exists} it still only reads) unless {@code delete = true}; {@code @CountQuery} and
 * {@code @ExistsQuery} read; {@code @DeleteQuery} ({@code @Query(delete = true)}) and {@code @Update}
 * (with or beside a {@code @Query} naming what it updates) write.
 */
public final class MongoRepositoryQueries {
  private static final String PACKAGE = "org.springframework.data.mongodb.repository.";
  private static final String QUERY = PACKAGE + "Query";
  private static final Set<String> READS = Set.of(QUERY, PACKAGE + "CountQuery", PACKAGE + "ExistsQuery");
  private static final Set<String> WRITES = Set.of(PACKAGE + "Update", PACKAGE + "DeleteQuery");

  private MongoRepositoryQueries() {
  }

  /**
   * READ or WRITE when the method carries one of Spring Data MongoDB's query annotations (by qualified name, as the
   * file's imports tell), empty when it carries none: its query, if any, is some other language.
   */
  /** {@code delete = true}, or a value given by a constant optkit cannot read, which may be true. */
  private static boolean deletes(String delete) {
    return delete != null && !delete.equals("false");
  }

  public static Optional<Access> access(MethodFact declaration) {
    if (declaration.annotations().stream().anyMatch(WRITES::contains)
        || deletes(declaration.annotationValues().get(QUERY + "#delete"))) {
      return Optional.of(Access.WRITE);
    }
    return declaration.annotations().stream().anyMatch(READS::contains) ? Optional.of(Access.READ) : Optional.empty();
  }
}
