package dev.optkit.rewriters;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A price service on loopback for the loop rewrites' run tests: {@code GET /prices/SKU} answers
 * "price-of-SKU" after 40 ms (a remote call's latency, so calls that can overlap do), 404 for a SKU
 * starting "missing", 500 for one starting "broken"; it counts the requests in flight at once, and
 * after {@link OverlapProbe#expectOverlap} holds a request until another is in flight.
 */
final class LoopbackPrices implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(16);
  /** The requests in flight at once. */
  final OverlapProbe inFlight = new OverlapProbe(40);

  LoopbackPrices() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/prices/", exchange -> {
      String sku = exchange.getRequestURI().getPath().substring("/prices/".length());
      try {
        inFlight.hold();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      int status = sku.startsWith("missing") ? 404 : sku.startsWith("broken") ? 500 : 200;
      byte[] body = (sku.startsWith("missing") ? "" : "price-of-" + sku).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  /**
   * Waits (up to 5 s) until no request is in flight: a run that failed leaves the calls it started but did not wait
   * for running on its own class loader's pool, which a measurement of the next run's bound must not count.
   */
  void awaitIdle() throws InterruptedException {
    for (int i = 0; i < 500 && inFlight.inFlight() > 0; i++) {
      Thread.sleep(10);
    }
  }

  /** The base URL the quotes classes are made with. */
  String base() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
