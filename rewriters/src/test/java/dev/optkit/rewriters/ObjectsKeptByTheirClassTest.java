package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An object that puts itself in its class's state ({@code REVOKED.add(this)}) changes what it answers ({@code valid()}
 * asks {@code REVOKED.contains(this)}): a cached one is the same object for every caller, so a badge one caller revoked
 * would be revoked for the next (hostile review 106's F1: the second entry was refused).
 */
class ObjectsKeptByTheirClassTest {
  @TempDir Path dir;

  private static final String BADGE = """
      package shop;

      import java.util.Collections;
      import java.util.IdentityHashMap;
      import java.util.Set;

      public class Badge {
          private static final Set<Badge> REVOKED = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
          private final String holder;

          public Badge(String holder) {
              this.holder = holder;
          }

          public void revoke() {
              REVOKED.add(this);
          }

          public boolean valid() {
              return !REVOKED.contains(this);
          }
      }
      """;

  private static final String DIRECTORY = """
      package shop;

      import java.io.IOException;
      import java.io.InputStream;
      import java.io.UncheckedIOException;
      import java.net.HttpURLConnection;
      import java.net.URI;
      import java.nio.charset.StandardCharsets;

      public class BadgeDirectory {
          private final String baseUrl;

          public BadgeDirectory(String baseUrl) {
              this.baseUrl = baseUrl;
          }

          public Badge loadBadge(String employeeId) {
              try {
                  HttpURLConnection connection = (HttpURLConnection)
                          URI.create(baseUrl + "/badges/" + employeeId).toURL().openConnection();
                  try (InputStream body = connection.getInputStream()) {
                      return new Badge(new String(body.readAllBytes(), StandardCharsets.UTF_8).trim());
                  } finally {
                      connection.disconnect();
                  }
              } catch (IOException e) {
                  throw new UncheckedIOException(e);
              }
          }
      }
      """;

  private static final String GATE = """
      package shop;

      public class Gate {
          private final BadgeDirectory directory;

          public Gate(BadgeDirectory directory) {
              this.directory = directory;
          }

          public boolean enterOnce(String employeeId) {
              Badge badge = directory.loadBadge(employeeId);
              if (!badge.valid()) {
                  return false;
              }
              badge.revoke();
              return true;
          }
      }
      """;

  @Test
  void anObjectThatPutsItselfInItsClassesStateIsNoCachedAnswer() {
    MigrationPlan plan = new MigrationFixture(dir).java(BADGE).java(DIRECTORY).java(GATE).plan();
    assertEquals(List.of(), plan.targets(), plan.refusals().toString());
    assertEquals(List.of(Proof.RESULT_CHANGED), plan.refusals().stream()
        .filter(r -> r.finding().enclosingMethod().startsWith("loadBadge")).map(Refusal::proof).toList());
  }
}
