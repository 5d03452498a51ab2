package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Writers in other services and applications: a write to a remote service evicts that service's cached reads;
 * another application on its own database writes nothing this one reads, unless its database is not proven apart
 * (pointed at the reader's by a manifest, a compose command line, an imported configuration, a pool's own URL key,
 * a DataSource bean); a remote read the project's other application answers has that application's writers; a
 * compose file setting the datasource from its own environment tells no database. Each case's comment names the
 * audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came
 * from, and its project (a case naming none is from the first audit, a review of 30 refusals on four projects);
 * each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class OtherApplicationWritersTest extends SpringProjectPlans {
  // ---- a remote service's resources hang together (fifth audit, UNSAFE: SudarikovYaroslav view counts)

  @Test
  void aWriteToAServiceEvictsEveryCachedReadOfThatService() {
    MigrationPlan plan = spring("views")
        .java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.web.client.RestTemplate;

            @Service
            public class Views {
                private final RestTemplate rest = new RestTemplate();

                public Long views(long id) {
                    return rest.getForObject("http://stats-server:9090/views/" + id, Long.class);
                }

                public void hit(long id) {
                    rest.postForObject("http://stats-server:9090/hit", id, Void.class);
                }

                public void charge(long id) {
                    rest.postForObject("http://billing:8080/charges", id, Void.class);
                }
            }
            """)
        .plan();
    CachingTarget views = plan.targets().stream().filter(t -> t.method().fact().name().equals("views")).findFirst()
        .orElseThrow(() -> new AssertionError("views() not cached: " + plan.refusals()));
    java.util.List<String> evicting = views.evictions().stream().map(e -> e.writer().fact().name()).toList();
    assertTrue(evicting.contains("hit"), "POST /hit changes GET /views/{id}: " + evicting);
    assertFalse(evicting.contains("charge"), "another service: " + evicting);
  }

  // ---- separate applications on their own databases (third to fifth audits: explore-with-me stats, Korgerk,
  // in28minutes' sibling samples)

  private MigrationFixture twoApplications(String name, String statsUrl, String mainUrl, String mainDependency) {
    String modulePom = """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>shop</groupId><artifactId>shop-parent</artifactId><version>1</version></parent>
          <artifactId>%s</artifactId>
          <properties><maven.compiler.release>17</maven.compiler.release></properties>
          <dependencies>
            <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-jdbc</artifactId></dependency>
            <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId></dependency>
            %s
          </dependencies>
        </project>
        """;
    String application = """
        package %s;

        @org.springframework.boot.autoconfigure.SpringBootApplication
        public class %sApplication {
        }
        """;
    return new MigrationFixture(dir.resolve(name))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
                <version>3.3.0</version><relativePath/></parent>
              <groupId>shop</groupId><artifactId>shop-parent</artifactId><version>1</version><packaging>pom</packaging>
              <modules><module>stats</module><module>main</module></modules>
            </project>
            """)
        .file("stats/pom.xml", modulePom.formatted("stats", ""))
        .file("main/pom.xml", modulePom.formatted("main", mainDependency))
        .file("stats/src/main/resources/application.properties", "spring.datasource.url=" + statsUrl + "\n")
        .file("main/src/main/resources/application.properties", "spring.datasource.url=" + mainUrl + "\n")
        .file("stats/src/main/java/stats/StatsApplication.java", application.formatted("stats", "Stats"))
        .file("main/src/main/java/main/MainApplication.java", application.formatted("main", "Main"))
        .file("stats/src/main/java/stats/Hits.java", MigrationSafetyTest.bean("Hits", "Service",
            "import org.springframework.stereotype.Service;", """
                public Integer count(String uri) {
                    return jdbc.queryForObject("SELECT count(*) FROM hits WHERE uri = ?", Integer.class, uri);
                }

                public void hit(String uri) {
                    jdbc.update("INSERT INTO hits (uri) VALUES (?)", uri);
                }
            """).replace("package shop;", "package stats;"))
        .file("main/src/main/java/main/Archive.java", MigrationSafetyTest.bean("Archive", "Service",
            "import org.springframework.stereotype.Service;", """
                public void archive(String uri) {
                    jdbc.update("INSERT INTO hits (uri) VALUES (?)", uri);
                }
            """).replace("package shop;", "package main;"));
  }

  @Test
  void anotherApplicationOnItsOwnDatabaseWritesNothingThisOneReads() {
    MigrationPlan separate = twoApplications("separate", "jdbc:postgresql://localhost:5432/stats",
        "jdbc:postgresql://localhost:5432/main", "").plan();
    String why = refusal(separate, "count").orElse("cached");
    assertFalse(why.contains("Archive.archive()"), why);
    // the true twins: one database for both, and a main module that runs the stats module's code
    MigrationPlan shared = twoApplications("shared", "jdbc:postgresql://db:5432/ewm",
        "jdbc:postgresql://localhost:5432/ewm", "").plan();
    why = refusal(shared, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()") && why.contains("in another Maven module"), why);
    MigrationPlan dependent = twoApplications("dependent", "jdbc:postgresql://localhost:5432/stats",
        "jdbc:postgresql://localhost:5432/main",
        "<dependency><groupId>shop</groupId><artifactId>stats</artifactId><version>1</version></dependency>").plan();
    why = refusal(dependent, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()"), why);
  }

  // ---- a remote read the project's other application answers (hostile probe of Hyacintholuscus explore-with-me:
  // views fetched over Feign from the stats service went stale when clients posted /hit to it)

  private MigrationFixture remoteReader(String name, String url) {
    String web = "<dependency><groupId>org.springframework.boot</groupId>"
        + "<artifactId>spring-boot-starter-web</artifactId></dependency>";
    return twoApplications(name, "jdbc:postgresql://localhost:5432/stats", "jdbc:postgresql://localhost:5432/main", web)
        .file("stats/src/main/java/stats/HitController.java", """
            package stats;

            import org.springframework.web.bind.annotation.PostMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class HitController {
                private final Hits hits;

                public HitController(Hits hits) {
                    this.hits = hits;
                }

                @PostMapping("/hit")
                public void hit(String uri) {
                    hits.hit(uri);
                }
            }
            """)
        .file("main/src/main/java/main/Views.java", """
            package main;

            import org.springframework.stereotype.Service;
            import org.springframework.web.client.RestTemplate;

            @Service
            public class Views {
                private final RestTemplate rest;

                public Views(RestTemplate rest) {
                    this.rest = rest;
                }

                public String views(String uri) {
                    return rest.getForObject("%s", String.class, uri);
                }
            }
            """.formatted(url));
  }

  @Test
  void aRemoteReadTheProjectsOtherApplicationMayAnswerHasThatApplicationsWritersWhateverItsDatabase() {
    MigrationPlan ours = remoteReader("ours", "http://stats-server:9090/stats?uri={uri}").plan();
    String why = refusal(ours, "views").orElse("cached");
    assertTrue(why.contains("Hits.hit()") && why.contains("another application of the project"), why);
    // the true twin: a public service's host is none of the project's applications
    MigrationPlan theirs = remoteReader("theirs", "https://stats.example.com/stats?uri={uri}").plan();
    why = refusal(theirs, "views").orElse("cached");
    assertFalse(why.contains("Hits.hit()"), why);
  }

  @Test
  void aComposeFileSettingTheDatasourceFromItsOwnEnvironmentOrAnEnvFileTellsNoDatabase() {
    String services = """
        services:
          stats:
            build: stats
            environment:
              %s
          main:
            build: main
            environment:
              - SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/main
        """;
    // the configuration's ${DB_URL}, filled by the compose file with another placeholder: nothing is told
    MigrationPlan placeholder = twoApplications("placeholder", "${DB_URL}", "${DB_URL}", "")
        .file("compose.yaml", services.formatted("- SPRING_DATASOURCE_URL=${STATS_DB}")).plan();
    String why = refusal(placeholder, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()"), why);
    // Spring's relaxed binding reads SPRING.DATASOURCE.URL as well: the compose file points both at one database
    MigrationPlan dotted = twoApplications("dotted", "jdbc:postgresql://localhost:5432/stats",
        "jdbc:postgresql://localhost:5432/main", "")
        .file("compose.yaml", services.formatted("SPRING.DATASOURCE.URL: jdbc:postgresql://db:5432/main")
            .replace("- SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/main",
                "SPRING_DATASOURCE_URL: jdbc:postgresql://db:5432/main")).plan();
    why = refusal(dotted, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()"), why);
    // an env_file optkit does not read may set it as well
    MigrationPlan envFile = twoApplications("env-file", "jdbc:postgresql://localhost:5432/stats",
        "jdbc:postgresql://localhost:5432/main", "")
        .file("compose.yaml", services.formatted("- SERVER_PORT=9090").replace("    build: stats\n",
            "    build: stats\n    env_file: stats.env\n")).plan();
    why = refusal(envFile, "count").orElse("cached");
    assertTrue(why.contains("Archive.archive()"), why);
    // the true twin: two databases the compose file names
    MigrationPlan named = twoApplications("named", "${DB_URL}", "${DB_URL}", "")
        .file("compose.yaml", services.formatted("- SPRING_DATASOURCE_URL=jdbc:postgresql://db:5432/stats")).plan();
    why = refusal(named, "count").orElse("cached");
    assertFalse(why.contains("Archive.archive()"), why);
  }

  /**
   * Hostile review 38, a second application writing the reader's table while its own settings name another database,
   * pointed at the reader's by: SPRING_APPLICATION_JSON in a manifest (d2), a manifest in a build folder no build file
   * owns (d5), a compose command line (d6), an imported configuration (d9, d9b), a pool's own URL key (d18), a
   * DataSource bean of its own (d26).
   */
  @ParameterizedTest
  @ValueSource(strings = {"d2", "d5", "d6", "d9", "d9b", "d18", "d26"})
  void aWriterInAnotherApplicationWhoseDatabaseIsNotProvenApartCounts(String attack) {
    MigrationPlan plan = casePlan("hostile38", attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.name")),
        plan.targets().toString());
  }

  /**
   * A second application writing the reader's table, its own properties naming another database: the deployment
   * points it at the reader's through a Kubernetes manifest (n1; n1s: kept in the module's src/main/kubernetes) or a compose merge key (n2); the same with the URL
   * in both properties files (n1c) was refused before.
   * (From hostile review 37, cases n1, n2, n1c, n1s.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"n1", "n2", "n1c", "n1s"})
  void aWriterInAnotherApplicationOnTheDeploymentsDatabaseIsNotDropped(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "PetDao.name"), plan.targets().toString());
  }
}
