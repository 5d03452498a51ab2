package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile review of the "values, not references" and entity rules: three ways a caller changed or
 * lazily read a cached result that the rules let through (/tmp/review23 of that session), each
 * failing its probe once cached.
 */
class SharedResultAttacksTest {
  @TempDir Path dir;

  private static String refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElse("cached");
  }

  private static final String TAGGED = """
      package shop;

      public class Tagged {
          private final String[] tags;

          public Tagged(String[] tags) {
              this.tags = tags;
          }

          public String[] getTags() {
              return tags;
          }
      }
      """;

  private static final String LABELS = """
      package shop;

      public final class Labels {
          private Labels() {}

          public static void upper(String... labels) {
              for (int i = 0; i < labels.length; i++) {
                  labels[i] = labels[i].toUpperCase();
              }
          }
      }
      """;

  private static final String TAGS = MigrationSafetyTest.bean("TagDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public Tagged find(long id) {
              String tags = jdbc.queryForObject("SELECT tags FROM tagged WHERE id = ?", String.class, id);
              return new Tagged(tags.split(","));
          }
      """);

  @Test
  void anArrayReadFromTheResultIsNoValueAHelperCannotChange() {
    // String... and String[] erase to String: the helper sets the elements of the cached result's array
    String caller = """
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Shouter {
            private final TagDao tags;
            private final org.springframework.jdbc.core.JdbcTemplate jdbc;

            public Shouter(TagDao tags, org.springframework.jdbc.core.JdbcTemplate jdbc) {
                this.tags = tags;
                this.jdbc = jdbc;
            }

            public String shout(long id) {
                Tagged t = tags.find(id);
                Labels.upper(t.getTags());
                String shouted = String.join(",", t.getTags());
                jdbc.update("INSERT INTO audit (what) VALUES (?)", shouted);
                return shouted;
            }
        }
        """;
    MigrationPlan plan = new MigrationFixture(dir.resolve("varargs")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(TAGGED).java(LABELS).java(TAGS).java(caller).plan();
    String why = refusal(plan, "find");
    assertTrue(why.contains("Labels.upper(), which changes it (sets labels[i])"), why);
  }

  @Test
  void aMapsReplaceOnAnUntypedGetterChangesTheResult() {
    String settings = """
        package shop;

        @lombok.Getter
        @lombok.Setter
        public class Settings {
            private java.util.Map<String, String> props = new java.util.HashMap<>();
        }
        """;
    String dao = MigrationSafetyTest.bean("SettingsDao", "Repository", "import org.springframework.stereotype.Repository;", """
            public Settings load(String app) {
                return jdbc.queryForObject("SELECT mode FROM settings WHERE app = ?", (rs, n) -> {
                    Settings s = new Settings();
                    s.getProps().put("mode", rs.getString(1));
                    return s;
                }, app);
            }
        """);
    String preview = """
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Preview {
            private final SettingsDao settings;

            public Preview(SettingsDao settings) {
                this.settings = settings;
            }

            public String preview(String app, String mode) {
                Settings s = settings.load(app);
                String before = s.getProps().replace("mode", mode);
                return before + " -> " + mode;
            }
        }
        """;
    MigrationPlan plan = new MigrationFixture(dir.resolve("map")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(settings).java(dao).java(preview).plan();
    String why = refusal(plan, "load");
    assertTrue(why.contains("replace()"), why);
  }

  @Test
  void aGetterNamedForAColumnThatReadsALazyAssociationIsAnAssociationRead() {
    String team = """
        package shop;

        import jakarta.persistence.*;
        import java.util.ArrayList;
        import java.util.List;

        @Entity
        public class Team {
            @Id private Long id;
            private String name;
            private int memberCount;
            @OneToMany(mappedBy = "team", fetch = FetchType.LAZY)
            private List<Member> members = new ArrayList<>();

            public Long getId() { return id; }
            public String getName() { return name; }
            public int getMemberCount() { return members.isEmpty() ? memberCount : members.size(); }
        }
        """;
    String member = """
        package shop;

        import jakarta.persistence.*;

        @Entity
        public class Member {
            @Id private Long id;
            @ManyToOne(fetch = FetchType.LAZY) private Team team;
        }
        """;
    String repository = """
        package shop;

        import java.util.Optional;
        import org.springframework.data.jpa.repository.JpaRepository;

        public interface TeamRepository extends JpaRepository<Team, Long> {
            Optional<Team> findByName(String name);
        }
        """;
    String service = """
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class Teams {
            private final TeamRepository teams;
            private final org.springframework.jdbc.core.JdbcTemplate jdbc;

            public Teams(TeamRepository teams, org.springframework.jdbc.core.JdbcTemplate jdbc) {
                this.teams = teams;
                this.jdbc = jdbc;
            }

            @Transactional
            public boolean exists(String name) {
                boolean found = teams.findByName(name).map(Team::getId).isPresent();
                jdbc.update("INSERT INTO audit (what) VALUES (?)", name);
                return found;
            }

            @Transactional
            public String summary(String name) {
                Team t = teams.findByName(name).orElseThrow();
                String s = t.getName() + ": " + t.getMemberCount();
                jdbc.update("INSERT INTO audit (what) VALUES (?)", s);
                return s;
            }
        }
        """;
    MigrationPlan plan = new MigrationFixture(dir.resolve("jpa")).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(team).java(member).java(repository).java(service).plan();
    String why = refusal(plan, "findByName");
    assertTrue(why.contains("getMemberCount"), why);
  }
}
