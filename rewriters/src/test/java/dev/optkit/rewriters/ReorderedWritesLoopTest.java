package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loop of remote writes (a POST per element) runs ahead on the pool only when the user accepts
 * that its writes reach the server at once and in another order (--accept-reorder): refused
 * without, naming the option; with it, rewritten, answering as the original, each write sent once.
 */
class ReorderedWritesLoopTest {
  @TempDir Path dir;

  static final String NOTIFIER = """
      package shop;

      import java.io.IOException;
      import java.io.UncheckedIOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.ArrayList;
      import java.util.List;

      public class Notifier {
          private final HttpClient http = HttpClient.newHttpClient();
          private final String baseUrl;

          public Notifier(String baseUrl) {
              this.baseUrl = baseUrl;
          }

          public List<String> notifyAll(List<String> customers) {
              List<String> receipts = new ArrayList<>();
              for (String customer : customers) {
                  String receipt = send(customer);
                  receipts.add(customer + ":" + receipt);
              }
              return receipts;
          }

          String send(String customer) {
              HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/notifications"))
                      .POST(HttpRequest.BodyPublishers.ofString(customer)).build();
              try {
                  HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                  if (response.statusCode() != 201) {
                      throw new IllegalStateException(customer + " answered " + response.statusCode());
                  }
                  return response.body();
              } catch (IOException e) {
                  throw new UncheckedIOException(e);
              } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(e);
              }
          }
      }
      """;

  private HttpServer server;
  private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
  /** The writes in flight at once, each held 30 ms, or until another is in flight when an overlap is expected. */
  private final OverlapProbe inFlight = new OverlapProbe(30);

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/notifications", exchange -> {
      String customer = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(customer);
      try {
        inFlight.hold();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      boolean broken = customer.startsWith("broken");
      byte[] body = ("receipt-" + customer).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(broken ? 500 : 201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private MigrationPlan plan(Set<String> acceptReorder) {
    return new MigrationFixture(dir).java(NOTIFIER).config(MigrationFixture.loopsOnly(new OptkitConfig.Loops(4)))
        .plan(Set.of(), acceptReorder);
  }

  @Test
  void aLoopOfRemoteWritesIsRefusedNamingTheOptionThatAcceptsTheirReordering() {
    MigrationPlan plan = plan(Set.of());
    assertEquals(List.of(), plan.loops());
    String reason = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElseThrow();
    assertTrue(reason.contains("Notifier.send() may write") && reason.endsWith("(--accept-reorder Notifier.notifyAll "
        + "lets them run ahead when their order, and what a failure leaves sent, do not matter)"), reason);
    // another method's acceptance is not this one's
    assertEquals(List.of(), plan(Set.of("Notifier.send")).loops());
  }

  @Test
  void acceptedItsWritesRunAheadAndItAnswersAsTheOriginal() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).java(NOTIFIER)
        .config(MigrationFixture.loopsOnly(new OptkitConfig.Loops(4)));
    MigrationPlan plan = fixture.plan(Set.of(), Set.of("shop.Notifier.notifyAll"));
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
    assertTrue(plan.loops().get(0).action().endsWith("; its calls write, at once and in another order (--accept-reorder)"),
        plan.loops().get(0).action());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Notifier.java");
    assertTrue(after.contains("        // the calls write: accepted to run at once and in another order (--accept-reorder); "
        + "when one fails,\n        // up to 3 later ones may have been sent already\n"), after);
    Path original = fixture.compile(new MigrationPlan(plan.root(), List.of(), List.of(), List.of(), List.of(), List.of()));
    Path migrated = fixture.compile(plan);
    List<String> customers = List.of("ann", "bob", "cy", "dee", "eve", "fay", "gus", "hal");
    received.clear();
    String before = run(original, customers);
    Set<String> sentBefore = new TreeSet<>(received);
    received.clear();
    inFlight.expectOverlap();
    assertEquals(before, run(migrated, customers));
    int most = inFlight.most();
    inFlight.count();
    assertEquals(customers.size(), received.size(), "each write is sent once: " + received);
    assertEquals(sentBefore, new TreeSet<>(received));
    assertTrue(most > 1 && most <= 4, "writes at once: " + most);
    // the first failure in input order is the loop's, as before; writes after it may have been sent
    List<String> failing = List.of("ann", "broken-bob", "cy", "dee", "eve", "fay");
    received.clear();
    String failedBefore = run(original, failing);
    assertEquals(List.of("ann", "broken-bob"), new ArrayList<>(received));
    received.clear();
    assertEquals(failedBefore, run(migrated, failing));
    assertTrue(received.size() <= 2 + 3, "at most 3 writes after the failing one were sent: " + received);
  }

  private String run(Path classes, List<String> customers) throws Exception {
    String base = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ReorderedWritesLoopTest.class.getClassLoader())) {
      Class<?> type = loader.loadClass("shop.Notifier");
      Object notifier = type.getConstructor(String.class).newInstance(base);
      Method notifyAll = type.getMethod("notifyAll", List.class);
      try {
        return String.valueOf(notifyAll.invoke(notifier, new ArrayList<>(customers)));
      } catch (InvocationTargetException e) {
        return e.getCause().getClass().getName() + ": " + e.getCause().getMessage();
      }
    }
  }
}
