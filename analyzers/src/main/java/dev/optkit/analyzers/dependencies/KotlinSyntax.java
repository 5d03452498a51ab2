package dev.optkit.analyzers.dependencies;

import dev.optkit.analyzers.dependencies.kotlin.KotlinLexer;
import dev.optkit.analyzers.dependencies.kotlin.KotlinParser;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.codehaus.groovy.ast.stmt.BlockStatement;

/**
 * A Gradle Kotlin script's syntax tree, parsed by the ANTLR Kotlin grammar of antlr/grammars-v4 (generated at build
 * time, src/main/antlr4) and never compiled or run, bounded as {@link GradleSyntax} bounds a Groovy one: counted
 * before the parse ({@link GradleSyntax#refusal}), the grammar's tables warmed outside any limit, and the
 * {@value GradleSyntax#BACKSTOP_SECONDS} s backstop on a thread of its own that the backstop stops (the token stream
 * it reads refuses to go on once told).
 */
final class KotlinSyntax {
  private KotlinSyntax() {}

  /** The script lowered to the statements the Groovy readers visit ({@link KotlinTree}); empty when not Kotlin. */
  static Optional<BlockStatement> statements(String text) {
    return parsed(text).value();
  }

  static GradleSyntax.Parsed<BlockStatement> parsed(String text) {
    Optional<String> refused = GradleSyntax.refusal(text);
    if (refused.isPresent()) {
      return GradleSyntax.Parsed.refused(refused.get());
    }
    GradleSyntax.Warm.KOTLIN.ensure();
    Stoppable tokens = tokens(text);
    // a deep stack: the grammar's descent from statement to primary expression is some 20 calls per bracket
    GradleSyntax.Parsed<BlockStatement> parsed = GradleSyntax.bounded("optkit-kotlin-script",
        () -> KotlinTree.statements(script(tokens)), Duration.ofSeconds(GradleSyntax.BACKSTOP_SECONDS),
        () -> tokens.stopped = true); // the parser's next look at a token ends it
    return parsed.problem() != null && parsed.problem().equals(GradleSyntax.NOT_GROOVY)
        ? GradleSyntax.Parsed.refused(NOT_KOTLIN) : parsed;
  }

  static final String NOT_KOTLIN = "not Kotlin optkit can parse";

  /** The grammar's tables built once, on the caller's thread: the first script of a run took 1.1 s for them. */
  static void warmUp() {
    KotlinTree.statements(script(tokens("plugins { java }\ndependencies { implementation(\"g:a:1\") }\n")));
  }

  private static Stoppable tokens(String text) {
    KotlinLexer lexer = new KotlinLexer(CharStreams.fromString(text, "build.gradle.kts"));
    lexer.removeErrorListeners();
    lexer.addErrorListener(REFUSING);
    return new Stoppable(lexer);
  }

  /** Two-stage parsing as ANTLR advises: the fast SLL prediction, and full LL only when SLL fails. */
  private static KotlinParser.ScriptContext script(Stoppable tokens) {
    KotlinParser parser = new KotlinParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.script();
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.addErrorListener(REFUSING);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return parser.script();
    }
  }

  /** A syntax error anywhere is no script read: nothing is guessed from a tree the parser repaired. */
  private static final BaseErrorListener REFUSING = new BaseErrorListener() {
    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int position,
        String message, RecognitionException e) {
      throw new IllegalArgumentException("line " + line + ":" + position + " " + message);
    }
  };

  /** Tokens that stop being given once the backstop is past: the parse thread ends instead of running on. */
  private static final class Stoppable extends CommonTokenStream {
    volatile boolean stopped;

    Stoppable(TokenSource source) {
      super(source);
    }

    @Override
    public Token LT(int k) {
      if (stopped) {
        throw new CancellationException("parse time limit");
      }
      return super.LT(k);
    }

    @Override
    public int LA(int i) {
      if (stopped) {
        throw new CancellationException("parse time limit");
      }
      return super.LA(i);
    }
  }
}
