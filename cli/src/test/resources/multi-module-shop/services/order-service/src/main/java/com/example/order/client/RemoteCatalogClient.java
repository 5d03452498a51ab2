package com.example.order.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The catalogue service as the order service calls it. */
public class RemoteCatalogClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public RemoteCatalogClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String fetchRegionalComplianceDescriptionForCatalogueEntry(String entryCode) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/catalogue/order/" + entryCode + "/compliance"))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("catalogue lookup failed for " + entryCode, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
