package dev.optkit.analyzers.facts.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where no jar types a receiver, a type the file imports by name is that type: a client of the catalogue that shares
 * its simple name is not it (Airlift's {@code HttpClient.execute}, before the catalogue named it, was reported as Apache
 * HttpClient 4's, with a URL read from a header). Only a qualification optkit guesses (an on-demand import) is matched by the simple name.
 */
class ImportedNamesAreTheirTypesTest {
  @TempDir Path dir;

  private List<String> clients(String imports) {
    return new ProjectFixture(dir).java("""
        package shop;
        %s
        public class Info {
          private final HttpClient httpClient;
          public Info(HttpClient httpClient) { this.httpClient = httpClient; }
          public Object from(Object request, Object handler) { return httpClient.execute(request, handler); }
        }
        """.formatted(imports)).assess().findings().stream().filter(f -> "RemoteApiCall".equals(f.ruleId()))
        .map(f -> f.ruleId() + " " + f.details().get("client")).toList();
  }

  @Test
  void aTypeImportedByNameIsNotTheCatalogsClientOfTheSameSimpleName() {
    // beside an import of a package the catalogue knows (java.net, of URL's openStream), which makes a file's
    // unresolved receivers worth matching at all
    assertEquals(List.of(), clients("import com.acme.wire.HttpClient;\nimport java.net.URI;"));
    // Airlift's, the case it came from, is a client of its own since: its own, not Apache's
    assertEquals(List.of("RemoteApiCall airlift-httpclient"),
        clients("import io.airlift.http.client.HttpClient;\nimport java.net.URI;"));
  }

  @Test
  void theCatalogsOwnTypeImportedOrAGuessedOneIsTheClient() {
    assertEquals(List.of("RemoteApiCall apache-httpclient4"),
        clients("import org.apache.http.client.HttpClient;\nimport java.net.URI;"));
    assertEquals(List.of("RemoteApiCall apache-httpclient4"), clients("import org.apache.http.client.*;\nimport java.net.URI;"));
  }
}
