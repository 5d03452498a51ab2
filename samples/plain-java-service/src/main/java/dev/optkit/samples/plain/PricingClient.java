package dev.optkit.samples.plain;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class PricingClient {

    private static final String RATES_PATH = "/rates/";
    private static final String HEALTH_PATH = "/health";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15); // a cold JVM on a loaded CI runner
    private static final Pattern PRICE_FIELD = Pattern.compile("\"price\"\\s*:\\s*([0-9]+(?:\\.[0-9]+)?)");

    private final HttpClient http;
    private final String baseUrl;

    public PricingClient(String baseUrl) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), baseUrl);
    }

    public PricingClient(HttpClient http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public BigDecimal fetchUnitPrice(String sku) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + sku))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return parsePrice(sku, requireOk(response));
        } catch (IOException e) {
            throw new PricingException("price lookup failed for " + sku, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PricingException("interrupted while pricing " + sku, e);
        }
    }

    public Map<String, BigDecimal> fetchUnitPrices(List<String> skus) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (String sku : skus) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + sku))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            CompletableFuture<BigDecimal> price = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> parsePrice(sku, requireOk(response)));
            try {
                prices.put(sku, price.join());
            } catch (CompletionException e) {
                throw new PricingException("price lookup failed for " + sku, e.getCause());
            }
        }
        return prices;
    }

    public BigDecimal getExchangeRate(String currency) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + RATES_PATH + currency))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new BigDecimal(requireOk(response).trim());
        } catch (IOException e) {
            throw new PricingException("exchange rate lookup failed for " + currency, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PricingException("interrupted while fetching rate for " + currency, e);
        }
    }

    public void checkHealth() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + HEALTH_PATH))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            requireOk(response);
        } catch (IOException e) {
            throw new PricingException("pricing service unreachable at " + baseUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PricingException("interrupted during health check", e);
        }
    }

    private static String requireOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new PricingException("HTTP " + response.statusCode() + " from " + response.uri());
        }
        return response.body();
    }

    private static BigDecimal parsePrice(String sku, String json) {
        Matcher matcher = PRICE_FIELD.matcher(json);
        if (!matcher.find()) {
            throw new PricingException("no price in response for " + sku + ": " + json);
        }
        return new BigDecimal(matcher.group(1));
    }
}
