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
 * The spring sample with its libraries' bytecode on hand (as `optkit migrate` reads ~/.m2): the scripts its
 * {@code @Bean dataSource()} runs through {@code EmbeddedDatabaseBuilder.build()} were a write no eviction could follow
 * (its class extends a library configuration), and 8 of its 10 caches were refused. Scripts run once, on the database
 * the bean makes, before anyone can read it, are no writer of a cached read; a bean project code calls, of another
 * scope, or doing more than return the built database still is.
 */
class EmbeddedDatabaseScriptsTest {
  @TempDir Path dir;

  private static final String CONFIG = """
      package shop;

      import org.springframework.context.annotation.Bean;
      import org.springframework.context.annotation.Configuration;
      import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
      import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
      import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

      @Configuration
      public class AppConfig extends AbstractJdbcConfiguration {
          @Bean(destroyMethod = "shutdown")
          public EmbeddedDatabase dataSource() {
              return new EmbeddedDatabaseBuilder()
                      .generateUniqueName(true)
                      .setType(EmbeddedDatabaseType.H2)
                      .addScript("schema.sql")
                      .addScript("data.sql")
                      .build();
          }

          @Bean
          public JdbcTemplate jdbcTemplate(javax.sql.DataSource dataSource) {
              return new JdbcTemplate(dataSource);
          }
      }
      """;

  private static final String DAO = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class CountryDao {
          private final JdbcTemplate jdbc;

          public CountryDao(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
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
  void theScriptsOfTheDatabaseABeanMakesWriteNothingACacheHolds() throws Exception {
    MigrationPlan own = plan("own", CONFIG, null);
    assertTrue(own.targets().stream().anyMatch(t -> t.method().fact().name().equals("countryName")),
        reasonOf(own, "countryName(").toString());
    MigrationPlan prototype = plan("prototype", CONFIG.replace("    @Bean(destroyMethod = \"shutdown\")",
        "    @Bean(destroyMethod = \"shutdown\")\n    @org.springframework.context.annotation.Scope(\"prototype\")"), null);
    assertTrue(reasonOf(prototype, "countryName(").map(r -> r.contains("dataSource()")).orElse(false),
        reasonOf(prototype, "countryName(").toString());
    // hostile review 95's e02: the default name "testdb" is one database for a second context, which runs the scripts
    // on it again
    MigrationPlan shared = plan("shared", CONFIG.replace("                .generateUniqueName(true)\n", ""), null);
    assertTrue(reasonOf(shared, "countryName(").map(r -> r.contains("dataSource()")).orElse(false),
        reasonOf(shared, "countryName(").toString());
    MigrationPlan called = plan("called", CONFIG, """
        package shop;
        import org.springframework.stereotype.Component;
        @Component
        public class Reseed {
            private final AppConfig config;
            public Reseed(AppConfig config) { this.config = config; }
            public void reseed() { config.dataSource(); }
        }
        """);
    assertTrue(reasonOf(called, "countryName(").map(r -> r.contains("dataSource()")).orElse(false),
        reasonOf(called, "countryName(").toString());
  }

  /**
   * Hostile review 95's e03: another bean method of a proxied configuration calling {@code dataSource()} gets the one
   * bean from the configuration's proxy, and the scripts do not run again (it was refused as a template method of the
   * library class it extends). In lite mode each call builds the database again: refused, as a @Bean method no proxy
   * evicts around.
   */
  @Test
  void aProxiedConfigurationsOwnBeanMethodCallGetsTheOneBean() throws Exception {
    String calling = CONFIG.replace("    public JdbcTemplate jdbcTemplate(javax.sql.DataSource dataSource) {\n"
        + "        return new JdbcTemplate(dataSource);", "    public JdbcTemplate jdbcTemplate() {\n"
        + "        return new JdbcTemplate(dataSource());");
    assertTrue(calling.contains("new JdbcTemplate(dataSource())"), calling);
    MigrationPlan proxied = plan("proxied", calling, null);
    assertTrue(proxied.targets().stream().anyMatch(t -> t.method().fact().name().equals("countryName")),
        reasonOf(proxied, "countryName(").toString());
    MigrationPlan lite = plan("lite", calling.replace("@Configuration\n", "@Configuration(proxyBeanMethods = false)\n"), null);
    assertTrue(reasonOf(lite, "countryName(").map(r -> r.contains("dataSource()") && r.contains("@Bean method"))
        .orElse(false), reasonOf(lite, "countryName(").toString());
    MigrationPlan plainMethod = plan("plain", calling.replace("    @Bean\n    public JdbcTemplate jdbcTemplate() {",
        "    public JdbcTemplate jdbcTemplate() {"), null);
    assertTrue(reasonOf(plainMethod, "countryName(").map(r -> r.contains("dataSource()")).orElse(false),
        reasonOf(plainMethod, "countryName(").toString());
  }

  private MigrationPlan plan(String name, String config, String more) throws Exception {
    Path springJdbc = Path.of(org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder.class
        .getProtectionDomain().getCodeSource().getLocation().toURI());
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).java(config).java(DAO).classpath(List.of(springJdbc));
    if (more != null) {
      fixture.java(more);
    }
    return fixture.plan();
  }

  private static Optional<String> reasonOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }
}
