package dev.optkit.analyzers.parse;

import com.github.javaparser.ParserConfiguration.LanguageLevel;
import java.util.Arrays;
import java.util.Comparator;

/** The language levels optkit parses at: the newest JavaParser knows, then older ones for legacy code. */
public final class LanguageLevels {
  private LanguageLevels() {}

  /** The newest non-preview level of the JavaParser on the classpath. */
  public static LanguageLevel newest() {
    return Arrays.stream(LanguageLevel.values())
        .filter(level -> level.name().matches("JAVA_\\d+"))
        .max(Comparator.comparingInt(level -> Integer.parseInt(level.name().substring("JAVA_".length()))))
        .orElse(LanguageLevel.CURRENT);
  }

  /**
   * The level to retry at when the newest rejects a file: Java 8 accepts identifiers that later
   * versions reserved ({@code _}, {@code var}-free code using {@code enum}-era names, {@code yield}).
   */
  public static LanguageLevel legacy() {
    return LanguageLevel.JAVA_8;
  }

  /** Parses text at the newest level, then the legacy one; empty when neither accepts it. */
  public static java.util.Optional<com.github.javaparser.ast.CompilationUnit> parse(String text) {
    for (LanguageLevel level : new LanguageLevel[] {newest(), legacy()}) {
      var result = new com.github.javaparser.JavaParser(new com.github.javaparser.ParserConfiguration().setLanguageLevel(level))
          .parse(text);
      if (result.isSuccessful()) {
        return result.getResult();
      }
    }
    return java.util.Optional.empty();
  }
}
