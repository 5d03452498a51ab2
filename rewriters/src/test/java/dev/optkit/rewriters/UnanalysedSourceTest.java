package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import org.junit.jupiter.api.Test;

/**
 * A source file optkit could not read (here: syntax JavaParser does not take) may hold a writer nobody sees: no cache
 * is planned while one is left, and the refusal names the file. The same project without it caches the read.
 */
class UnanalysedSourceTest extends SpringProjectPlans {
  private static final String DAO = """
      package shop;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;
      @Repository
      public class PetDao {
        private final JdbcTemplate jdbc;
        public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }
        public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }
      }
      """;

  @Test
  void noCacheWhileASourceIsNotAnalysed() {
    MigrationPlan clean = new MigrationFixture(dir.resolve("clean")).java(DAO).plan();
    assertEquals(1, clean.targets().size(), clean.refusals().toString());

    MigrationPlan broken = new MigrationFixture(dir.resolve("broken")).java(DAO).file("src/main/java/shop/Renamer.java", """
        package shop;
        public class Renamer {
          void rename(org.springframework.jdbc.core.JdbcTemplate jdbc, Long id, String n) {
            jdbc.update("update pet set name = ? where id = ?", n, id) ) ;
          }
        }
        """).plan();
    assertEquals(0, broken.targets().size(), broken.targets().toString());
    assertTrue(broken.refusals().stream().anyMatch(r -> r.reason().contains("src/main/java/shop/Renamer.java is not analysed")),
        broken.refusals().toString());
  }

  /**
   * U1: a Spock spec bootstrapped by {@code @BootstrapWith(SpringBootTestContextBootstrapper)} gets the service and
   * a JdbcTemplate through {@code @Value('#{photoService}')}, names no project type, and reads its own update back:
   * cached, its own test failed. It blocks again.
   * (From hostile review 46, its U1 (case g1).)
   */
  @Test
  void aSpecReachingBeansByTheirNamesBlocks() {
    MigrationPlan plan = caseProject("reasons44", "pagesize", "g1").resources("/hostile46/g1").plan();
    assertTrue(plan.targets().isEmpty(), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.UNREAD_SOURCE),
        plan.refusals().toString());
  }

  /**
   * Probe 44 (gtiwari333/spring-boot-blog-app): a Spock spec optkit cannot read blocked every cache, though it tests
   * {@code Math.max} only: a test source that names none of the project's types and no way to its beans (an
   * application context, injection, a bean lookup) cannot reach its code. The twin's spec makes the service, and
   * still blocks.
   * (From probe 44's false reasons.)
   */
  @Test
  void anUnreadTestSpecThatCannotReachTheProjectBlocksNothing() {
    MigrationPlan plan = caseProject("reasons44", "pagesize", "groovymath")
        .resources("/reasons44/groovymath").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PhotoService.getAllPhotos")),
        plan.targets() + " " + plan.refusals());

    MigrationPlan twin = caseProject("reasons44", "pagesize", "groovyreach")
        .resources("/reasons44/groovyreach").plan();
    assertTrue(twin.targets().isEmpty(), twin.targets().toString());
    assertTrue(twin.refusals().stream().anyMatch(r -> r.proof() == Proof.UNREAD_SOURCE),
        twin.refusals().toString());

    // the assessment names the first of several Groovy sources only: the second one, loading the application, blocks
    MigrationPlan second = caseProject("reasons44", "pagesize", "groovysecond")
        .resources("/reasons44/groovymath").resources("/reasons44/groovysecond").plan();
    assertTrue(second.targets().isEmpty(), second.targets().toString());
    // UNREAD_SOURCE does not say which source: the case is that the second one is named
    assertTrue(second.refusals().stream().anyMatch(r -> r.proof() == Proof.UNREAD_SOURCE
        && r.reason().contains("ZContextSpec.groovy is not analysed")),
        second.refusals().toString());
  }
}
