package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ways a slice's context still holds the project's services and optkit's cache configuration, so that a slice test's
 * stub of a mocked bean the cached read goes through is a write of its data, as in the whole application: a pattern in
 * the slice's includeFilters, a member configuration class of the application with a plain scan, an application
 * annotation meta-annotated with {@code @Import}, an application class in test sources scanning past the slices'
 * filter. (From a hostile review of the web slices' rule; the fixtures are {@code WebSliceTestsTest}'s.)
 */
class WebSliceContextsTest extends SpringProjectPlans {
  private static final String CLIENTS = MigrationSafetyTest.bean("ClientDao", "Repository",
      "import org.springframework.stereotype.Repository;", """
          public Client one(int id) {
              return jdbc.queryForObject("SELECT name FROM client WHERE id = ?", (rs, n) -> {
                  Client client = new Client();
                  client.setName(rs.getString(1));
                  return client;
              }, id);
          }

          public int create(String name) {
              return jdbc.update("INSERT INTO client(name) VALUES (?)", name);
          }
      """);

  private static final String SERVICE = """
      package shop;

      public interface ClientService {
          int create(String name);
      }
      """;

  private static final String SERVICE_IMPL = """
      package shop;

      import org.springframework.stereotype.Service;

      @Service
      public class ClientServiceImpl implements ClientService {
          private final ClientDao clients;

          public ClientServiceImpl(ClientDao clients) {
              this.clients = clients;
          }

          @Override
          public int create(String name) {
              return clients.create(name);
          }
      }
      """;

  private static final String SALES = """
      package shop;

      import org.springframework.stereotype.Service;

      @Service
      public class SaleService {
          private final ClientDao clients;

          public SaleService(ClientDao clients) {
              this.clients = clients;
          }

          public Client buyer(int clientId) {
              return clients.one(clientId);
          }
      }
      """;

  private static final String CONTROLLERS = """
      package shop;

      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.PathVariable;
      import org.springframework.web.bind.annotation.PostMapping;
      import org.springframework.web.bind.annotation.RequestBody;
      import org.springframework.web.bind.annotation.RestController;

      @RestController
      public class ShopController {
          private final ClientService clients;
          private final SaleService sales;

          public ShopController(ClientService clients, SaleService sales) {
              this.clients = clients;
              this.sales = sales;
          }

          @PostMapping("/clients")
          public void create(@RequestBody String name) {
              clients.create(name);
          }

          @GetMapping("/sales/{id}/buyer")
          public Client buyer(@PathVariable int id) {
              return sales.buyer(id);
          }
      }
      """;

  private static final String CLIENT = """
      package shop;

      public class Client {
          private String name;

          public Client() {
          }

          public Client(String name) {
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

  /** A plain Mockito test of the service: its mock of the DAO is made by Mockito, in no Spring context. */
  private static final String UNIT_TEST = """
      package shop;

      import static org.mockito.Mockito.when;

      import org.junit.jupiter.api.Test;
      import org.junit.jupiter.api.extension.ExtendWith;
      import org.mockito.InjectMocks;
      import org.mockito.Mock;
      import org.mockito.junit.jupiter.MockitoExtension;

      @ExtendWith(MockitoExtension.class)
      class SaleServiceTest {
          @Mock
          private ClientDao clients;

          @InjectMocks
          private SaleService sales;

          @Test
          void buyer() {
              when(clients.one(1)).thenReturn(new Client("percy"));
              org.junit.jupiter.api.Assertions.assertEquals("percy", sales.buyer(1).getName());
          }
      }
      """;

  private static String test(String setUp, String mocked, String stub) {
    return """
        package shop;

        import static org.mockito.Mockito.when;
        import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

        import org.junit.jupiter.api.Test;
        import org.springframework.beans.factory.annotation.Autowired;
        import org.springframework.test.web.servlet.MockMvc;

        %s
        class ShopControllerTest {
            @Autowired
            private MockMvc mockMvc;

            @org.springframework.test.context.bean.override.mockito.MockitoBean
            private %s mocked;

            @Test
            void createsAClient() throws Exception {
                when(mocked.%s).thenReturn(%s);
                mockMvc.perform(post("/clients").content("percy"));
                org.junit.jupiter.api.Assertions.assertEquals("percy", new Client("percy").getName());
            }
        }
        """.formatted(setUp, mocked, stub, mocked.equals("ClientDao") ? "new Client(\"x\")" : "1");
  }

  private MigrationPlan plan(String name, String setUp, String mocked, String stub) {
    return plan(name, APPLICATION, setUp, mocked, stub);
  }

  private MigrationPlan plan(String name, String application, String setUp, String mocked, String stub) {
    return spring(name).file("pom.xml", POM).java(application).java(CLIENT).java(CLIENTS).java(SERVICE).java(SERVICE_IMPL).java(SALES)
        .java(CONTROLLERS).file("src/test/java/shop/SaleServiceTest.java", UNIT_TEST)
        .file("src/test/java/shop/ShopControllerTest.java", test(setUp, mocked, stub)).plan();
  }

  /** The application class: Boot's own scan, which registers the filter the slices select their beans by. */
  private static final String APPLICATION = """
      package shop;

      @org.springframework.boot.autoconfigure.SpringBootApplication
      public class ShopApplication {
      }
      """;

  private static final String WEB_SLICE = """
      @org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest(ShopController.class)
      @org.springframework.test.context.bean.override.mockito.MockitoBean(types = {ClientService.class, SaleService.class})""";

  private static final String WHOLE_APPLICATION = """
      @org.springframework.boot.test.context.SpringBootTest
      @org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc""";

  private static List<String> offInTests(MigrationPlan plan) {
    return target(plan, "SaleService.buyer").orElseThrow(() -> new AssertionError(plan.targets() + " " + plan.refusals()))
        .offInTests().stream().map(m -> m.fact().name()).toList();
  }

  private static final String SLICE = WEB_SLICE.replace("ClientService.class, ", "");

  private static String application(String annotations, String body) {
    return """
        package shop;

        %s
        @org.springframework.boot.autoconfigure.SpringBootApplication
        public class ShopApplication {
        %s
        }
        """.formatted(annotations, body);
  }

  /**
   * {@code includeFilters} by a pattern (REGEX, ASPECTJ) names no class: the slice takes every component whose name
   * matches, SaleService and its DAO among them.
   */
  @Test
  void aWebSliceIncludingServicesByAPatternHoldsTheirCache() {
    String including = """
        @org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest(controllers = ShopController.class,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                type = org.springframework.context.annotation.FilterType.REGEX, pattern = "shop\\\\..*"))""";
    assertEquals(List.of("createsAClient"), offInTests(plan("regexwhole", APPLICATION, WHOLE_APPLICATION, "ClientDao", "one(1)")));
    assertEquals(List.of("createsAClient"), offInTests(plan("regex", APPLICATION, including, "ClientDao", "one(1)")));
  }

  /**
   * A configuration class nested in the application class is a member class of a configuration class: Spring loads it
   * with the application class in every slice, and its plain {@code @ComponentScan} has no TypeExcludeFilter.
   */
  @Test
  void aNestedScanningConfigurationOfTheApplicationClassHoldsServicesInASlice() {
    String app = application("", """
            @org.springframework.context.annotation.Configuration
            @org.springframework.context.annotation.ComponentScan("shop")
            static class Scan {
            }
        """);
    assertEquals(List.of("createsAClient"), offInTests(plan("nestedwhole", app, WHOLE_APPLICATION, "ClientDao", "one(1)")));
    assertEquals(List.of("createsAClient"), offInTests(plan("nested", app, SLICE, "ClientDao", "one(1)")));
  }

  /** A project annotation on the application class meta-annotated with {@code @Import}: imported in every slice. */
  @Test
  void anApplicationAnnotationMetaAnnotatedWithImportHoldsServicesInASlice() {
    String enable = """
        package shop;

        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
        @org.springframework.context.annotation.Import(ShopScan.class)
        public @interface EnableShop {
        }
        """;
    String scan = """
        package shop;

        @org.springframework.context.annotation.Configuration
        @org.springframework.context.annotation.ComponentScan("shop")
        public class ShopScan {
        }
        """;
    String app = application("@EnableShop", "");
    java.util.function.Function<String, MigrationPlan> project = setUp -> spring("meta" + setUp.length()).file("pom.xml", POM).java(app).java(enable).java(scan).java(CLIENT).java(CLIENTS)
        .java(SERVICE).java(SERVICE_IMPL).java(SALES).java(CONTROLLERS)
        .file("src/test/java/shop/SaleServiceTest.java", UNIT_TEST)
        .file("src/test/java/shop/ShopControllerTest.java", test(setUp, "ClientDao", "one(1)")).plan();
    assertEquals(List.of("createsAClient"), offInTests(project.apply(WHOLE_APPLICATION)));
    assertEquals(List.of("createsAClient"), offInTests(project.apply(SLICE)));
  }

  /**
   * The application class the slice finds is in test sources (a library's test application): its plain
   * {@code @ComponentScan} loads every component in the slice.
   */
  @Test
  void aTestSourceApplicationScanningPastTheSlicesFilterHoldsServicesInASlice() {
    String app = """
        package shop;

        @org.springframework.boot.autoconfigure.SpringBootApplication
        @org.springframework.context.annotation.ComponentScan("shop")
        public class ShopTestApplication {
        }
        """;
    java.util.function.Function<String, MigrationPlan> project = setUp -> spring("testapp" + setUp.length()).file("pom.xml", POM).java(CLIENT.replace("class Client", "class Unused").replace("public Client(", "public Unused("))
        .file("src/test/java/shop/ShopTestApplication.java", app).java(CLIENT).java(CLIENTS)
        .java(SERVICE).java(SERVICE_IMPL).java(SALES).java(CONTROLLERS)
        .file("src/test/java/shop/SaleServiceTest.java", UNIT_TEST)
        .file("src/test/java/shop/ShopControllerTest.java", test(setUp, "ClientDao", "one(1)")).plan();
    assertEquals(List.of("createsAClient"), offInTests(project.apply(WHOLE_APPLICATION)));
    assertEquals(List.of("createsAClient"), offInTests(project.apply(SLICE)));
  }

  private static final String POM = MigrationSafetyTest.SPRING_POM.replace("</dependencies>", """
        <dependency>
          <groupId>org.springframework</groupId>
          <artifactId>spring-webmvc</artifactId>
          <version>6.2.12</version>
        </dependency>
      </dependencies>""");
}
