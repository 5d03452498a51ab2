package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import dev.optkit.analyzers.proof.Proof;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * Whether an entity in a key is hashed, or a key changed: one appended to a new list never is; Lombok's equals
 * leaving the lazy association out hashes none; a Lombok {@code @Data} key is refused for its setters, not for a
 * missing equals, which {@code import lombok.*} makes as {@code import lombok.Data} does. Each case's comment names
 * the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came
 * from, and its project (a case naming none is from the first audit, a review of 30 refusals on four projects);
 * each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class EntityHashingTest extends SpringProjectPlans {
  // ---- an entity appended to a new ArrayList is never hashed (fourth audit: ivoylov BookingService.getAll)

  private MigrationFixture teams(String name, String collected) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.OneToMany;
            import java.util.List;

            @lombok.Data
            @Entity
            public class Team {
                @Id
                private Long id;
                private String name;
                @OneToMany(mappedBy = "team")
                private List<Player> players;
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;

            @Entity
            public class Player {
                @Id
                private Long id;
                @ManyToOne
                private Team team;
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface TeamRepository extends JpaRepository<Team, Long> {
                java.util.List<Team> findByName(String name);
            }
            """)
        .java("""
            package shop;

            import java.util.*;
            import org.springframework.stereotype.Service;

            @Service
            public class Teams {
                private final TeamRepository repository;

                public Teams(TeamRepository repository) {
                    this.repository = repository;
                }

                public int count(String name) {
                    %s
                    all.addAll(repository.findByName(name));
                    repository.findByName(name).forEach(all::add);
                    return all.size();
                }
            }
            """.formatted(collected));
  }

  @Test
  void anEntityAppendedToANewListIsNeverHashed() {
    MigrationPlan list = teams("list", "List<Team> all = new ArrayList<>();").plan();
    String why = refusal(list, "findByName").orElse("cached");
    assertFalse(why.contains("equals and hashCode"), why);
    // the true twin: a HashSet calls the Lombok hashCode, which reads the lazy players
    MigrationPlan set = teams("set", "Set<Team> all = new HashSet<>();").plan();
    why = refusal(set, "findByName").orElse("cached");
    assertTrue(why.contains("which calls its equals and hashCode, which Lombok writes over"), why);
  }

  /**
   * Lombok's equals and hashCode read only the fields its exclude, or @EqualsAndHashCode.Exclude, leaves in: one that
   * leaves the lazy association out hashes none (a trial on springframeworkguru's recipe app, Boot 2.1:
   * {@code @EqualsAndHashCode(exclude = {"recipes"})} was refused as hashing its lazy recipes).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"exclude", "field", "of"})
  void lombokEqualsThatLeavesTheLazyAssociationOutHashesNone(String form) {
    String team = """
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.OneToMany;
        import java.util.List;

        @lombok.Data
        %s
        @Entity
        public class Team {
            @Id
            private Long id;
            private String name;
            %s
            @OneToMany(mappedBy = "team")
            private List<Player> players;
        }
        """.formatted(switch (form) {
          case "exclude" -> "@lombok.EqualsAndHashCode(exclude = {\"players\"})";
          case "of" -> "@lombok.EqualsAndHashCode(of = \"id\")";
          default -> "";
        }, form.equals("field") ? "@lombok.EqualsAndHashCode.Exclude" : "");
    MigrationPlan set = teams("lombok-" + form, "Set<Team> all = new HashSet<>();").java(team).plan();
    String why = refusal(set, "findByName").orElse("cached");
    assertFalse(why.contains("equals and hashCode"), why);
  }

  // ---- a Lombok @Data key (hostile probe of Hyacintholuscus explore-with-me: "has no equals/hashCode over all its
  // fields" for search parameters whose @Data writes exactly that)

  private MigrationPlan searchBy(String name, String fields) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            import lombok.Data;

            @Data
            public class Search {
            %s
            }
            """.formatted(fields))
        .java(MigrationSafetyTest.bean("Events", "Service", "import org.springframework.stereotype.Service;", """
                public Integer count(Search search) {
                    return jdbc.queryForObject("SELECT count(*) FROM events WHERE text = ?", Integer.class,
                            search.getText());
                }
            """))
        .plan();
  }

  @Test
  void aLombokDataKeyIsRefusedForItsSettersNotForAMissingEquals() {
    MigrationPlan mutable = searchBy("mutable", "    private String text;\n    private Integer size;");
    String why = mutable.notCacheable().stream().filter(n -> n.method().startsWith("Events.count("))
        .peek(n -> assertEquals(Proof.UNKEYABLE_PARAMETER, n.reason().proof())).map(n -> n.reason().text()).findFirst()
        .orElse("cached");
    assertTrue(why.contains("Lombok @Data class with fields that are not final"), why);
    assertFalse(why.contains("has no equals/hashCode"), why);
    // the true twin's opposite: @Data on final fields only writes no setters, and its equals covers them all
    MigrationPlan frozen = searchBy("frozen", "    private final String text;\n    private final Integer size;");
    assertTrue(cached(frozen, "Events.count"), frozen.notCacheable() + " " + frozen.refusals());
  }

  /** Fourteenth audit, s20: `import lombok.*` makes @Data's setters as much as `import lombok.Data` does. */
  @Test
  void aWildcardLombokImportStillWritesTheSetters() {
    MigrationPlan plan = casePlan("audit14", "s20");
    assertFalse(reason(plan, "findByEmail").contains("cannot find"), reason(plan, "findByEmail"));
  }
}
