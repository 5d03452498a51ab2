package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a method that does I/O is no cacheable read is a proof with an id, as migrate's refusals are: each method below
 * is no candidate for one reason, and the id names it. The near miss (a read by a value key) has no reason. A call
 * site gets the same ids: a write is {@code cache.writes}, a call a cache answers {@code cache.already-cached}.
 */
class NotCacheableReasonsTest {
  @TempDir Path dir;

  private static final String CLIENT = """
      package shop;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.sql.Connection;
      import java.util.List;
      import java.util.stream.Stream;
      class Catalog {
        private final HttpClient http = HttpClient.newHttpClient();
        private Connection connection;
        private int calls;
        private String get(String path) throws Exception {
          return http.send(HttpRequest.newBuilder(URI.create("http://catalog" + path)).build(),
              HttpResponse.BodyHandlers.ofString()).body();
        }
        private String post(String path) throws Exception {
          return http.send(HttpRequest.newBuilder(URI.create("http://catalog" + path))
              .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
        String fetchName(long id) throws Exception { return get("/names/" + id); }
        void warm(long id) throws Exception { get("/names/" + id); }
        String register(String name) throws Exception { post("/names/" + name); return get("/names/" + name); }
        String counted(long id) throws Exception { return get("/names/" + id + "/" + calls); }
        void bump() { calls++; }
        String byIds(long[] ids) throws Exception { return get("/names/" + ids.length); }
        Stream<String> lines(long id) throws Exception { return get("/names/" + id).lines(); }
        int run(String sql) throws Exception { return connection.createStatement().execute(sql) ? 1 : 0; }
        String orNull(long id) {
          try { return get("/names/" + id); } catch (Exception e) { return null; }
        }
        String orNone(long id) throws Exception {
          try { return get("/names/" + id); } catch (java.util.NoSuchElementException e) { return "none"; }
        }
        String viaHelper(long id) { return orNull(id); }
        String firstOrNull(long id) throws Exception {
          try { return get("/names/" + id).split(",")[0]; } catch (IndexOutOfBoundsException e) { return null; }
        }
        String logged(long id) {
          try {
            return get("/names/" + id);
          } catch (Exception e) {
            System.err.println(e);
          }
          return null;
        }
        String retriedInALoop(long id) throws Exception {
          for (int attempt = 0; attempt < 3; attempt++) {
            try { return get("/names/" + id); } catch (java.io.IOException e) { System.err.println(e); }
          }
          throw new IllegalStateException("no answer");
        }
        String handle(String text) { return text.trim(); }
        String handled(long id) throws Exception { return handle(get("/names/" + id)); }
        String orEmpty(long id) {
          try { return get("/names/" + id); } catch (Exception e) { return ""; }
        }
        String madeFromANull(long id) { return java.util.Objects.requireNonNullElse(orNull(id), "none"); }
        String wrappedNull(long id) { return new StringBuilder(String.valueOf(orNull(id))).toString(); }
        String fallbackBeforeTheNull(long id, boolean stale) {
          try {
            return get("/names/" + id);
          } catch (Exception e) {
            System.err.println(e);
          }
          if (stale) {
            return "last known";
          }
          return null;
        }
        String nullInAStream(List<Long> ids) {
          return String.join(",", ids.stream().map(id -> {
            try { return get("/names/" + id); } catch (Exception e) { return null; }
          }).toList());
        }
        String finallyAnswers(long id) {
          try { return get("/names/" + id); } catch (Exception e) { return null; } finally { if (id < 0) { return "?"; } }
        }
        java.util.Optional<String> orEmptyOptional(long id) {
          try { return java.util.Optional.of(get("/names/" + id)); } catch (Exception e) { return java.util.Optional.empty(); }
        }
        String retried(long id) throws Exception {
          try { return get("/names/" + id); } catch (java.io.IOException e) { throw new IllegalStateException(e); }
        }
      }
      """;

  private Map<String, Optional<Proof>> reasons(Assessment assessment) {
    RuleContext context = new RuleContext(assessment.index(), List.of());
    Map<String, Optional<Proof>> byMethod = new TreeMap<>();
    for (IndexedMethod method : assessment.index().methods()) {
      byMethod.put(method.member(), CacheableReadMethodRule.whyNotCacheable(context, method).map(Reason::proof));
    }
    return byMethod;
  }

  @Test
  void eachMethodThatIsNoCacheableReadNamesTheProofThatDoesNotHold() {
    Map<String, Optional<Proof>> reasons = reasons(new ProjectFixture(dir).java(CLIENT).assess());
    assertEquals(Optional.empty(), reasons.get("fetchName(long)"), "a read by a value key: " + reasons);
    assertEquals(Optional.of(Proof.NO_RESULT), reasons.get("warm(long)"), reasons.toString());
    assertEquals(Optional.of(Proof.OWN_WRITE), reasons.get("register(String)"), reasons.toString());
    assertEquals(Optional.of(Proof.KEY_MISSES_STATE), reasons.get("counted(long)"), reasons.toString());
    assertEquals(Optional.of(Proof.UNKEYABLE_PARAMETER), reasons.get("byIds(long[])"), reasons.toString());
    assertEquals(Optional.of(Proof.ONE_SHOT_RESULT), reasons.get("lines(long)"), reasons.toString());
    // SQL handed in at run time: no reader can say whether it reads, so no cache is proposed, and the reason says so
    assertEquals(Optional.of(Proof.UNKNOWN_ACCESS), reasons.get("run(String)"), reasons.toString());
  }

  /**
   * A stand-in answered when a call fails (a trial's RestTemplate proxy returned "" or a default on
   * RestClientException) is no answer to keep: cached, the outage's answer outlives the outage. So is a value made from
   * a failure's null (requireNonNullElse(null, "none")), and a null that a lambda's catch puts inside the answer. A
   * catch of what is itself an answer (nothing found), or one that throws again, keeps the method cacheable.
   */
  @Test
  void aStandInAnsweredOnFailureIsNoAnswerToCache() {
    Map<String, Optional<Proof>> reasons = reasons(new ProjectFixture(dir).java(CLIENT).assess());
    assertEquals(Optional.of(Proof.FAILURE_ANSWER), reasons.get("orEmpty(long)"), reasons.toString());
    assertEquals(Optional.of(Proof.FAILURE_ANSWER), reasons.get("madeFromANull(long)"), reasons.toString());
    assertEquals(Optional.of(Proof.FAILURE_ANSWER), reasons.get("wrappedNull(long)"), reasons.toString());
    assertEquals(Optional.of(Proof.FAILURE_ANSWER), reasons.get("fallbackBeforeTheNull(long, boolean)"), reasons.toString());
    assertEquals(Optional.of(Proof.FAILURE_ANSWER), reasons.get("nullInAStream(List<Long>)"), reasons.toString());
    assertEquals(Optional.of(Proof.FAILURE_ANSWER), reasons.get("finallyAnswers(long)"), reasons.toString());
    // a loop that tries again answers none
    assertEquals(Optional.empty(), reasons.get("retriedInALoop(long)"), reasons.toString());
    assertEquals(Optional.empty(), reasons.get("orNone(long)"), reasons.toString());
    // an index past the end is the same for the same answer: no failure of the call (a corpus project's get(0) on rows)
    assertEquals(Optional.empty(), reasons.get("firstOrNull(long)"), reasons.toString());
    assertEquals(Optional.empty(), reasons.get("retried(long)"), reasons.toString());
    // a project's own handle() is no future's handle(), which recovers with a stand-in
    assertEquals(Optional.empty(), reasons.get("handled(long)"), reasons.toString());
  }

  /**
   * A failure that answers no value (null, an empty Optional), returned as it is, through a helper whose result the
   * method returns whole, or after a catch that logs and goes on (a trial's RestTemplate proxy): cacheable, on the
   * condition that a null answer is never stored, which migrate's cache then keeps.
   */
  @Test
  void aFailureAnsweringNoValueIsCacheableIfNullIsNeverStored() {
    Assessment assessment = new ProjectFixture(dir).java(CLIENT).assess();
    Map<String, Optional<Proof>> reasons = reasons(assessment);
    for (String method : List.of("orNull(long)", "viaHelper(long)", "logged(long)", "orEmptyOptional(long)")) {
      assertEquals(Optional.empty(), reasons.get(method), method + ": " + reasons);
      assertTrue(verdict(assessment, method) instanceof FailureAnswerReads.Verdict.NoValue, method);
    }
    assertTrue(verdict(assessment, "fetchName(long)") instanceof FailureAnswerReads.Verdict.Propagates);
    assertTrue(verdict(assessment, "orEmpty(long)") instanceof FailureAnswerReads.Verdict.StandIn);
  }

  /**
   * A remote API that answers its failures in a successful response's body ({@code {"success": false}} with HTTP 200,
   * as a usefulness trial's currency API did: the cached failure outlived the outage by its TTL): an answer whose type
   * has the flag that tells success from failure is no answer to keep. The same flag on a row read from a database
   * (a payment that succeeded or not) is data.
   */
  @Test
  void aRemoteAnswerCarryingItsFailureFlagIsNoAnswerToCache() {
    Assessment assessment = new ProjectFixture(dir).java("""
        package shop;
        public class Rates {
          private boolean success;
          private java.util.Map<String, Double> rates;
          public boolean isSuccess() { return success; }
          public java.util.Map<String, Double> getRates() { return rates; }
        }
        """).java("""
        package shop;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.sql.Connection;
        class RateClient {
          private final HttpClient http = HttpClient.newHttpClient();
          private Connection connection;
          Rates latest(String base) throws Exception {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://rates/latest?base=" + base)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            return parse(body);
          }
          Rates stored(String base) throws Exception {
            var rows = connection.prepareStatement("SELECT success FROM rates WHERE base = ?").executeQuery();
            return parse(rows.getString(1));
          }
          private static Rates parse(String text) { return new Rates(); }
        }
        """).assess();
    Map<String, Optional<Proof>> reasons = reasons(assessment);
    assertEquals(Optional.of(Proof.FAILURE_ANSWER), reasons.get("latest(String)"), reasons.toString());
    assertEquals(Optional.empty(), reasons.get("stored(String)"), reasons.toString());
  }

  private static FailureAnswerReads.Verdict verdict(Assessment assessment, String member) {
    return FailureAnswerReads.of(assessment.index(), assessment.index().methods().stream()
        .filter(m -> m.member().equals(member)).findFirst().orElseThrow());
  }

  @Test
  void aCallSiteThatIsNoCacheCandidateCarriesTheProofsId() {
    List<Finding> findings = new ProjectFixture(dir).java(CLIENT).assess().findings();
    List<Finding> writes = findings.stream().filter(f -> f.ruleId().equals("RemoteApiCall"))
        .filter(f -> "write".equals(f.details().get("access"))).toList();
    assertTrue(!writes.isEmpty(), findings.toString());
    writes.forEach(write -> assertEquals(Proof.OWN_WRITE.id(), write.refusalId(), write.toString()));
    // a read is fixed by caching its method: no refusal of its own
    findings.stream().filter(f -> f.ruleId().equals("RemoteApiCall")).filter(f -> "read".equals(f.details().get("access")))
        .forEach(read -> assertEquals(null, read.refusalId(), read.toString()));
  }
}
