package dev.optkit.analyzers.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.OptkitConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources optkit does not read are said to be unread, so migrate proves no cache while they may hold a writer: a
 * {@code .java} symbolic link (never followed out of the project), a file whose unicode escapes javac reads as line
 * breaks, a Kotlin source; and a package named like build output inside {@code src} is read (hostile review 38's u7,
 * u8, u4, u1).
 */
class UnreadSourcesTest {
  @TempDir Path dir;

  private Assessment assess(Path root) {
    return new Assessor().assess(new Assessor.Options(List.of(root), List.of(), true, List.of(), false, 1, true,
        OptkitConfig.defaults(), "test", null), Assessor.Progress.NONE);
  }

  @Test
  void linksAndStructuralEscapesAreUnreadAndBuildPackagesAreRead() throws Exception {
    Path root = dir.resolve("shop");
    Path sources = root.resolve("src/main/java/shop");
    Files.createDirectories(sources.resolve("build"));
    Files.writeString(sources.resolve("build/Writer.java"), "package shop.build;\npublic class Writer {}\n");
    Files.writeString(sources.resolve("Hidden.java"), "package shop;\npublic class Hidden {\n"
        + "  void run() {\n    // note \\u000a System.exit(1);\n  }\n}\n");
    Path outside = dir.resolve("outside/Linked.java");
    Files.createDirectories(outside.getParent());
    Files.writeString(outside, "package shop;\npublic class Linked {}\n");
    Files.createSymbolicLink(sources.resolve("Linked.java"), outside);
    Files.createDirectories(root.resolve("src/main/kotlin/shop"));
    Files.writeString(root.resolve("src/main/kotlin/shop/Writer.kt"), "package shop\nclass Writer\n");
    Assessment assessment = assess(root);
    assertEquals(List.of("src/main/java/shop/build/Writer.java"),
        assessment.index().files().stream().map(f -> f.path()).toList());
    assertTrue(assessment.warnings().stream().anyMatch(w -> w.path().equals("src/main/java/shop/Linked.java")
        && w.message().contains("symbolic link")), assessment.warnings().toString());
    assertTrue(assessment.warnings().stream().anyMatch(w -> w.path().equals("src/main/kotlin/shop/Writer.kt")
        && w.message().contains("Java sources only")), assessment.warnings().toString());
    assertTrue(assessment.warnings().stream().anyMatch(w -> w.path().equals("src/main/java/shop/Hidden.java")
        && w.message().contains("unicode escapes")), assessment.warnings().toString());
  }

  /**
   * A source of another JVM language is unread where a build compiles it: in a {@code src} folder, or beside Java
   * sources. A pipeline script at the top of the repository or in a folder of scripts is compiled into nothing (a blind
   * trial's {@code Jenkinsfile-smoke.groovy} was counted as a file not parsed, and kept migrate from proving any cache).
   * An unread source of another language is no failed file either.
   */
  @Test
  void anotherLanguagesSourceIsUnreadWhereABuildCompilesIt() throws Exception {
    Path root = dir.resolve("shop");
    Files.createDirectories(root.resolve("src/main/java/shop"));
    Files.writeString(root.resolve("src/main/java/shop/Shop.java"), "package shop;\npublic class Shop {}\n");
    Files.writeString(root.resolve("Jenkinsfile-smoke.groovy"), "pipeline { agent any }\n");
    Files.createDirectories(root.resolve("scripts"));
    Files.writeString(root.resolve("scripts/release.groovy"), "println 'release'\n");
    Files.createDirectories(root.resolve("src/main/groovy/shop"));
    Files.writeString(root.resolve("src/main/groovy/shop/Writer.groovy"), "package shop\nclass Writer {}\n");
    Files.createDirectories(root.resolve("app/shop"));
    Files.writeString(root.resolve("app/shop/Page.java"), "package shop;\npublic class Page {}\n");
    Files.writeString(root.resolve("app/shop/Pages.scala"), "package shop\nclass Pages\n");
    // a Grails application's services compile from grails-app (a hostile review's writer there went unmentioned)
    Files.createDirectories(root.resolve("grails-app/services/shop"));
    Files.writeString(root.resolve("grails-app/services/shop/SettingsService.groovy"), "package shop\nclass S {}\n");
    assertEquals(List.of("app/shop/Pages.scala", "grails-app/services/shop/SettingsService.groovy",
        "src/main/groovy/shop/Writer.groovy"),
        SourceSet.scan(List.of(root), List.of(), true).unreadSources());
    Assessment assessment = assess(root);
    assertEquals(0, assessment.summary().filesFailed(), assessment.warnings().toString());
  }
}
