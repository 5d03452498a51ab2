package dev.optkit.rewriters;

import dev.optkit.rewriters.plan.NotCacheable;
import dev.optkit.analyzers.proof.Proof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loop calling a declared HTTP client per element (issue 24's real-project trial: venda-service's Feign client
 * per id was refused as a client "whose state the statements after an earlier element's join could change", untrue
 * of the proxy Feign makes; allowed, then refused again after hostile review 53, with what is not proven), and the
 * project's HTTP interceptors, which the client runs on the calling thread: one reading the caller's context keeps
 * the calls on it.
 */
class DeclaredHttpClientLoopsTest {
  @TempDir Path dir;

  private static final String CLIENT = """
      package shop;

      import org.springframework.cloud.openfeign.FeignClient;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.PathVariable;

      @FeignClient(name = "products", url = "http://localhost:9091/api/products")
      public interface ProductApi {
          @GetMapping("/{id}")
          Product getById(@PathVariable("id") Long id);
      }
      """;

  private static final String PRODUCT = """
      package shop;

      public record Product(Long id, String name) {
      }
      """;

  private static final String SERVICE = """
      package shop;

      import java.util.List;

      public class ProductService {
          private final ProductApi products;

          public ProductService(ProductApi products) {
              this.products = products;
          }

          public List<Product> getAll(List<Long> ids) {
              return ids.stream().map(id -> products.getById(id)).toList();
          }
      }
      """;

  private MigrationPlan plan(MigrationFixture fixture) {
    return fixture.java(CLIENT).java(PRODUCT).java(SERVICE).config(WiderLoopShapesTest.loopsOnly()).plan();
  }

  /**
   * Its proxy may be called from any thread, but hostile review 53 proved what runs in it unsafe on a pool in seven
   * ways (interceptors registered as lambdas or through supertypes, reading a tenant or MDC; a project class
   * implementing the interface, injected instead; a POST its annotation's method member names): refused, saying so.
   */
  @Test
  void aFeignClientCalledPerElementIsRefusedForWhatRunsInItsProxy() {
    MigrationPlan plan = plan(new MigrationFixture(dir));
    assertEquals(List.of(), plan.loops());
    String reason = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElseThrow();
    assertTrue(reason.contains("uses field products (ProductApi), a declared HTTP client: the library makes its "
        + "implementation at run time"), reason);
  }

  @Test
  void anInterceptorCopyingTheCallersRequestKeepsTheCallsOnItsThread() {
    MigrationPlan plan = plan(new MigrationFixture(dir).java("""
        package shop;

        import feign.RequestInterceptor;
        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;
        import org.springframework.web.context.request.RequestContextHolder;
        import org.springframework.web.context.request.ServletRequestAttributes;

        @Configuration
        public class ForwardAuthorization {
            @Bean
            public RequestInterceptor forwardAuthorization() {
                return template -> {
                    ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.getRequestAttributes();
                    template.header("Authorization", request.getRequest().getHeader("Authorization"));
                };
            }
        }
        """));
    assertEquals(List.of(), plan.loops());
    String reason = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElseThrow();
    assertTrue(reason.startsWith("the project's HTTP interceptor code ForwardAuthorization.forwardAuthorization() reads "
        + "the caller's context ("), reason);
    assertTrue(reason.contains("on a pool thread that context is not there"), reason);
  }

  /** Review 53's U1 and U3: a tenant kept in a ThreadLocal, read through a project sub-interface's implementation. */
  @Test
  void anInterceptorReadingATenantThroughASubInterfaceKeepsTheCallsOnItsThread() {
    MigrationPlan plan = plan(new MigrationFixture(dir).java("""
        package shop;

        public final class Tenants {
            private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

            private Tenants() {}

            public static String current() {
                return CURRENT.get();
            }
        }
        """).java("""
        package shop;

        public interface TenantInterceptor extends feign.RequestInterceptor {
        }
        """).java("""
        package shop;

        public class TenantHeader implements TenantInterceptor {
            @Override
            public void apply(feign.RequestTemplate template) {
                template.header("X-Tenant", Tenants.current());
            }
        }
        """));
    assertEquals(List.of(), plan.loops());
    String reason = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElseThrow();
    assertTrue(reason.startsWith("the project's HTTP interceptor code TenantHeader.apply() reads the caller's context "
        + "(calls Tenants.current(), which reads CURRENT, a ThreadLocal, state bound to the calling thread"), reason);
  }

  /** Review 53's U2: an interceptor registered inline, as a lambda, on the RestTemplate a @Bean method makes. */
  @Test
  void anInlineInterceptorReadingTheSecurityContextKeepsTheCallsOnItsThread() {
    MigrationPlan plan = new MigrationFixture(dir).java(BlockingCallsInLoopRewriteTest.QUOTES_BEFORE).java("""
        package shop;

        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;
        import org.springframework.security.core.context.SecurityContextHolder;
        import org.springframework.web.client.RestTemplate;

        @Configuration
        public class RestConfig {
            @Bean
            public RestTemplate restTemplate() {
                RestTemplate rest = new RestTemplate();
                rest.getInterceptors().add((request, body, execution) -> {
                    request.getHeaders().add("X-User", SecurityContextHolder.getContext().getAuthentication().getName());
                    return execution.execute(request, body);
                });
                return rest;
            }
        }
        """).config(WiderLoopShapesTest.loopsOnly()).plan();
    assertEquals(List.of(), plan.loops());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().startsWith("the project's HTTP interceptor code "
        + "RestConfig.restTemplate() reads the caller's context")), plan.refusals().toString());
  }

  @Test
  void aRestTemplateInterceptorReadingTheSecurityContextKeepsTheCallsOnItsThread() {
    MigrationPlan plan = new MigrationFixture(dir).java(BlockingCallsInLoopRewriteTest.QUOTES_BEFORE).java("""
        package shop;

        import org.springframework.http.HttpRequest;
        import org.springframework.http.client.ClientHttpRequestExecution;
        import org.springframework.http.client.ClientHttpRequestInterceptor;
        import org.springframework.http.client.ClientHttpResponse;
        import org.springframework.security.core.context.SecurityContextHolder;

        public class UserHeader implements ClientHttpRequestInterceptor {
            @Override
            public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                    throws java.io.IOException {
                request.getHeaders().add("X-User", SecurityContextHolder.getContext().getAuthentication().getName());
                return execution.execute(request, body);
            }
        }
        """).config(WiderLoopShapesTest.loopsOnly()).plan();
    assertEquals(List.of(), plan.loops());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().startsWith("the project's HTTP interceptor code "
        + "UserHeader.intercept() reads the caller's context")), plan.refusals().toString());
  }

  /**
   * Trial 81's Feign demo: a Feign interface's read was nowhere in the plan. It now has a line saying optkit caches its
   * callers, naming them; a Feign method nothing calls says so.
   */
  @Test
  void aFeignReadSaysItIsCachedAtItsCallers() {
    MigrationPlan plan = new MigrationFixture(dir).java(CLIENT.replace("""
            Product getById(@PathVariable("id") Long id);""", """
            Product getById(@PathVariable("id") Long id);
            @GetMapping("/first")
            Product first();""")).java(PRODUCT).java(SERVICE).plan();
    assertEquals(List.of("ProductApi.first(): a method of an OpenFeign interface, which OpenFeign implements: optkit "
        + "caches the project methods that call it, not the interface; no production code calls it",
        "ProductApi.getById(): a method of an OpenFeign interface, which OpenFeign implements: optkit caches the project "
            + "methods that call it, not the interface; its callers: ProductService.getAll() (see their lines)"),
        plan.notCacheable().stream().map(NotCacheable::line).filter(line -> line.startsWith("ProductApi.")).toList());
    assertTrue(plan.notCacheable().stream().filter(read -> read.method().startsWith("ProductApi."))
        .allMatch(read -> read.reason().proof() == Proof.DECLARED_CLIENT), plan.notCacheable().toString());
  }
}
