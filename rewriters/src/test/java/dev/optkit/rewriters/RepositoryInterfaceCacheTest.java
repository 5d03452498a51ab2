package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.keyvalue.core.KeyValueOperations;

/**
 * A Spring Data repository interface's query method cached where it is declared: Spring Data's
 * repository proxy honours {@code @Cacheable} there (as spring-petclinic's own VetRepository does).
 * The text, the compiled result, and a real Spring context over a real Spring Data repository (the
 * key-value module's): a read through the application is served from the cache, a write through
 * the application evicts it, and the next read through the application sees the write.
 */
class RepositoryInterfaceCacheTest {
  @TempDir Path dir;

  private static final String POM = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <properties><maven.compiler.release>17</maven.compiler.release></properties>
        <dependencies>
          <dependency>
            <groupId>org.springframework</groupId>
            <artifactId>spring-context</artifactId>
            <version>6.2.12</version>
          </dependency>
          <dependency>
            <groupId>org.springframework.data</groupId>
            <artifactId>spring-data-keyvalue</artifactId>
            <version>3.4.10</version>
          </dependency>
        </dependencies>
      </project>
      """;

  private static final String COUNTRY = """
      package shop;

      import org.springframework.data.annotation.Id;

      public class Country {
          @Id
          private String code;
          private String name;
          private String region;

          public Country(String code, String name, String region) {
              this.code = code;
              this.name = name;
              this.region = region;
          }

          public String getCode() {
              return code;
          }

          public String getName() {
              return name;
          }

          public String getRegion() {
              return region;
          }
      }
      """;

  private static final String REPOSITORY = """
      package shop;

      import java.util.List;
      import org.springframework.data.repository.ListCrudRepository;

      public interface CountryRepository extends ListCrudRepository<Country, String> {
          List<Country> findByRegion(String region);
      }
      """;

  private static final String CONTROLLER = """
      package shop;

      import java.util.List;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.PostMapping;
      import org.springframework.web.bind.annotation.RestController;

      @RestController
      public class CountryController {
          private final CountryRepository countries;

          public CountryController(CountryRepository countries) {
              this.countries = countries;
          }

          @GetMapping("/regions/names")
          public List<String> names(String region) {
              return countries.findByRegion(region).stream().map(Country::getName).sorted().toList();
          }

          @PostMapping("/countries/rename")
          public void rename(String code, String name, String region) {
              countries.save(new Country(code, name, region));
          }
      }
      """;

  private static final String APPLICATION = """
      package shop;

      import org.springframework.context.annotation.ComponentScan;
      import org.springframework.context.annotation.Configuration;
      import org.springframework.data.map.repository.config.EnableMapRepositories;

      @Configuration
      @ComponentScan
      @EnableMapRepositories
      public class Application {
      }
      """;

  private MigrationFixture fixture() {
    return new MigrationFixture(dir).file("pom.xml", POM).java(COUNTRY).java(REPOSITORY).java(CONTROLLER)
        .java(APPLICATION);
  }

  @Test
  void theQueryMethodIsAnnotatedInTheInterfaceAndTheApplicationsWriterEvictsIt() throws Exception {
    MigrationFixture fixture = fixture();
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("findByRegion"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertEquals("""
        package shop;

        import java.util.List;
        import org.springframework.cache.annotation.Cacheable;
        import org.springframework.data.repository.ListCrudRepository;

        public interface CountryRepository extends ListCrudRepository<Country, String> {
            // Added by optkit migrate: default data, expires 300 s after write
            @Cacheable(cacheNames = "optkit.CountryRepository.findByRegion", key = "#p0", cacheManager = "optkitCacheManager", condition = "#p0 != null and !T(shop.OptkitCaching).disabled()", sync = true)
            List<Country> findByRegion(String region);
        }
        """, MigrationFixture.after(plan, "src/main/java/shop/CountryRepository.java"));
    String controller = MigrationFixture.after(plan, "src/main/java/shop/CountryController.java");
    assertTrue(controller.contains("""
            // Added by optkit migrate: this write changes what CountryRepository.findByRegion() caches
            // (evicted before the call, and again after it returns)
            @Caching(evict = {
                @CacheEvict(cacheNames = "optkit.CountryRepository.findByRegion", allEntries = true, beforeInvocation = true, cacheManager = "optkitCacheManager"),
                @CacheEvict(cacheNames = "optkit.CountryRepository.findByRegion", allEntries = true, cacheManager = "optkitCacheManager")})
            @PostMapping("/countries/rename")
        """), controller);

    Path classes = fixture.compile(plan);
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.setClassLoader(loader);
      // SpEL finds T(shop.OptkitCaching) through the thread's class loader, as it does in a deployed application
      Thread.currentThread().setContextClassLoader(loader);
      context.register(loader.loadClass("shop.Application"));
      context.refresh();
      Class<?> countryType = loader.loadClass("shop.Country");
      KeyValueOperations store = context.getBean(KeyValueOperations.class);
      store.insert(country(countryType, "FR", "France", "EU"));
      store.insert(country(countryType, "DE", "Germany", "EU"));
      Object controller2 = context.getBean(loader.loadClass("shop.CountryController"));
      var names = controller2.getClass().getMethod("names", String.class);
      var rename = controller2.getClass().getMethod("rename", String.class, String.class, String.class);
      assertEquals(List.of("France", "Germany"), names.invoke(controller2, "EU"));

      // behind the application's back: the cached answer stands, so the cache is really in front of the repository
      store.update(country(countryType, "DE", "Deutschland", "EU"));
      assertEquals(List.of("France", "Germany"), names.invoke(controller2, "EU"));

      // through the application: its writer evicts, and the next read sees the write
      rename.invoke(controller2, "FR", "République française", "EU");
      assertEquals(List.of("Deutschland", "République française"), names.invoke(controller2, "EU"));
      rename.invoke(controller2, "IT", "Italia", "EU");
      assertEquals(List.of("Deutschland", "Italia", "République française"), names.invoke(controller2, "EU"));
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }

  private static Object country(Class<?> type, String code, String name, String region) throws Exception {
    return type.getConstructor(String.class, String.class, String.class).newInstance(code, name, region);
  }

  @Test
  void aDataSliceTestThatWritesIsNoReaderOfTheCacheUnlessTheApplicationClassSwitchesCachingOn() {
    String sliceTest = """
        package shop;

        import org.junit.jupiter.api.Test;
        import org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest;

        @DataJdbcTest
        class CountryRepositoryTest {
            @org.springframework.beans.factory.annotation.Autowired
            CountryRepository countries;

            @Test
            void savesAndFinds() {
                countries.save(new Country("FR", "France", "EU"));
                org.junit.jupiter.api.Assertions.assertEquals(1, countries.findByRegion("EU").size());
            }
        }
        """;
    // the slice loads no configuration class but the application's, so optkit's caches are not there at all
    MigrationPlan plan = fixture().file("src/test/java/shop/CountryRepositoryTest.java", sliceTest).plan();
    assertEquals(List.of("findByRegion"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());

    // caching switched on by the application class: the slice honours @Cacheable but lacks optkit's manager
    MigrationPlan onApplication = new MigrationFixture(dir.resolve("b")).file("pom.xml", POM).java(COUNTRY)
        .java(REPOSITORY).java(CONTROLLER).java(APPLICATION.replace("@Configuration\n", """
            @Configuration
            @org.springframework.cache.annotation.EnableCaching
            @org.springframework.boot.autoconfigure.SpringBootApplication
            """)).file("src/test/java/shop/CountryRepositoryTest.java", sliceTest).plan();
    String reason = onApplication.refusals().stream().filter(r -> r.finding().enclosingClass().endsWith("CountryRepository"))
        .map(Refusal::reason).findFirst().orElse("(not refused)");
    assertTrue(reason.contains("test slices such as CountryRepositoryTest") && reason.contains("move @EnableCaching"),
        reason);

    // a test that builds the whole application reads its own write back through the cache: a writer optkit cannot edit,
    // so the module's tests run with the caches off (trial 88); with its own test resource folders, refused
    MigrationPlan whole = new MigrationFixture(dir.resolve("c")).file("pom.xml", POM).java(COUNTRY).java(REPOSITORY)
        .java(CONTROLLER).java(APPLICATION).file("src/test/java/shop/CountryRepositoryTest.java", sliceTest
            .replace("org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest",
                "org.springframework.boot.test.context.SpringBootTest").replace("@DataJdbcTest", "@SpringBootTest"))
        .plan();
    assertTrue(whole.targets().stream().anyMatch(t -> t.method().fact().ownerType().endsWith("CountryRepository")
        && t.offInTests().stream().anyMatch(m -> m.fact().name().equals("savesAndFinds"))), whole.targets().toString());
    MigrationPlan ownResources = new MigrationFixture(dir.resolve("d")).file("pom.xml", POM.replace("</project>",
            "<build><testResources><testResource><directory>src/test/x</directory></testResource></testResources>"
                + "</build></project>")).java(COUNTRY).java(REPOSITORY)
        .java(CONTROLLER).java(APPLICATION).file("src/test/java/shop/CountryRepositoryTest.java", sliceTest
            .replace("org.springframework.boot.test.autoconfigure.data.jdbc.DataJdbcTest",
                "org.springframework.boot.test.context.SpringBootTest").replace("@DataJdbcTest", "@SpringBootTest"))
        .plan();
    String wholeReason = ownResources.refusals().stream()
        .filter(r -> r.finding().enclosingClass().endsWith("CountryRepository"))
        .map(Refusal::reason).findFirst().orElse("(not refused)");
    assertTrue(wholeReason.contains("CountryRepositoryTest.savesAndFinds() may write") && wholeReason.contains("test code"),
        wholeReason);
  }

  @Test
  void anEntityAModelAttributeMethodReturnsIsBoundOntoByTheDataBinderAndIsRefused() {
    String form = """
        package shop;

        import org.springframework.stereotype.Controller;
        import org.springframework.web.bind.annotation.ModelAttribute;
        import org.springframework.web.bind.annotation.PathVariable;
        import org.springframework.web.bind.annotation.PostMapping;

        @Controller
        public class CountryForm {
            private final CountryRepository countries;

            public CountryForm(CountryRepository countries) {
                this.countries = countries;
            }

            @ModelAttribute("country")
            public Country country(@PathVariable String code) {
                return countries.findByCode(code);
            }

            @PostMapping("/countries/{code}")
            public String update(Country country) {
                countries.save(country);
                return "redirect:/countries";
            }
        }
        """;
    MigrationPlan plan = fixture().java(REPOSITORY.replace("List<Country> findByRegion(String region);",
        "List<Country> findByRegion(String region);\n\n    Country findByCode(String code);"))
        .java(form).plan();
    assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().name().equals("findByCode")),
        plan.targets().toString());
    String reason = plan.refusals().stream().map(Refusal::reason).filter(r -> r.contains("model attribute"))
        .findFirst().orElse("(no such refusal) " + plan.refusals().stream().map(Refusal::reason).toList());
    assertTrue(reason.contains("CountryForm.country() returns it as a model attribute: Spring's data binder writes"),
        reason);
  }
}
