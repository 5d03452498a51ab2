package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project class inheriting a catalogued client's methods, no library jar on the class path: Quarkus Panache's entities
 * and repositories extend {@code PanacheEntity} and {@code PanacheRepository}, not the bases the methods are declared
 * on, and without the jars nothing tells one from the other (a trial on quarkusio/quarkus-super-heroes, whose Quarkus
 * is on no mirror here: 0 of 26 queries found). Static finders called on the entity or inside it, the instance's
 * persist, a repository's inherited finder, a reactive Mongo entity. Near miss: a method the entity declares itself and
 * that runs nothing is its own.
 */
class InheritedClientMethodsTest {
  @TempDir Path dir;

  @Test
  void panacheEntitiesAndRepositoriesRunTheQueriesTheyInherit() {
    List<String> queries = new ProjectFixture(dir).java("""
        package app;
        import io.quarkus.hibernate.orm.panache.PanacheEntity;
        @jakarta.persistence.Entity
        public class Villain extends PanacheEntity {
          public String name;
          public static long howMany() { return count(); }
          public String shout() { return name.toUpperCase(); }
        }
        """).java("""
        package app;
        import io.quarkus.hibernate.reactive.panache.PanacheRepository;
        public class HeroRepository implements PanacheRepository<Villain> {}
        """).java("""
        package app;
        import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoEntity;
        public class Fight extends ReactivePanacheMongoEntity {
          public String winner;
        }
        """).java("""
        package app;
        import java.util.List;
        public class Villains {
          private final HeroRepository heroes = new HeroRepository();
          public List<Villain> all() { return Villain.listAll(); }
          public Object one(Long id) { return Villain.findByIdOptional(id); }
          public void save(Villain villain) { villain.persist(); }
          public Object heroes() { return heroes.listAll(); }
          public Object fights() { return Fight.listAll(); }
          public String loud(Villain villain) { return villain.shout(); }
        }
        """).findings(Category.DB_QUERY).stream().map(f -> f.enclosingMethod() + ": " + f.snippet()).sorted().toList();
    assertEquals(List.of("all(): Villain.listAll()", "fights(): Fight.listAll()", "heroes(): heroes.listAll()",
        "howMany(): count()", "one(Long): Villain.findByIdOptional(id)", "save(Villain): villain.persist()"), queries);
  }
}
