package dev.optkit.samples.plain.downstream;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-process stand-in for the pricing, currency and customer APIs the order service depends on.
 *
 * <p>Binds to 127.0.0.1 on an ephemeral port, serves a fixed catalogue and counts every request by
 * path (query string excluded), so callers can assert how many remote calls a piece of code made.
 * An optional per-request latency makes sequential versus concurrent access measurable.
 *
 * <ul>
 *   <li>{@code GET /prices/{sku}} returns {@code {"sku":"...","price":12.34,"currency":"EUR"}} or 404</li>
 *   <li>{@code GET /rates/{currency}} returns the EUR to currency rate as text, or 404</li>
 *   <li>{@code GET /customers/{uuid}/tier} returns {@code STANDARD}, {@code SILVER} or {@code GOLD}</li>
 *   <li>{@code GET /health} returns {@code OK}</li>
 * </ul>
 */
public final class PricingDownstream implements AutoCloseable {

    static {
        // The JDK's server writes a response's headers and body in two sends; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK of the headers (40 ms on Linux loopback), which made
        // a read against a configured 5 ms downstream take 53 ms. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> rates = new ConcurrentHashMap<>();
    private final Map<String, String> tiers = new ConcurrentHashMap<>();
    private volatile Duration latency;
    private volatile double failureRate;
    private final java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();

    private PricingDownstream(Duration latency) throws IOException {
        this.latency = latency;
        prices.put("KB-101", new BigDecimal("49.90"));
        prices.put("MS-202", new BigDecimal("19.90"));
        prices.put("MN-303", new BigDecimal("189.00"));
        prices.put("CB-404", new BigDecimal("9.50"));
        prices.put("HS-505", new BigDecimal("79.00"));
        rates.put("EUR", new BigDecimal("1.00"));
        rates.put("USD", new BigDecimal("1.08"));
        rates.put("GBP", new BigDecimal("0.85"));

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "pricing-downstream");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/prices/", counted(this::handlePrice));
        server.createContext("/rates/", counted(this::handleRate));
        server.createContext("/customers/", counted(this::handleTier));
        server.createContext("/health", counted(exchange -> respond(exchange, 200, "text/plain", "OK")));
        server.start();
    }

    public static PricingDownstream start() throws IOException {
        return new PricingDownstream(Duration.ZERO);
    }

    public static PricingDownstream start(Duration latency) throws IOException {
        return new PricingDownstream(latency);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    public void setPrice(String sku, BigDecimal price) {
        prices.put(sku, price);
    }

    /**
     * Answers this share of requests with 503, evenly spread (every 1/share-th request), so a
     * workload sees a known error rate.
     */
    public void setFailureRate(double share) {
        this.failureRate = share;
    }

    private boolean shouldFail() {
        if (failureRate <= 0) {
            return false;
        }
        long n = served.incrementAndGet();
        return Math.floor(n * failureRate) > Math.floor((n - 1) * failureRate);
    }

    public void setRate(String currency, BigDecimal rate) {
        rates.put(currency, rate);
    }

    public void setTier(UUID customerId, String tier) {
        tiers.put(customerId.toString(), tier);
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

    public void resetCounts() {
        requestCounts.clear();
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
                if (shouldFail()) {
                    respond(exchange, 503, "text/plain", "injected failure");
                    return;
                }
                handler.handle(exchange);
            }
        };
    }

    private void handlePrice(HttpExchange exchange) throws IOException {
        String sku = exchange.getRequestURI().getPath().substring("/prices/".length());
        BigDecimal price = prices.get(sku);
        if (price == null) {
            respond(exchange, 404, "application/json", "{\"error\":\"unknown sku\"}");
        } else {
            respond(exchange, 200, "application/json",
                    "{\"sku\":\"" + sku + "\",\"price\":" + price.toPlainString() + ",\"currency\":\"EUR\"}");
        }
    }

    private void handleRate(HttpExchange exchange) throws IOException {
        String currency = exchange.getRequestURI().getPath().substring("/rates/".length());
        BigDecimal rate = rates.get(currency);
        if (rate == null) {
            respond(exchange, 404, "text/plain", "unknown currency");
        } else {
            respond(exchange, 200, "text/plain", rate.toPlainString());
        }
    }

    private void handleTier(HttpExchange exchange) throws IOException {
        String[] segments = exchange.getRequestURI().getPath().split("/");
        if (segments.length != 4 || !"tier".equals(segments[3])) {
            respond(exchange, 404, "text/plain", "not found");
            return;
        }
        respond(exchange, 200, "text/plain", tiers.getOrDefault(segments[2], "STANDARD"));
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

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
