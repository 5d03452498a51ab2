package dev.optkit.samples.plain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

public class CustomerDirectory {

    private final String baseUrl;

    public CustomerDirectory(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public CustomerTier loadCustomerTier(UUID customerId) {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create(baseUrl + "/customers/" + customerId + "/tier").toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(5_000);
            try (InputStream body = connection.getInputStream()) {
                String tier = new String(body.readAllBytes(), StandardCharsets.UTF_8).trim();
                return CustomerTier.valueOf(tier);
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("tier lookup failed for customer " + customerId, e);
        }
    }
}
