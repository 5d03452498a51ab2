package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Micronaut's interfaces it implements itself: a declarative HTTP client (also where the project implements it as the
 * client's {@code @Fallback}), a Kafka producer, a Micronaut Data repository with derived queries only. Cases from a
 * blind trial's Micronaut services: 24 repository calls and 3 client calls with fallbacks missed.
 */
class MicronautClientsTest {
  @TempDir Path dir;

  @Test
  void aDeclarativeClientWithAFallbackImplementationIsStillTheClient() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import io.micronaut.http.annotation.Get;
        import io.micronaut.http.annotation.Post;
        import io.micronaut.http.client.annotation.Client;
        @Client(id = "payments")
        public interface PaymentsClient {
          @Post("/payments")
          String pay(String order);
          @Get("/payments/{id}")
          String payment(String id);
        }
        """).java("""
        package shop;
        import io.micronaut.retry.annotation.Fallback;
        @Fallback
        public class PaymentsFallback implements PaymentsClient {
          public String pay(String order) { return "queued"; }
          public String payment(String id) { return "unknown"; }
        }
        """).java("""
        package shop;
        public class Checkout {
          private final PaymentsClient payments;
          public Checkout(PaymentsClient payments) { this.payments = payments; }
          public String status(String id) { return payments.payment(id); }
        }
        """).findings(Category.API_CALL);
    assertEquals(List.of("status(String) GET"), findings.stream()
        .map(f -> f.enclosingMethod() + " " + f.details().get("httpMethod")).toList());
  }

  @Test
  void aKafkaClientsSendIsACallOfTheBroker() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import io.micronaut.configuration.kafka.annotation.KafkaClient;
        import io.micronaut.configuration.kafka.annotation.Topic;
        @KafkaClient
        public interface PolicyEvents {
          @Topic("policy-registered")
          void registered(String policy);
        }
        """).java("""
        package shop;
        public class Policies {
          private final PolicyEvents events;
          public Policies(PolicyEvents events) { this.events = events; }
          public void register(String policy) { events.registered(policy); }
        }
        """).findings(Category.API_CALL);
    assertEquals(List.of("register(String)"), findings.stream().map(Finding::enclosingMethod).toList());
  }

  /** A blind trial's order service published through a {@code @NatsClient} interface, its publishes unseen. */
  @Test
  void aNatsClientsPublishIsACallOfTheBroker() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import io.micronaut.nats.annotation.NatsClient;
        import io.micronaut.nats.annotation.Subject;
        @NatsClient
        public interface OrderEvents {
          void placed(@Subject String subject, String order);
        }
        """).java("""
        package shop;
        public class Orders {
          private final OrderEvents events;
          public Orders(OrderEvents events) { this.events = events; }
          public void place(String order) { events.placed("orders", order); }
          public String label(String order) { return order.trim(); }
        }
        """).findings(Category.API_CALL);
    assertEquals(List.of("place(String)"), findings.stream().map(Finding::enclosingMethod).toList());
  }

  @Test
  void aMicronautDataRepositoryOfDerivedQueriesRunsThem() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        public class Tariff { Long id; String code; }
        """).java("""
        package shop;
        import io.micronaut.data.annotation.Repository;
        import io.micronaut.data.repository.CrudRepository;
        import java.util.Optional;
        @Repository
        public interface Tariffs extends CrudRepository<Tariff, Long> {
          Optional<Tariff> findByCode(String code);
        }
        """).java("""
        package shop;
        public class Pricing {
          private final Tariffs tariffs;
          public Pricing(Tariffs tariffs) { this.tariffs = tariffs; }
          public Object tariff(String code) { return tariffs.findByCode(code); }
          public void add(Tariff tariff) { tariffs.save(tariff); }
        }
        """).findings(Category.DB_QUERY);
    assertEquals(List.of("add(Tariff)", "tariff(String)"), findings.stream().map(Finding::enclosingMethod).sorted()
        .toList());
  }
}
