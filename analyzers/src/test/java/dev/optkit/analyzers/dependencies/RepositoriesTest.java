package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.maven.model.Repository;
import org.junit.jupiter.api.Test;

/** Which repositories a scanned pom can make optkit fetch from. */
class RepositoriesTest {
  private final Repositories repositories = new Repositories("https://central.example/maven2/");

  private static Repository named(String id, String url) {
    Repository repository = new Repository();
    repository.setId(id);
    repository.setUrl(url);
    return repository;
  }

  @Test
  void httpsAndLoopbackHttpAreFetchedFromFilesAndClearTextElsewhereAreNot() {
    assertEquals("https://repo.acme.example/releases", repositories.remote(named("acme", "https://repo.acme.example/releases")).getUrl());
    assertEquals("http://127.0.0.1:8081/repo", repositories.remote(named("local", "http://127.0.0.1:8081/repo")).getUrl());
    assertNull(repositories.remote(named("plain", "http://repo.acme.example/releases")));
    assertNull(repositories.remote(named("disk", "file:///etc")));
    assertNull(repositories.remote(named("jar", "jar:file:/x.jar!/")));
    assertNull(repositories.remote(named("nothing", null)));
    // the super pom's central is wherever the settings say
    assertEquals("https://central.example/maven2/", repositories.remote(named("central", "https://other/")).getUrl());
  }
}
