package dev.optkit.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaches the packaged agent to a child JVM that makes a known number of calls, and checks the counts exactly. */
class CallCountingAgentIT {
  @TempDir Path dir;

  private static final String SITE = "dev.optkit.agent.AgentWorkload.";

  @Test
  void countsEveryRequestAndStatementOncePerCallSite() throws Exception {
    Run run = run(javaOf(System.getProperty("java.home")), "");
    assertEquals(0, run.exit, run.output);
    assertTrue(run.output.contains("served=21"), run.output);
    Map<String, Long> perMethod = countsPerMethod(run.lines);
    assertEquals(Map.of(
        "http " + SITE + "javaNetHttp", 9L,
        "http " + SITE + "urlConnections", 5L,
        "http " + SITE + "okHttp", 3L,
        "http " + SITE + "apacheClassic", 4L,
        "jdbc " + SITE + "jdbc", 10L), perMethod, String.join("\n", run.lines));
    long errors = run.lines.stream().mapToLong(l -> Long.parseLong(l.split("\t")[3])).sum();
    assertEquals(1, errors, "the failing SELECT is counted as an error");
    assertTrue(run.lines.stream().allMatch(l -> Long.parseLong(l.split("\t")[4]) > 0), "latency recorded");
  }

  @Test
  void worksOnTheNewestJdkToo() throws Exception {
    Path jdk25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    assumeTrue(Files.isExecutable(jdk25), "no JDK 25 on this machine");
    Run run = run(jdk25.toString(), "");
    assertEquals(0, run.exit, run.output);
    assertEquals(31L, countsPerMethod(run.lines).values().stream().mapToLong(Long::longValue).sum(), run.output);
  }

  @Test
  void aJvmThatCallsNothingWritesNoLines() throws Exception {
    Run run = run(javaOf(System.getProperty("java.home")), "idle");
    assertEquals(0, run.exit, run.output);
    assertEquals(List.of(), run.lines);
  }

  private static Map<String, Long> countsPerMethod(List<String> lines) {
    Map<String, Long> perMethod = new TreeMap<>();
    for (String line : lines) {
      String[] f = line.split("\t");
      String method = f[1].substring(0, f[1].lastIndexOf(':'));
      perMethod.merge(f[0] + " " + method, Long.parseLong(f[2]), Long::sum);
    }
    return perMethod;
  }

  private record Run(int exit, String output, List<String> lines) {}

  private Run run(String java, String mode) throws Exception {
    Path out = dir.resolve("counts-" + System.nanoTime() + ".tsv");
    String agent = System.getProperty("optkit.agent.jar");
    List<String> command = new ArrayList<>(List.of(java, "-javaagent:" + agent + "=out=" + out,
        "-cp", System.getProperty("java.class.path"), AgentWorkload.class.getName()));
    if (!mode.isEmpty()) {
      command.add(mode);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    List<String> lines = Files.exists(out) ? Files.readAllLines(out) : List.of("missing " + out);
    return new Run(process.exitValue(), output, lines);
  }

  private static String javaOf(String home) {
    return Path.of(home, "bin", "java").toString();
  }
}
