package dev.optkit.rewriters.caching.writers;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import dev.optkit.analyzers.parse.LanguageLevels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * JUnit extensions a test source registers anywhere in it, besides Spring's and Mockito's: {@code @ExtendWith} on a
 * test method, a field or a parameter, repeated, or in an {@code @Extensions} container (hostile review 81's T1 to
 * T5: each ran an {@code afterEach} callback reading through the cache after an {@code @AfterEach} write, before the
 * listener cleared it). Read from the file's syntax tree; a file that cannot be read counts as registering one.
 */
final class DeclaredExtensions {
  private static final Set<String> OURS = Set.of("SpringExtension", "MockitoExtension");
  private static final long MAX_BYTES = 2 * 1024 * 1024;

  private DeclaredExtensions() {}

  /** The extensions other than Spring's and Mockito's the file names, as written; empty when none. */
  static Optional<String> others(Path file) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
        return Optional.of("(a test source optkit cannot read)");
      }
      var parsed = new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevels.newest()))
          .parse(Files.readString(file, StandardCharsets.UTF_8));
      if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
        return Optional.of("(a test source optkit cannot parse)");
      }
      List<String> others = new ArrayList<>();
      CompilationUnit unit = parsed.getResult().get();
      for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
        String name = annotation.getName().getIdentifier();
        if (name.equals("RegisterExtension")) {
          others.add("@RegisterExtension");
        } else if (name.equals("ExtendWith")) {
          // its class literals (@Extensions' nested @ExtendWith are met by findAll themselves)
          List<ClassExpr> classes = annotation.findAll(ClassExpr.class);
          if (classes.isEmpty()) {
            others.add("@ExtendWith(" + annotation.getChildNodes().stream().skip(1).map(Object::toString)
                .reduce((a, b) -> a + ", " + b).orElse("") + ")");
          }
          for (ClassExpr literal : classes) {
            String extension = literal.getType().asString();
            if (!OURS.contains(extension.substring(extension.lastIndexOf('.') + 1))) {
              others.add(extension);
            }
          }
        }
      }
      return others.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", others.stream().distinct().toList()));
    } catch (IOException | RuntimeException | StackOverflowError unread) {
      return Optional.of("(a test source optkit cannot read)");
    }
  }
}
