package demo;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class QuoteClient {
    private final HttpClient http = HttpClient.newHttpClient();

    public Quote fetchQuote(String sku) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://quotes/" + sku)).build(),
                HttpResponse.BodyHandlers.ofString());
        Quote quote = new Quote();
        quote.setPrice(new BigDecimal(response.body()));
        return quote;
    }
}
