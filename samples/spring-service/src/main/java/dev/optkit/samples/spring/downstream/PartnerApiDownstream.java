package dev.optkit.samples.spring.downstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process stand-in for the partner APIs (exchange rates and loyalty) used by the Spring sample.
 *
 * <p>Binds to 127.0.0.1 on an ephemeral port and counts every request by path (query string
 * excluded). An optional per-request latency makes sequential versus concurrent access measurable.
 *
 * <ul>
 *   <li>{@code GET /rates/{currency}} returns the EUR to currency rate as text, or 404</li>
 *   <li>{@code GET /customers/{id}/tier} returns {@code STANDARD}, {@code SILVER} or {@code GOLD}</li>
 *   <li>{@code POST /customers/{id}/purchases} records the posted EUR amount and returns 204</li>
 * </ul>
 */
public final class PartnerApiDownstream implements AutoCloseable {

    static {
        // The JDK's server writes a response's headers and body in two sends; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK of the headers (40 ms on Linux loopback), which made
        // a read against a configured 5 ms downstream take 53 ms. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> rates = new ConcurrentHashMap<>();
    private final Map<Long, String> tiers = new ConcurrentHashMap<>();
    private final List<String> recordedPurchases = new CopyOnWriteArrayList<>();
    private volatile Duration latency;

    private PartnerApiDownstream(Duration latency) throws IOException {
        this.latency = latency;
        rates.put("EUR", new BigDecimal("1.00"));
        rates.put("USD", new BigDecimal("1.08"));
        rates.put("GBP", new BigDecimal("0.85"));
        tiers.put(1L, "GOLD");
        tiers.put(2L, "SILVER");

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "partner-api-downstream");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/rates/", counted(this::handleRate));
        server.createContext("/customers/", counted(this::handleCustomer));
        server.start();
    }

    public static PartnerApiDownstream start() throws IOException {
        return new PartnerApiDownstream(Duration.ZERO);
    }

    public static PartnerApiDownstream start(Duration latency) throws IOException {
        return new PartnerApiDownstream(latency);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    public void setRate(String currency, BigDecimal rate) {
        rates.put(currency, rate);
    }

    public void setTier(long customerId, String tier) {
        tiers.put(customerId, tier);
    }

    public int requestCount(String path) {
        AtomicInteger count = requestCounts.get(path);
        return count == null ? 0 : count.get();
    }

    public int requestCountWithPrefix(String prefix) {
        return requestCounts.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .mapToInt(entry -> entry.getValue().get())
                .sum();
    }

    public int totalRequests() {
        return requestCounts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public Map<String, Integer> requestCounts() {
        Map<String, Integer> snapshot = new TreeMap<>();
        requestCounts.forEach((path, count) -> snapshot.put(path, count.get()));
        return snapshot;
    }

    /** Purchases posted so far, each as {@code "<customerId>:<amountEur>"}. */
    public List<String> recordedPurchases() {
        return List.copyOf(recordedPurchases);
    }

    public void reset() {
        requestCounts.clear();
        recordedPurchases.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private HttpHandler counted(HttpHandler handler) {
        return exchange -> {
            try (exchange) {
                requestCounts.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new AtomicInteger())
                        .incrementAndGet();
                pause();
                handler.handle(exchange);
            }
        };
    }

    private void handleRate(HttpExchange exchange) throws IOException {
        String currency = exchange.getRequestURI().getPath().substring("/rates/".length());
        BigDecimal rate = rates.get(currency);
        if (!"GET".equals(exchange.getRequestMethod()) || rate == null) {
            respond(exchange, 404, "unknown currency");
        } else {
            respond(exchange, 200, rate.toPlainString());
        }
    }

    private void handleCustomer(HttpExchange exchange) throws IOException {
        String[] segments = exchange.getRequestURI().getPath().split("/");
        if (segments.length != 4) {
            respond(exchange, 404, "not found");
            return;
        }
        long customerId;
        try {
            customerId = Long.parseLong(segments[2]);
        } catch (NumberFormatException e) {
            respond(exchange, 400, "bad customer id");
            return;
        }
        String method = exchange.getRequestMethod();
        if ("GET".equals(method) && "tier".equals(segments[3])) {
            respond(exchange, 200, tiers.getOrDefault(customerId, "STANDARD"));
        } else if ("POST".equals(method) && "purchases".equals(segments[3])) {
            String amount = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).trim();
            recordedPurchases.add(customerId + ":" + amount);
            exchange.sendResponseHeaders(204, -1);
        } else {
            respond(exchange, 404, "not found");
        }
    }

    private void pause() {
        Duration delay = latency;
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
