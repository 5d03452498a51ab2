package dev.optkit.rewriters;

import dev.optkit.rewriters.plan.NotCacheable;
import dev.optkit.analyzers.proof.Proof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A method not cached because it writes names the write it reaches, with its verb and the helper it is in: a GET whose
 * request carries a token from a sign-in POST made in a private helper was said to write "(Spring RestTemplate
 * exchange())", which read as the GET misread (trial 105's quiz service).
 */
class WriteNamedInReasonTest {
  @TempDir Path dir;

  @Test
  void theWriteANotCacheableReadReachesIsNamedWithItsVerbAndHelper() {
    MigrationPlan plan = new MigrationFixture(dir).java("""
        package shop;

        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;

        public class Quizzes {
            private final HttpClient http = HttpClient.newHttpClient();

            private String signIn() throws Exception {
                return http.send(HttpRequest.newBuilder(URI.create("http://quiz/api/auth/signin"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
            }

            public String byTitle(String title) throws Exception {
                String token = signIn();
                return http.send(HttpRequest.newBuilder(URI.create("http://quiz/api/quiz?title=" + title))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            }
        }
        """).plan();
    List<String> byTitle = plan.notCacheable().stream().filter(read -> read.method().equals("Quizzes.byTitle()"))
        .peek(read -> assertEquals(Proof.OWN_WRITE, read.reason().proof())).map(NotCacheable::line).toList();
    assertEquals(1, byTitle.size(), plan.notCacheable().toString());
    assertTrue(byTitle.get(0).contains("writes (POST ") && byTitle.get(0).contains("/api/auth/signin")
        && byTitle.get(0).contains("via Quizzes.signIn"), byTitle.get(0));
  }
}
