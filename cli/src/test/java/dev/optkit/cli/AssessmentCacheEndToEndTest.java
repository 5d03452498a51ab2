package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every report is the same, byte for byte, whether a run reuses the last answer or computes it. */
class AssessmentCacheEndToEndTest {
  @TempDir Path dir;

  private static String[] assess(Path project, String format, String... more) {
    String[] base = {"assess", project.toString(), "--no-maven-repo", "--format", format};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return args;
  }

  @Test
  void reportsFromTheStoredAnswerEqualThoseOfAFullRun() throws Exception {
    Path project = SampleCheckout.create(dir, "spring-service");
    CliRun first = CliRun.of(assess(project, "terminal"));
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(Files.isRegularFile(project.resolve(".optkit/cache/assessment-v1.smile")), "the answer is stored");
    CliRun second = CliRun.of(assess(project, "terminal"));
    assertTrue(second.out().contains("nothing changed since the last run: its answer reused"), second.out());
    assertEquals(first.out().replaceAll("\\(\\d+\\.\\d s, .*\\)", ""),
        second.out().replaceAll("\\(\\d+\\.\\d s, .*\\)", ""), "the same report but for the run's statistics");
    for (String format : new String[] {"json", "sarif", "markdown"}) {
      CliRun cached = CliRun.of(assess(project, format));
      CliRun full = CliRun.of(assess(project, format, "--no-cache"));
      assertEquals(full.exitCode(), cached.exitCode());
      assertEquals(full.out(), cached.out(), format);
    }
    // --since narrows by each finding's member range, which the stored answer keeps
    Path service = project.resolve("src/main/java/dev/optkit/samples/spring/SettlementService.java");
    assertTrue(Files.isRegularFile(service), "sample layout changed: " + service);
    Files.writeString(service, Files.readString(service).replaceFirst("\\}\\s*$", "")
        + "\n  public String touched() {\n    return \"x\";\n  }\n}\n");
    CliRun refresh = CliRun.of(assess(project, "terminal"));
    assertEquals(0, refresh.exitCode(), refresh.err());
    assertTrue(!refresh.out().contains("its answer reused"), "a changed file makes a full run: " + refresh.out());
    CliRun cachedSince = CliRun.of(assess(project, "json", "--since", "HEAD"));
    CliRun fullSince = CliRun.of(assess(project, "json", "--since", "HEAD", "--no-cache"));
    assertEquals(fullSince.out(), cachedSince.out());
    assertTrue(fullSince.out().contains("\"outsideChanges\""), fullSince.out());
  }
}
