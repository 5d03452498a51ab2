import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one generated Java source file of about the given size: a client class like those API
 * generators emit, with a remote read per member so that every member is a finding and the planner
 * judges each (HTTP reads, JDBC reads, the JDBC writers that invalidate them, and a loop of reads).
 * assess's work on it should grow with the number of members, not with its square.
 *
 * <p>Run: {@code java bench/LargeFile.java KILOBYTES OUT_DIR}; writes
 * {@code OUT_DIR/src/main/java/gen/GeneratedApiClient.java} and a minimal {@code OUT_DIR/pom.xml}.
 * The same arguments always give the same bytes.
 */
public final class LargeFile {
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: java bench/LargeFile.java KILOBYTES OUT_DIR");
      System.exit(2);
    }
    long limit = Long.parseLong(args[0]) * 1024;
    Path out = Path.of(args[1]);
    Path source = out.resolve("src/main/java/gen/GeneratedApiClient.java");
    Files.createDirectories(source.getParent());
    Files.writeString(out.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>gen</groupId>
          <artifactId>generated-client</artifactId>
          <version>1</version>
          <properties><maven.compiler.release>17</maven.compiler.release></properties>
        </project>
        """, StandardCharsets.UTF_8);

    String head = """
        package gen;

        import java.io.IOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import java.time.Duration;
        import java.util.ArrayList;
        import java.util.List;
        import javax.sql.DataSource;

        /** Generated: one method per endpoint and table. */
        public class GeneratedApiClient {
            private static final Duration TIMEOUT = Duration.ofSeconds(5);

            private final HttpClient http;
            private final String baseUrl;
            private final DataSource dataSource;

            public GeneratedApiClient(HttpClient http, String baseUrl, DataSource dataSource) {
                this.http = http;
                this.baseUrl = baseUrl;
                this.dataSource = dataSource;
            }

            public static void main(String[] args) {
                // created once: the planner may cache reads whose writers live in the same object
                GeneratedApiClient client = new GeneratedApiClient(HttpClient.newHttpClient(), args[0], null);
                System.out.println(client.fetchItem0(args[1]));
            }
        """;
    String tail = "}\n";
    StringBuilder text = new StringBuilder(head);
    for (int i = 0; ; i++) {
      String group = group(i);
      if (text.length() + group.length() + tail.length() > limit) {
        break;
      }
      text.append(group);
    }
    text.append(tail);
    Files.writeString(source, text, StandardCharsets.UTF_8);
    System.out.println(source + ": " + text.length() + " bytes");
  }

  /** Four members: an HTTP read, a JDBC read, the writer of the read's table, a loop of HTTP reads. */
  private static String group(int i) {
    int table = i % 64; // writers and reads of the same tables meet, as in a real data layer
    return """

            public String fetchItem%1$d(String id) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/items%1$d/" + id))
                        .timeout(TIMEOUT)
                        .header("Accept", "application/json")
                        .GET()
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    return response.body();
                } catch (IOException e) {
                    throw new IllegalStateException("item%1$d lookup failed for " + id, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }

            public String findRecord%1$d(long id) {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement statement = connection.prepareStatement(
                             "SELECT name FROM records_%2$d WHERE id = ?")) {
                    statement.setLong(1, id);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("record%1$d " + id, e);
                }
            }

            public void renameRecord%1$d(long id, String name) {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement statement = connection.prepareStatement(
                             "UPDATE records_%2$d SET name = ? WHERE id = ?")) {
                    statement.setString(1, name);
                    statement.setLong(2, id);
                    statement.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("record%1$d " + id, e);
                }
            }

            public List<String> fetchItems%1$d(List<String> ids) {
                List<String> items = new ArrayList<>();
                for (String id : ids) {
                    items.add(fetchItem%1$d(id));
                }
                return items;
            }
        """.formatted(i, table);
  }
}
