package shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class Pricing {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public Pricing(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String fetch(String sku) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/prices/" + sku)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException(sku + " answered " + response.statusCode());
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
