package dev.optkit.analyzers.parse;

import com.github.javaparser.GeneratedJavaParserConstants;
import com.github.javaparser.GeneratedJavaParserTokenManager;
import com.github.javaparser.SimpleCharStream;
import com.github.javaparser.StringProvider;
import com.github.javaparser.TokenMgrException;
import java.util.Optional;

/**
 * Where JavaParser's lexer stops on a file: a lexical error (a stray {@code #}, a string literal not closed on its
 * line) is reported by the parser with no position, so the file's own tokens are read again, by the same lexer,
 * up to the character it cannot take.
 */
final class LexicalErrorPosition {
  /** A 1-based line and column. */
  record At(int line, int column) {}

  private LexicalErrorPosition() {}

  /** The position of the first lexical error in {@code content}; empty when it has none. */
  static Optional<At> of(String content) {
    SimpleCharStream stream = new SimpleCharStream(new StringProvider(content));
    GeneratedJavaParserTokenManager lexer = new GeneratedJavaParserTokenManager(stream);
    try {
      // every token but the end takes at least one character: the loop ends by the text's length
      for (int tokens = 0; tokens <= content.length(); tokens++) {
        if (lexer.getNextToken().kind == GeneratedJavaParserConstants.EOF) {
          return Optional.empty();
        }
      }
    } catch (TokenMgrException e) {
      // the lexer backs up over the character it could not take: it is the one after where the stream ends
      return Optional.of(new At(Math.max(1, stream.getEndLine()), stream.getEndColumn() + 1));
    } catch (RuntimeException e) {
      return Optional.empty(); // the lexer failed otherwise: no position is better than a wrong one
    }
    return Optional.empty();
  }
}
