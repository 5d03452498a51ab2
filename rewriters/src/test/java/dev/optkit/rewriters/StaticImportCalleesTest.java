package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a name under a static import runs or reads: a library method no method of the class or its supertypes shares
 * a name with, and a class (the caller's identity read through {@code SecurityContextHolder}) rather than a field
 * an on-demand static import might bring (trial 80, on its test). Trial 73's F3: {@code import static
 * java.util.Optional.ofNullable;} in a class implementing an interface, and {@code
 * ofNullable(teams.team(id)).orElseThrow()} on a cached read's answer, was refused as "a method optkit cannot find
 * in that class or its supertypes". No method of the class or its supertypes has the name, so the call runs the
 * library's, as {@code Optional.ofNullable(...)} written out does: cached. A project class's static import that
 * changes the answer stays refused. Hostile review 35 adds a statically imported name an implemented interface's
 * default method shadows, which is not followed.
 */
class StaticImportCalleesTest extends SpringProjectPlans {
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

  private static final String ERROR_CODES = """
      package shop;

      public enum ErrorCodes {
          NOT_FOUND;

          public String code() {
              return name();
          }
      }
      """;

  /** ems-mybatis-liquibase's getMe(): the caller's name read through SecurityContextHolder, %s its static import. */
  private static final String ME = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.security.core.context.SecurityContextHolder;
      import org.springframework.stereotype.Service;
      %s

      @Service
      public class MeService {
          private final JdbcTemplate jdbc;

          public MeService(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String me() {
              String name = SecurityContextHolder.getContext().getAuthentication().getName();
              return jdbc.queryForObject("SELECT full_name FROM person WHERE login = ?", String.class, name);
          }

          public String fullName(String login) {
              return jdbc.queryForObject("SELECT full_name FROM person WHERE login = ?", String.class, login);
          }

          public void rename(String login, String fullName) {
              jdbc.update("UPDATE person SET full_name = ? WHERE login = ?", fullName, login);
          }
      }
      """;

  /**
   * Trial 80's first wrong cache (VenkataKrishnaRepalle/ems-mybatis-liquibase's {@code getMe()}), proven by a test
   * passing before apply and failing after: a user's own profile served to every user, its {@code
   * SecurityContextHolder} read unseen beside {@code import static ...ErrorCodes.*} (a capitalised name taken for a
   * field the on-demand static import might bring).
   */
  @Test
  void theCallersIdentityIsReadBesideAnOnDemandStaticImport() {
    for (String imports : new String[] {"", "import static shop.ErrorCodes.*;"}) {
      MigrationPlan plan = new MigrationFixture(dir.resolve("me" + imports.length())).file("pom.xml",
          MigrationSafetyTest.SPRING_POM).java(ERROR_CODES).java(ME.formatted(imports)).plan();
      String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("me("))
          .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: me() with " + imports));
      assertTrue(reason.contains("reads the caller's identity or request (SecurityContextHolder.getContext())"),
          reason);
      // beside it, the read keyed by its parameter is cached, the import notwithstanding
      assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("fullName")),
          plan.refusals().stream().map(Refusal::reason).toList().toString());
    }
  }

  /**
   * Hostile review 35, a statically imported name an implemented interface's default method shadows (i2); a handler's
   * local class whose method calls the handler's own mutating method, with the import (i4) or without (i4t).
   */
  @ParameterizedTest
  @ValueSource(strings = {"i2", "i4", "i4t"})
  void aShadowedStaticImportIsNotFollowed(String attack) {
    MigrationPlan plan = casePlan("hostile35", attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }
}
