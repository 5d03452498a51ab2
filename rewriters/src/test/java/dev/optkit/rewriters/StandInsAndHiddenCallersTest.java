package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two proofs against what the code hides (cases from a hostile review of the uncalled-private-writer and
 * failure-answer proofs). (1) A private method held as code by a field initialiser, or named in a string a Spring
 * MethodInvoker runs by reflection (setTargetMethod, an XML targetMethod property), runs: its write still evicts or
 * refuses. (2) A stand-in answered on failure is refused (cache.failure-answer) after a retry loop gives up, from a
 * per-item loop that skips failures, from a catch in a lambda the method answers through, and from onErrorReturn;
 * a catch of what the data says (java.text.ParseException, a project's not-found exception, Spring's
 * ObjectRetrievalFailureException), a close-quietly in finally, and a catch around a side step keep the read cached.
 */
class StandInsAndHiddenCallersTest {
  @TempDir Path dir;

  private static final String N1_DAO = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class AddressDao {
          private final JdbcTemplate jdbc;

          public AddressDao(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String street(long id) {
              return jdbc.queryForObject("SELECT street FROM address WHERE id = ?", String.class, id);
          }

          public void save(long id, String street) {
              jdbc.update("UPDATE address SET street = ? WHERE id = ?", street, id);
          }

          private final java.util.Map<String, Runnable> maintenance = java.util.Map.of("clear", this::clearStreets);

          public void maintain(String op) {
              maintenance.get(op).run();
          }

          private void clearStreets() {
              jdbc.update("UPDATE address SET street = NULL");
          }
      }
      """;

  private static final String N3_DAO = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class AddressDao {
          private final JdbcTemplate jdbc;

          public AddressDao(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String street(long id) {
              return jdbc.queryForObject("SELECT street FROM address WHERE id = ?", String.class, id);
          }

          public void save(long id, String street) {
              jdbc.update("UPDATE address SET street = ? WHERE id = ?", street, id);
          }

      }
      """;

  private static final String N3_MAINT = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;

      public class Maintenance {
          private final JdbcTemplate jdbc;

          public Maintenance(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          private void purgeStreets() {
              jdbc.update("UPDATE address SET street = NULL WHERE street = ''");
          }
      }
      """;

  private static final String N3_JOBS = """
      package shop;

      import org.springframework.context.annotation.Bean;
      import org.springframework.context.annotation.Configuration;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.scheduling.quartz.MethodInvokingJobDetailFactoryBean;

      @Configuration
      public class Jobs {
          @Bean
          Maintenance maintenance(JdbcTemplate jdbc) {
              return new Maintenance(jdbc);
          }

          @Bean
          MethodInvokingJobDetailFactoryBean purgeJob(Maintenance maintenance) {
              MethodInvokingJobDetailFactoryBean job = new MethodInvokingJobDetailFactoryBean();
              job.setTargetObject(maintenance);
              job.setTargetMethod("purgeStreets");
              return job;
          }
      }
      """;

  private static final String F1 = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;
      import org.springframework.stereotype.Service;
      import org.springframework.web.client.RestClientException;
      import org.springframework.web.client.RestTemplate;

      @Service
      public class PriceClient {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PriceClient.class);
          private final RestTemplate rest;

          public PriceClient(RestTemplate rest) {
              this.rest = rest;
          }

          public List<String> prices(String category) {
              String[] skus = rest.getForObject("http://catalog/" + category + "/skus", String[].class);
              List<String> out = new ArrayList<>();
              for (String sku : skus) {
                  try {
                      out.add(rest.getForObject("http://prices/" + sku, String.class));
                  } catch (RestClientException e) {
                      log.warn("price of {} unavailable", sku, e);
                  }
              }
              return List.copyOf(out);
          }
      }
      """;

  private static final String F3 = """
      package shop;

      import java.util.Optional;
      import org.springframework.stereotype.Service;
      import org.springframework.web.client.RestClientException;
      import org.springframework.web.client.RestTemplate;

      @Service
      public class PriceClient {
          private final RestTemplate rest;

          public PriceClient(RestTemplate rest) {
              this.rest = rest;
          }

          public String price(String sku) {
              return Optional.of(sku).map(s -> {
                  try {
                      return rest.getForObject("http://prices/" + s, String.class);
                  } catch (RestClientException e) {
                      return null;
                  }
              }).orElse("n/a");
          }
      }
      """;

  private static final String F4 = """
      package shop;

      import java.util.concurrent.CompletableFuture;
      import org.springframework.stereotype.Service;
      import org.springframework.web.client.RestTemplate;
      import org.springframework.web.reactive.function.client.WebClient;

      @Service
      public class PriceClient {
          private final RestTemplate rest;
          private final WebClient web;

          public PriceClient(RestTemplate rest, WebClient web) {
              this.rest = rest;
              this.web = web;
          }

          public String price(String sku) {
              return CompletableFuture.supplyAsync(() -> rest.getForObject("http://prices/" + sku, String.class))
                      .exceptionally(failure -> "n/a")
                      .join();
          }

          public String stock(String sku) {
              return web.get().uri("http://stock/" + sku).retrieve().bodyToMono(String.class)
                      .onErrorReturn("unknown")
                      .block();
          }
      }
      """;

  private static final String F6 = """
      package shop;

      import org.springframework.stereotype.Service;
      import org.springframework.web.client.RestClientException;
      import org.springframework.web.client.RestTemplate;

      @Service
      public class PriceClient {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PriceClient.class);
          private final RestTemplate rest;

          public PriceClient(RestTemplate rest) {
              this.rest = rest;
          }

          public String price(String sku) {
              for (int attempt = 1; attempt <= 3; attempt++) {
                  try {
                      return rest.getForObject("http://prices/" + sku, String.class);
                  } catch (RestClientException e) {
                      log.warn("attempt {} failed", attempt, e);
                  }
              }
              return null;
          }
      }
      """;

  private static final String F5_DAO = """
      package shop;

      import java.text.ParseException;
      import java.text.SimpleDateFormat;
      import java.util.List;
      import org.springframework.orm.ObjectRetrievalFailureException;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class CustomerDao {
          private final JdbcTemplate jdbc;

          public CustomerDao(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public String nameOrUnknown(long id) {
              try {
                  return name(id);
              } catch (CustomerNotFoundException e) {
                  return "unknown";
              }
          }

          public Long createdMillis(long id) {
              String text = jdbc.queryForObject("SELECT created FROM customer WHERE id = ?", String.class, id);
              try {
                  return new SimpleDateFormat("yyyy-MM-dd").parse(text).getTime();
              } catch (ParseException e) {
                  return null;
              }
          }

          public String nameOrNull(long id) {
              try {
                  return name(id);
              } catch (ObjectRetrievalFailureException e) {
                  return null;
              }
          }

          public String name(long id) {
              List<String> names = jdbc.queryForList("SELECT name FROM customer WHERE id = ?", String.class, id);
              if (names.isEmpty()) {
                  throw new CustomerNotFoundException(id);
              }
              return names.get(0);
          }
      }
      """;

  private static final String F5_EX = """
      package shop;

      public class CustomerNotFoundException extends RuntimeException {
          public CustomerNotFoundException(long id) {
              super("no customer " + id);
          }
      }
      """;

  private static final String F7 = """
      package shop;

      import java.io.IOException;
      import java.io.InputStream;
      import java.net.URL;
      import java.nio.charset.StandardCharsets;

      public class RatesClient {
          public String rate(String currency) throws IOException {
              InputStream in = null;
              try {
                  in = new URL("https://rates.example.com/" + currency).openStream();
                  return new String(in.readAllBytes(), StandardCharsets.UTF_8);
              } finally {
                  if (in != null) {
                      try {
                          in.close();
                      } catch (IOException ignored) {
                          // closing quietly: the answer was read
                      }
                  }
              }
          }

          public static void main(String[] args) throws Exception {
              System.out.println(new RatesClient().rate(args[0]));
          }
      }
      """;

  private static final String F8 = """
      package shop;

      import org.springframework.stereotype.Service;
      import org.springframework.web.client.RestClientException;
      import org.springframework.web.client.RestTemplate;

      @Service
      public class PriceClient {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PriceClient.class);
          private final RestTemplate rest;
          private final Audit audit;

          public PriceClient(RestTemplate rest, Audit audit) {
              this.rest = rest;
              this.audit = audit;
          }

          public String price(String sku) {
              String body = rest.getForObject("http://prices/" + sku, String.class);
              try {
                  audit.seen(sku);
              } catch (RuntimeException e) {
                  log.debug("audit unavailable", e);
              }
              return body;
          }
      }
      """;

  private static final String F8_AUDIT = """
      package shop;

      import org.springframework.stereotype.Component;

      @Component
      public class Audit {
          private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Audit.class);

          public void seen(String what) {
              log.info("price of {} read", what);
          }
      }
      """;

  /** Review case n1: {@code Map.of("clear", this::clearStreets)} in a field initialiser; maintain(op) runs it. */
  @Test
  void aPrivateWriterHeldAsCodeByAFieldInitialiserRuns() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("n1")).java(N1_DAO).plan();
    assertTrue(target(plan, "street").isEmpty() || !writers(target(plan, "street").get()).equals(List.of("AddressDao.save")),
        "street() cached with only save() evicting it, though clearStreets() runs through the field's map");
  }

  /** Review case n3: Spring's MethodInvoker finds private methods (getAllDeclaredMethods) and makes them accessible. */
  @Test
  void aPrivateWriterNamedForASpringMethodInvokerRuns() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("n3")).java(N3_DAO).java(N3_MAINT).java(N3_JOBS).plan();
    assertTrue(target(plan, "street").isEmpty() || !writers(target(plan, "street").get()).equals(List.of("AddressDao.save")),
        "street() cached with only save() evicting it, though the Quartz job runs Maintenance.purgeStreets()");
  }

  /**
   * Review case f6: three tries, then null: cached, the outage's null would be the answer the cache keeps, so it is
   * cached only on the condition that a null answer is never stored. A stand-in other than null is refused.
   */
  @Test
  void aRetryLoopThatGivesUpWithNullIsCachedWithoutKeepingNull() {
    Optional<CachingTarget> price = target(new MigrationFixture(dir.resolve("f6")).java(F6).plan(), "price");
    assertTrue(price.isPresent() && price.get().keepsNoNull(), price.toString());
    assertEquals(Optional.empty(), target(new MigrationFixture(dir.resolve("f6b"))
        .java(F6.replace("return null;", "return \"unknown\";")).plan(), "price"));
  }

  /** Review case f1: a loop over items that logs each failure and goes on answers a partial list. */
  @Test
  void aLoopThatSkipsItsFailedItemsAnswersAPartialList() {
    assertEquals(Optional.empty(), target(new MigrationFixture(dir.resolve("f1")).java(F1).plan(), "prices"));
  }

  /** Review case f3: the catch is in the lambda Optional.map runs; its null becomes the method's "n/a". */
  @Test
  void aCatchInALambdaTheMethodAnswersThroughIsAFailureAnswer() {
    assertEquals(Optional.empty(), target(new MigrationFixture(dir.resolve("f3")).java(F3).plan(), "price"));
  }

  /** Review case f4: Reactor's onErrorReturn("unknown") then block(): the stand-in without a catch. */
  @Test
  void onErrorReturnIsAFailureAnswer() {
    assertEquals(Optional.empty(), target(new MigrationFixture(dir.resolve("f4")).java(F4).plan(), "stock"));
  }

  /** Review case f5: each catch is of what the data says; cd2c4d3f cached all three. */
  @Test
  void aCatchOfWhatTheDataSaysIsNoFailureAnswer() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("f5")).java(F5_DAO).java(F5_EX).plan();
    assertEquals(List.of("createdMillis", "nameOrNull", "nameOrUnknown"), plan.targets().stream()
        .map(t -> t.method().fact().name()).sorted().toList());
  }

  /** Review case f7: closing quietly in finally, after the answer was read; cd2c4d3f cached it. */
  @Test
  void closingQuietlyIsNoFailureAnswer() {
    assertTrue(target(new MigrationFixture(dir.resolve("f7")).java(F7).plan(), "rate").isPresent());
  }

  /** Review case f8: the catch is around an audit call; the answer returned is the body read before it. */
  @Test
  void aCatchAroundASideStepIsNoFailureAnswer() {
    assertTrue(target(new MigrationFixture(dir.resolve("f8")).java(F8).java(F8_AUDIT).plan(), "price").isPresent());
  }

  private static List<String> writers(CachingTarget target) {
    return target.evictions().stream().map(e -> e.writer().fact().displayName()).distinct().sorted().toList();
  }

  private static Optional<CachingTarget> target(MigrationPlan plan, String method) {
    return plan.targets().stream().filter(t -> t.method().fact().name().equals(method)).findFirst();
  }
}
