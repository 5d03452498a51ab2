package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 73's F3: {@code import static java.util.Optional.ofNullable;} in a class implementing an interface, and
 * {@code ofNullable(teams.team(id)).orElseThrow()} on a cached read's answer, was refused as "a method optkit cannot
 * find in that class or its supertypes". No method of the class or its supertypes has the name, so the call runs the
 * library's, as {@code Optional.ofNullable(...)} written out does: cached. A project class's static import that
 * changes the answer stays refused.
 */
class StaticImportCalleesTest {
  @TempDir Path dir;

  private static final String TEAMS = MigrationSafetyTest.bean("Teams", "Service", "", """
          public Team team(long id) {
              return jdbc.queryForObject("SELECT name FROM teams WHERE id = ?", (rs, i) -> new Team(rs.getString(1)), id);
          }
      """);

  private static final String TEAM = """
      package shop;

      public class Team {
          private String name;

          public Team(String name) {
              this.name = name;
          }

          public String getName() {
              return name;
          }

          public void setName(String name) {
              this.name = name;
          }
      }
      """;

  private static final String API = """
      package shop;

      public interface Memberships {
          String label(long id);
      }
      """;

  private static final String MEMBERSHIPS = """
      package shop;

      import static java.util.Optional.ofNullable;

      import org.springframework.stereotype.Service;

      @Service
      public class MembershipsImpl implements Memberships {
          private final Teams teams;

          public MembershipsImpl(Teams teams) {
              this.teams = teams;
          }

          @Override
          public String label(long id) {
              Team team = ofNullable(teams.team(id)).orElseThrow();
              return team.getName();
          }
      }
      """;

  private static final String RENAMING = """
      package shop;

      public final class Renaming {
          private Renaming() {}

          public static Team ofNullable(Team team) {
              team.setName("x");
              return team;
          }
      }
      """;

  private MigrationPlan plan(String memberships, String... more) {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM).java(TEAMS)
        .java(TEAM).java(API).java(memberships);
    for (String source : more) {
      fixture.java(source);
    }
    return fixture.plan();
  }

  @Test
  void aLibraryMethodAStaticImportGivesIsNoUnfoundProjectMethod() {
    MigrationPlan plan = plan(MEMBERSHIPS);
    List<String> reasons = plan.refusals().stream().map(Refusal::reason).toList();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("Teams.team")), reasons.toString());
    assertTrue(reasons.stream().noneMatch(r -> r.contains("cannot find in that class")), reasons.toString());
  }

  @Test
  void aProjectMethodAStaticImportGivesIsFollowed() {
    MigrationPlan plan = plan(MEMBERSHIPS.replace("import static java.util.Optional.ofNullable;",
        "import static shop.Renaming.ofNullable;").replace("ofNullable(teams.team(id)).orElseThrow()",
        "ofNullable(teams.team(id))"), RENAMING);
    List<String> reasons = plan.refusals().stream().map(Refusal::reason).toList();
    assertEquals(List.of(), plan.targets().stream().map(t -> t.method().fact().displayName())
        .filter(n -> n.equals("Teams.team")).toList(), reasons.toString());
  }
}
