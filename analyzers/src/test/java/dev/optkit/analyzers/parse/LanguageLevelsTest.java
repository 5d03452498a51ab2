package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * migrate's trees keep every position and comment without their tokens, and the check of a
 * rewritten file accepts exactly what a full parse accepts.
 */
class LanguageLevelsTest {
  private static final List<String> REJECTED = List.of(
      "class A { void f() { int x = ; } }", // a syntax error
      "record R(int a) { int b; }", // grammar takes it, the language rejects it
      "class A { void f() { } ");

  @Test
  void theCheckAcceptsWhatTheParseAccepts() throws IOException {
    List<String> sources = new ArrayList<>(REJECTED);
    sources.add("class A { int _ = 1; }"); // only at the legacy level
    sources.addAll(sampleSources());
    for (String source : sources) {
      assertEquals(LanguageLevels.parse(source).isPresent(), LanguageLevels.parses(source), source);
    }
    for (String source : REJECTED) {
      assertFalse(LanguageLevels.parses(source), source);
    }
    assertTrue(sources.size() > REJECTED.size() + 20, "the samples were read");
  }

  @Test
  void withoutTokensEveryNodeKeepsItsPositionAndComment() throws IOException {
    for (String source : sampleSources()) {
      CompilationUnit full = new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevels.newest()))
          .parse(source).getResult().orElseThrow();
      CompilationUnit light = LanguageLevels.parse(source).orElseThrow();
      List<Node> expected = full.findAll(Node.class);
      List<Node> actual = light.findAll(Node.class);
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i).getRange(), actual.get(i).getRange(), expected.get(i).toString());
        assertEquals(expected.get(i).getComment().map(Node::getRange), actual.get(i).getComment().map(Node::getRange));
        assertFalse(actual.get(i).getTokenRange().isPresent());
      }
      assertEquals(full.getAllContainedComments().size(), light.getAllContainedComments().size());
    }
  }

  private static List<String> sampleSources() throws IOException {
    Path samples = Path.of("..", "samples");
    try (Stream<Path> files = Files.walk(samples)) {
      List<String> sources = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.add(Files.readString(file));
      }
      return sources;
    }
  }
}
