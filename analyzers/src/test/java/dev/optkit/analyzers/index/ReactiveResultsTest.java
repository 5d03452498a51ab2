package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.MethodFact;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reactive publisher is no web response: a Mono a batch job or a client returns is refused because a cache would keep
 * its pipeline, not because it belongs to one request. Each answer comes from its own reader. (A trial's client
 * returning {@code Mono<Weather>} was told it "returns a web response type".)
 */
class ReactiveResultsTest {
  @TempDir Path dir;

  @Test
  void aPublisherIsReadAsAPublisherAndAResponseEntityAsAWebResponse() {
    var index = new ProjectFixture(dir).java("""
        package shop;
        class Weather {
          reactor.core.publisher.Mono<String> today(String city) { return null; }
          org.springframework.http.ResponseEntity<String> page(String city) { return null; }
          String plain(String city) { return city; }
        }
        """).assess().index();
    List<String> publishers = index.methods().stream().map(IndexedMethod::fact)
        .filter(fact -> WebEntryPoints.whyPublisher(fact).isPresent()).map(MethodFact::name).toList();
    List<String> responses = index.methods().stream().map(IndexedMethod::fact)
        .filter(fact -> WebEntryPoints.whyWebResult(fact).isPresent()).map(MethodFact::name).toList();
    assertEquals(List.of("today"), publishers);
    assertEquals(List.of("page"), responses);
  }
}
