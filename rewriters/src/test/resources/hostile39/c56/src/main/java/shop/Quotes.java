package shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

public class Quotes {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public Quotes(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Picks one sku of a list by its own cursor. */
    abstract static class Picker {
        int i = 0;

        abstract String pick();
    }

    public List<String> quoteAll(List<String> skus) {
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            String price = fetch(skus.get(i));
            Picker first = new Picker() {
                @Override
                String pick() {
                    return skus.get(i);
                }
            };
            quotes.add(skus.get(i) + "=" + price + " first=" + first.pick());
        }
        return quotes;
    }

    String fetch(String sku) {
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
