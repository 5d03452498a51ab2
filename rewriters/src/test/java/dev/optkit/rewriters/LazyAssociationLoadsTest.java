package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 93's cause 4 (libsys's getPatronById, cut down in resources trial93/lazy): a transaction loads a book, then
 * reads a patron. The book's lazy borrow records reach patrons, but nothing reads them: an uninitialised collection
 * holds no patron, so the patron read is the first to put one in the persistence context, and is cacheable. Each way
 * the records may load beside it keeps the refusal, and the reason names it.
 */
class LazyAssociationLoadsTest {
  @TempDir Path dir;

  private static final String BOOK = "src/main/java/demo/Book.java";
  private static final String BOOK_SERVICE = "src/main/java/demo/BookService.java";

  @Test
  void anUnreadLazyAssociationLoadsNothingBeforeTheRead() throws Exception {
    assertCached(plan("unread", BOOK, resource(BOOK)), "getPatron");
  }

  @Test
  void lombokToStringEqualsAndHashCodeReadIt() throws Exception {
    String lombok = resource(BOOK).replace("@Entity\n", "@Entity\n@lombok.Data\n");
    assertRefused(plan("lombok", BOOK, lombok), "Lombok's @Data on Book reads it");
  }

  @Test
  void aCallOfItsGetterMayLoadIt() throws Exception {
    String counted = resource(BOOK_SERVICE).replace("b.isAvailable())", "b.isAvailable() && b.getRecords().size() < 3)");
    assertRefused(plan("getter", BOOK_SERVICE, counted), "calls getRecords()");
  }

  @Test
  void aMethodOfTheEntityReadingTheFieldMayLoadIt() throws Exception {
    String own = resource(BOOK).replace("public boolean isAvailable() { return available; }",
        "public boolean isAvailable() { return available && records.isEmpty(); }");
    assertRefused(plan("own", BOOK, own), "Book.isAvailable() reads it");
  }

  @Test
  void aFieldOtherClassesMayReadMayLoadIt() throws Exception {
    String open = resource(BOOK).replace("private List<BorrowRecord> records;", "List<BorrowRecord> records;");
    assertRefused(plan("open", BOOK, open), "is not private");
  }

  @Test
  void hibernatesJoinFetchMakesItEager() throws Exception {
    String joined = resource(BOOK).replace("@OneToMany(mappedBy = \"book\")",
        "@OneToMany(mappedBy = \"book\") @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.JOIN)");
    assertRefused(plan("joined", BOOK, joined), "may load entities before it");
  }

  @Test
  void anEntityGraphOnTheLoadFetchesIt() throws Exception {
    MigrationPlan graph = new MigrationFixture(dir.resolve("graph")).resources("/trial93/lazy")
        .file("src/main/java/demo/BookRepo.java", """
            package demo;
            import java.util.Optional;
            import org.springframework.data.jpa.repository.EntityGraph;
            import org.springframework.data.jpa.repository.JpaRepository;
            public interface BookRepo extends JpaRepository<Book, Long> {
                @EntityGraph(attributePaths = "records")
                Optional<Book> findById(Long id);
            }
            """).plan();
    assertRefused(graph, "fetches associations by a graph");
  }

  @Test
  void aReflectiveMapperMayReadEveryProperty() throws Exception {
    String mapped = resource(BOOK_SERVICE).replace("return new BookDto(b.getId(), b.getTitle(), b.isAvailable());",
        "return new org.modelmapper.ModelMapper().map(b, BookDto.class);");
    assertRefused(plan("mapper", BOOK_SERVICE, mapped), "reads objects' properties by reflection");
  }

  /**
   * Hostile review 97: loads declared outside Java, a default entity listener in orm.xml touching collections by
   * reflection (L6) and Spring Data's named query with a join fetch in properties (L22), served a stale patron.
   */
  @Test
  void loadsDeclaredOutsideJavaMayLoadIt() throws Exception {
    assertRefused(plan("orm", "src/main/resources/META-INF/orm.xml", """
        <?xml version="1.0" encoding="UTF-8"?>
        <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
          <persistence-unit-metadata>
            <persistence-unit-defaults>
              <entity-listeners><entity-listener class="demo.Touch"/></entity-listeners>
            </persistence-unit-defaults>
          </persistence-unit-metadata>
        </entity-mappings>
        """), "a JPA mapping file");
    assertRefused(plan("named", "src/main/resources/META-INF/jpa-named-queries.properties",
        "Book.findOneById=select b from Book b left join fetch b.records where b.id = ?1\n"),
        "jpa-named-queries.properties");
  }

  private MigrationPlan plan(String name, String path, String content) {
    return new MigrationFixture(dir.resolve(name)).resources("/trial93/lazy").file(path, content).plan();
  }

  private String resource(String path) throws Exception {
    return new String(getClass().getResourceAsStream("/trial93/lazy/" + path).readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void assertCached(MigrationPlan plan, String method) {
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals(method)),
        reasonOf(plan, method + "(").toString());
  }

  private static void assertRefused(MigrationPlan plan, String because) {
    Optional<String> reason = reasonOf(plan, "getPatron(");
    assertTrue(reason.map(r -> r.contains("may load entities before it") && r.contains(because)).orElse(false),
        reason.toString());
  }

  private static Optional<String> reasonOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }
}
