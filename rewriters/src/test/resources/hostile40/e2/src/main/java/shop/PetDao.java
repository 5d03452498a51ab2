package shop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
@Repository
public class PetDao {
    public String name(Long id) { return jdbc.queryForObject("select name from pet where id = ?", String.class, id); }

    private final JdbcTemplate jdbc;
    private final HttpClient http = HttpClient.newHttpClient();

    public PetDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }

    public void rename(Long id, String name) { jdbc.update("update pet set name = ? where id = ?", name, id); }

    public List<String> quoteAll(String base, List<String> skus) {
        List<String> quotes = new ArrayList<>();
        for (String sku : skus) {
            String price = fetch(base, sku);
            quotes.add(sku + "=" + price);
        }
        return quotes;
    }

    String fetch(String base, String sku) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/prices/" + sku)).GET().build();
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
