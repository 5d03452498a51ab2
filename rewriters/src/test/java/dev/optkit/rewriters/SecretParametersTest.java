package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a parameter named like a secret is: a number named {@code sessionId} is no secret. Each case's comment names
 * the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came
 * from, and its project (a case naming none is from the first audit, a review of 30 refusals on four projects);
 * each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class SecretParametersTest extends SpringProjectPlans {
  // ---- eighth audit: a number named sessionId (kachmarAndrew/cinema-system: "parameter 'sessionId' looks like a
  // secret", a screening's Long id)

  @Test
  void aNumberNamedLikeASecretIsNoSecret() {
    MigrationPlan plan = caseProject("audit8", "s5-sessionid").plan();
    Optional<String> reason = refusalStartingWith(plan, "seats");
    assertFalse(reason.isPresent() && reason.get().contains("looks like a secret"), reason.toString());
    // its true twin: a String session id is a login's, kept in memory by a cache key
    MigrationPlan text = caseProject("audit8", "s5-sessionid").file("src/main/java/r/TicketService.java",
        readResource("/audit8/s5-sessionid/src/main/java/r/TicketService.java").replace("Long sessionId", "String sessionId")
            .replace("findAllBySessionId(sessionId)", "findAllBySessionId(Long.valueOf(sessionId))")).plan();
    String refused = refusalStartingWith(text, "seats").orElseThrow(() -> new AssertionError(text.targets()));
    assertTrue(refused.contains("looks like a secret"), refused);
  }

  private static String readResource(String path) {
    try {
      return new String(SecretParametersTest.class.getResourceAsStream(path).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
