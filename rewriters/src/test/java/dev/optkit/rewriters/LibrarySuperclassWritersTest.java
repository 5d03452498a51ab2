package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer whose class extends a library class: the library's code can call on the object only what it declares (a
 * template method such as JdbcDaoSupport's initDao()), past the proxy that would evict. Read from the library's
 * bytecode, a writer of a name it does not declare is evicted around (hostile review 95's e03 was refused because its
 * configuration extends AbstractJdbcConfiguration, which has no dataSource()); one it declares stays refused, and so
 * does any writer where the jars are not on hand.
 */
class LibrarySuperclassWritersTest {
  @TempDir Path dir;

  private static final String DAO = """
      package shop;

      import org.springframework.jdbc.core.support.JdbcDaoSupport;
      import org.springframework.stereotype.Repository;

      @Repository
      public class CountryDao extends JdbcDaoSupport {
          private final org.springframework.jdbc.core.JdbcTemplate jdbc;

          public CountryDao(org.springframework.jdbc.core.JdbcTemplate jdbc) {
              this.jdbc = jdbc;
              setJdbcTemplate(jdbc);
          }

          public String countryName(String code) {
              return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
          }

          public void rename(String code, String name) {
              jdbc.update("UPDATE country SET name = ? WHERE code = ?", name, code);
          }
      }
      """;

  @Test
  void aWriterTheLibraryClassDoesNotDeclareIsEvictedAround() throws Exception {
    MigrationPlan plan = plan("undeclared", DAO, true);
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("countryName")),
        reasonOf(plan, "countryName(").toString());
    MigrationPlan template = plan("template", DAO.replace("public void rename(String code, String name) {",
        "public void rename(String code, String name) {\n    }\n\n    @Override\n    protected void initDao() {\n"
            + "        String code = \"NL\", name = \"Nederland\";"), true);
    assertTrue(reasonOf(template, "countryName(").map(r -> r.contains("initDao()")
        && r.contains("library code optkit does not read")).orElse(false), reasonOf(template, "countryName(").toString());
    // hostile review 97's J1: a library may call a method named in text by reflection (a listener adapter's method name)
    MigrationPlan named = plan("named", DAO.replace("        setJdbcTemplate(jdbc);",
        "        setJdbcTemplate(jdbc);\n        org.springframework.util.ReflectionUtils.findMethod(getClass(), \"rename\", String.class, String.class);"),
        true);
    assertTrue(reasonOf(named, "countryName(").map(r -> r.contains("library code optkit does not read")).orElse(false),
        reasonOf(named, "countryName(").toString());
    MigrationPlan unread = plan("unread", DAO, false);
    assertTrue(reasonOf(unread, "countryName(").map(r -> r.contains("library code optkit does not read"))
        .orElse(false), reasonOf(unread, "countryName(").toString());
  }

  private MigrationPlan plan(String name, String dao, boolean jars) throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).java(dao);
    if (jars) {
      fixture.classpath(List.of(jarOf(org.springframework.jdbc.core.support.JdbcDaoSupport.class),
          jarOf(org.springframework.dao.support.DaoSupport.class),
          jarOf(org.springframework.beans.factory.InitializingBean.class)));
    }
    return fixture.plan();
  }

  private static Path jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Optional<String> reasonOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }
}
