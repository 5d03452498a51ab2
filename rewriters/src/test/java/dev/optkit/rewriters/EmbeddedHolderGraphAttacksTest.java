package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caches a hostile review made three allowances plan (embedded objects of columns, sealed holders,
 * {@code @EntityGraph} fetch plans; 2026-11-25, evening), each unsafe at run time: a stale answer, a
 * changed one, or a LazyInitializationException. The projects are under
 * {@code src/test/resources/attacks24/}, as the reviewer wrote them.
 */
class EmbeddedHolderGraphAttacksTest {
  @TempDir Path dir;

  private static final String POM = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <groupId>shop</groupId><artifactId>shop</artifactId><version>1</version>
        <properties><maven.compiler.release>17</maven.compiler.release></properties>
        <dependencies>
          <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
          <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
          <dependency><groupId>org.springframework.data</groupId><artifactId>spring-data-jpa</artifactId><version>3.4.5</version></dependency>
          <dependency><groupId>jakarta.persistence</groupId><artifactId>jakarta.persistence-api</artifactId><version>3.1.0</version></dependency>
          <dependency><groupId>org.springframework</groupId><artifactId>spring-web</artifactId><version>6.2.12</version></dependency>
        </dependencies>
      </project>
      """;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", POM).resources("/attacks24/" + name).plan();
  }

  private static Optional<CachingTarget> target(MigrationPlan plan, String displayName) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(displayName)).findFirst();
  }

  /** Cached without an eviction by the writer, or not cached: a write of the country must reach it. */
  private static void evictedBy(MigrationPlan plan, String cached, String writer) {
    target(plan, cached).ifPresent(target -> assertTrue(target.evictions().stream()
        .anyMatch(e -> e.writer().fact().displayName().equals(writer)), cached + " cached without " + writer
            + "'s eviction: " + target.evictions()));
  }

  /**
   * An embeddable that reaches another table (through a mapped superclass, an association written on an
   * untyped field, an embeddable subtype) or reads one through SQL in its mapping ({@code @ColumnTransformer}):
   * a rename of the country must evict what reads it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"e1", "e3", "e12", "e12b", "e12c", "e4", "e13"})
  void anEmbeddableReachingAnotherTableLeavesItsReadersEvictedByThatTablesWriters(String attack) {
    MigrationPlan plan = attack(attack);
    evictedBy(plan, "Prices.label", "CountryAdmin.rename");
    evictedBy(plan, "Finder.parcel", "CountryAdmin.rename");
  }

  /** The parcel's embeddable reaches a lazy country a caller reads after the load. */
  @ParameterizedTest
  @ValueSource(strings = {"e1L", "e3L", "e4", "e13", "e7L"})
  void anEmbeddableWithALazyAssociationKeepsTheEntityFromTheCache(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(target(plan, "Finder.parcel").isPresent(), plan.targets().toString());
  }

  /** The holder hands the member out ({@code Badge.unwrap(b)}), or the member's getter counts its calls. */
  @ParameterizedTest
  @ValueSource(strings = {"s1b", "s1c", "s7"})
  void aHolderThatLetsTheObjectOutSharesIt(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(target(plan, "Members.member").isPresent(), plan.targets().toString());
  }

  /**
   * A lazy association read after the load where the fetch plan does not load it: another type's getter of
   * the same name, a getter computing from another association, a helper reading a part, a graph Spring Data
   * does not apply (a default method, a service method, a fragment, a named graph that wins), a subclass's.
   */
  @ParameterizedTest
  @ValueSource(strings = {"g1", "g1b", "g10", "g15", "g15b", "g15c", "g2", "g6", "g4", "g9b", "g14", "g14b"})
  void aLazyReadTheFetchPlanDoesNotCoverKeepsTheEntityFromTheCache(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(target(plan, "People.findById").isPresent(), plan.targets().toString());
    assertFalse(target(plan, "PersonRepositoryCustomImpl.findWithRolesById").isPresent(), plan.targets().toString());
  }
}
