package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A web slice ({@code @WebMvcTest}) runs the controllers alone: its context holds no service, repository or
 * configuration class of the project (the beans the controllers call are the test's mocks) and a no-op cache
 * manager, so a request it sends writes no data and reads none through a cache. A {@code @SpringBootTest} sending
 * the same request runs the whole application and writes. (Found on a JdbcTemplate sale service tried as a new user
 * would: a {@code @WebMvcTest} posting a client to a mocked service switched every cache off for the tests.)
 */
class WebSliceTestsTest extends SpringProjectPlans {
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
    return shop(name, setUp, mocked, stub).java(application).plan();
  }

  /** The shop without an application class, its controller test set up so and stubbing that mock. */
  private MigrationFixture shop(String name, String setUp, String mocked, String stub) {
    return spring(name).file("pom.xml", POM).java(CLIENT).java(CLIENTS).java(SERVICE).java(SERVICE_IMPL).java(SALES)
        .java(CONTROLLERS).file("src/test/java/shop/SaleServiceTest.java", UNIT_TEST)
        .file("src/test/java/shop/ShopControllerTest.java", test(setUp, mocked, stub));
  }

  /** The slice with the DAO the cached read goes through mocked by the test, and the service mocked by the class. */
  private static final String SLICE = """
      @org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest(ShopController.class)
      @org.springframework.test.context.bean.override.mockito.MockitoBean(types = SaleService.class)""";

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

  @Test
  void aWebSliceStubbingTheMockOfWhatACacheReadsReadsNoCache() {
    assertEquals(List.of(), offInTests(plan("slice", WEB_SLICE.replace("ClientService.class, ", ""), "ClientDao",
        "one(1)")));
  }

  @Test
  void theWholeApplicationStubbingTheMockOfWhatACacheReadsWritesItsData() {
    assertEquals(List.of("createsAClient"), offInTests(plan("whole", WHOLE_APPLICATION, "ClientDao", "one(1)")));
  }

  /**
   * The whole application with another bean mocked: the DAO the read goes through is mocked only by a plain Mockito
   * test, and a call on a type the read goes through ({@code getName()} on a client the test made, whose setter the
   * read calls) stubs nothing.
   */
  @Test
  void aCallOnATypeTheReadGoesThroughThatNoSpringTestMocksStubsNothing() {
    assertEquals(List.of(), offInTests(plan("value", WHOLE_APPLICATION, "ClientService", "create(\"percy\")")));
  }

  /**
   * An application class scanning with a plain {@code @ComponentScan} beside {@code @SpringBootApplication}: such a
   * scan registers no {@code TypeExcludeFilter}, so a slice loads every component of the package (Spring Boot's
   * reference, "User Configuration and Slicing"), the services, the repositories and optkit's cache configuration
   * among them: the slice's stub of the DAO is a write of what the cached read answers, as in the whole application.
   * (From a hostile review of the web slices' rule.)
   */
  @Test
  void aWebSliceOfAnApplicationScanningPastTheSlicesFilterHoldsItsServicesAndCaches() {
    String scanning = APPLICATION.replace("@org.springframework.boot.autoconfigure.SpringBootApplication",
        "@org.springframework.boot.autoconfigure.SpringBootApplication\n@org.springframework.context.annotation.ComponentScan(\"shop\")");
    assertEquals(List.of("createsAClient"), offInTests(plan("scanning", scanning,
        WEB_SLICE.replace("ClientService.class, ", ""), "ClientDao", "one(1)")));
  }

  /** A web slice told to take a service besides the web layer holds it, and its cache. */
  @Test
  void aWebSliceIncludingAServiceHoldsItsCache() {
    String including = """
        @org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest(controllers = ShopController.class,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE, classes = SaleService.class))""";
    assertEquals(List.of("createsAClient"), offInTests(plan("including", APPLICATION, including, "ClientDao", "one(1)")));
  }

  // Ways a slice's context still holds the project's services and optkit's cache configuration (from a hostile review
  // of the slices' rule): each first checked against the whole application, where the stub is a write.

  /**
   * {@code includeFilters} by a pattern (REGEX, ASPECTJ) names no class: the slice takes every component whose name
   * matches, the service and its DAO among them.
   */
  @Test
  void aWebSliceIncludingServicesByAPatternHoldsTheirCache() {
    String including = """
        @org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest(controllers = ShopController.class,
            includeFilters = @org.springframework.context.annotation.ComponentScan.Filter(
                type = org.springframework.context.annotation.FilterType.REGEX, pattern = "shop\\\\..*"))""";
    assertEquals(List.of("createsAClient"), offInTests(plan("regex", APPLICATION, including, "ClientDao", "one(1)")));
  }

  /**
   * A configuration class nested in the application class is a member class of a configuration class: Spring loads it
   * with the application class in every slice, and its plain {@code @ComponentScan} has no TypeExcludeFilter.
   */
  @Test
  void aNestedScanningConfigurationOfTheApplicationClassHoldsServicesInASlice() {
    String application = application("", """
            @org.springframework.context.annotation.Configuration
            @org.springframework.context.annotation.ComponentScan("shop")
            static class Scan {
            }
        """);
    assertEquals(List.of("createsAClient"), offInTests(plan("nested-whole", application, WHOLE_APPLICATION, "ClientDao",
        "one(1)")));
    assertEquals(List.of("createsAClient"), offInTests(plan("nested", application, SLICE, "ClientDao", "one(1)")));
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
    assertEquals(List.of("createsAClient"), offInTests(shop("meta", SLICE, "ClientDao", "one(1)")
        .java(application("@EnableShop", "")).java(enable).java(scan).plan()));
  }

  /**
   * The application class the slice finds is in test sources (a library's test application): its plain
   * {@code @ComponentScan} loads every component in the slice.
   */
  @Test
  void aTestSourceApplicationScanningPastTheSlicesFilterHoldsServicesInASlice() {
    String application = """
        package shop;

        @org.springframework.boot.autoconfigure.SpringBootApplication
        @org.springframework.context.annotation.ComponentScan("shop")
        public class ShopTestApplication {
        }
        """;
    assertEquals(List.of("createsAClient"), offInTests(shop("test-application", SLICE, "ClientDao", "one(1)")
        .file("src/test/java/shop/ShopTestApplication.java", application).plan()));
  }

  private static final String POM = MigrationSafetyTest.SPRING_POM.replace("</dependencies>", """
        <dependency>
          <groupId>org.springframework</groupId>
          <artifactId>spring-webmvc</artifactId>
          <version>6.2.12</version>
        </dependency>
      </dependencies>""");
}
