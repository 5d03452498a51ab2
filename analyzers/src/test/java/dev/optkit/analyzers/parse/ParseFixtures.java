package dev.optkit.analyzers.parse;

/** Sources the parse tests share. */
final class ParseFixtures {
  private ParseFixtures() {}

  /** A JDK HttpClient call over two lines, resolvable without any jar: one API call site. */
  static final String RATES_CLIENT = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public class Rates {
          private final HttpClient http = HttpClient.newHttpClient();

          public String rate(String currency) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://rates.example.com/" + currency)).build(),
                  HttpResponse.BodyHandlers.ofString()).body();
          }
      }
      """;
}
