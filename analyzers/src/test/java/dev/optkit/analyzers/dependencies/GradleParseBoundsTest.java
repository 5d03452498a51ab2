package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 67: whether a build script is read depends on its text, never on how loaded the machine is. The bounds are
 * counted on the text before any parse; the wall-clock backstop is tested with work that cannot end, not with a slow
 * parse.
 */
class GradleParseBoundsTest {
  @TempDir Path temp;

  /** Nesting without a bracket: 10,000 chained assignments held Groovy's parser for minutes; refused unparsed. */
  @Test
  void aStatementOfTooManyOperatorsIsRefusedBeforeAnyParse() throws Exception {
    String assignments = "x = ".repeat(10_000) + "c\n";
    String ternaries = "x = " + "a ?\n  b :\n  ".repeat(25_000) + "c\n"; // line breaks after operators: one statement
    String parenthesised = "x = " + "(a) + ".repeat(5_000) + "c\n"; // brackets do not end the statement
    for (String text : new String[] {assignments, ternaries, parenthesised}) {
      assertTrue(GradleSyntax.chain(text) > GradleSyntax.MAX_CHAIN);
      assertEquals("a statement of more than 1000 operators", GradleSyntax.refusal(text).orElseThrow());
    }
    Files.writeString(temp.resolve("build.gradle"), assignments);
    assertEquals("not read: a statement of more than 1000 operators",
        GradleScript.read(temp.resolve("build.gradle"), temp, Map.of()).problem());
    Files.writeString(temp.resolve("build.gradle.kts"), assignments.replace("x = ", "x = x + "));
    assertEquals("not read: a statement of more than 1000 operators",
        GradleScript.read(temp.resolve("build.gradle.kts"), temp, Map.of()).problem());
  }

  /** At the bound, the chain parses (the parse thread's stack holds it): the bound is below where Groovy gives out. */
  @Test
  void aChainAtTheBoundIsParsed() {
    String atBound = "x = ".repeat(GradleSyntax.MAX_CHAIN) + "c\n";
    assertEquals(GradleSyntax.MAX_CHAIN, GradleSyntax.chain(atBound));
    assertTrue(GradleSyntax.syntaxTree(atBound).isPresent());
    String ternaries = "x = " + "a ?\n  b :\n  ".repeat(GradleSyntax.MAX_CHAIN / 2 - 1) + "c\n"; // with its =: 999
    assertNull(GradleSyntax.parsed(ternaries).problem());
  }

  /** Real scripts are far from the bound: statements end at line breaks, comments and plain strings are skipped. */
  @Test
  void realScriptsAreFarFromTheOperatorBound() {
    String header = "/*\n" + " * Licensed under the Apache License, Version 2.0 - see LICENSE, NOTICE; a, b, c.\n".repeat(400)
        + " */\n" + "// ------------------------------------------------------------------------------------\n".repeat(50);
    String dependencies = "dependencies {\n"
        + "    implementation 'org.springframework.boot:spring-boot-starter-web:3.3.0' // web, json, tomcat\n".repeat(2_000)
        + "    implementation \"com.acme:vendor:${vendorVersion}\"\n"
        + "    testImplementation('org.junit.jupiter:junit-jupiter:5.10.0') { exclude group: 'a', module: 'b' }\n"
        + "}\n";
    String repositories = "repositories { maven { url = uri('https://repo.example.com/a/b/c?x=1&y=2') } }\n";
    String script = header + "plugins {\n  id 'java'\n}\n" + repositories + dependencies
        + "def v = project.hasProperty('v') ? project.v : '1.0'\n"
        + "tasks.withType(JavaCompile).configureEach {\n  options.compilerArgs += ['-Xlint:all', '-Werror']\n}\n";
    assertTrue(GradleSyntax.chain(script) < 20, String.valueOf(GradleSyntax.chain(script)));
    assertTrue(GradleSyntax.refusal(script).isEmpty());
    assertTrue(GradleSyntax.syntaxTree(script).isPresent());
  }

  @Test
  void aScriptOverTheSizeBoundIsRefusedUnparsed() {
    String large = "// " + "x".repeat(GradleSyntax.MAX_CHARS) + "\n";
    assertEquals("over " + GradleSyntax.MAX_CHARS + " characters", GradleSyntax.refusal(large).orElseThrow());
    assertEquals("over " + GradleSyntax.MAX_CHARS + " characters", GradleSyntax.parsed(large).problem());
    assertEquals("over " + GradleSyntax.MAX_CHARS + " characters", KotlinSyntax.parsed(large).problem());
  }

  /**
   * The backstop, with work that cannot end until the test lets it: it is reached whatever the machine's load (the
   * work is told to stop and left behind); work that ends is its result, work that fails is "not Groovy".
   */
  @Test
  void theBackstopStopsWorkThatDoesNotEnd() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean stopped = new AtomicBoolean();
    try {
      GradleSyntax.Parsed<String> held = GradleSyntax.bounded("test-held", () -> {
        never.await();
        return "late";
      }, Duration.ofMillis(1), () -> stopped.set(true));
      assertNull(held.tree());
      assertEquals(GradleSyntax.backstopProblem(Duration.ofMillis(1)), held.problem());
      assertTrue(held.problem().startsWith("its parse did not end in 0 s, optkit's last-resort limit"));
      assertTrue(stopped.get(), "the work is told to stop");
    } finally {
      never.countDown();
    }
    assertEquals("tree", GradleSyntax.bounded("test-ends", () -> "tree", Duration.ofDays(1), () -> {}).tree());
    assertEquals(GradleSyntax.NOT_GROOVY, GradleSyntax.bounded("test-fails", () -> {
      throw new StackOverflowError();
    }, Duration.ofDays(1), () -> {}).problem());
    assertTrue(GradleSyntax.BACKSTOP_SECONDS >= 60, "a last resort, far above a bounded parse's seconds");
  }
}
