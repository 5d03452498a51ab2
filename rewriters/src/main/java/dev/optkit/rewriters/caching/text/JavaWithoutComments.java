package dev.optkit.rewriters.caching.text;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import dev.optkit.analyzers.parse.LanguageLevels;

/**
 * A Java source's text without its comments, read by JavaParser's own tokens (a Javadoc naming {@code
 * RequestDispatcher} calls nothing: hostile review 48). Text that does not parse stays whole: its comments count.
 */
public final class JavaWithoutComments {
  private JavaWithoutComments() {}

  public static String of(String source) {
    try {
      var result = new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevels.newest())).parse(source);
      if (!result.isSuccessful() || result.getResult().flatMap(CompilationUnit::getTokenRange).isEmpty()) {
        return source;
      }
      StringBuilder code = new StringBuilder(source.length());
      for (JavaToken token : result.getResult().get().getTokenRange().get()) {
        if (!token.getCategory().isComment()) {
          code.append(token.getText());
        }
      }
      return code.toString();
    } catch (RuntimeException | StackOverflowError unparsed) {
      return source;
    }
  }
}
