package dev.optkit.analyzers.parse;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.Java10PostProcessor;
import java.util.List;
import java.util.function.Supplier;

/**
 * A parser configuration for reading code, not for checking it: JavaParser's language-level
 * validator walks every tree after the parse, which costs about 40% of the parse on
 * spring-framework (4.1 s against 2.4 s for its 9,247 files on two threads, warm), and only
 * reports code javac would reject, which assess does not need to know. The language level's
 * post-processing ({@code var} as a type) is kept. JavaParser exposes the validator only inside
 * one processor of its configuration, found here by what it does: the one whose absence lets a
 * program the validator rejects parse. When none is found (another JavaParser version), the
 * configuration is left as it is.
 */
final class WithoutValidation {
  /** An instance field in a record: the grammar takes it, the validator rejects it. */
  private static final String REJECTED_BY_VALIDATION = "record R(int a) { int b; }";

  private WithoutValidation() {}

  static ParserConfiguration apply(ParserConfiguration configuration) {
    return replaceValidation(configuration, true);
  }

  /**
   * Neither validation nor the walk that turns a type named {@code var} into a {@code var} type: for
   * a source without the letters "var", where that walk finds nothing (nine files in ten of
   * spring-framework, and 3% of a worker's time).
   */
  static ParserConfiguration withoutVarTypes(ParserConfiguration configuration) {
    return replaceValidation(configuration, false);
  }

  private static ParserConfiguration replaceValidation(ParserConfiguration configuration, boolean varTypes) {
    int index = validatingProcessor(configuration.getLanguageLevel());
    if (index >= 0) {
      configuration.getProcessors().set(index, () -> new Processor() {
        @Override
        public void postProcess(ParseResult<? extends Node> result, ParserConfiguration used) {
          if (varTypes) {
            new Java10PostProcessor().postProcess(result, used); // var as a type, as the language level would
          }
        }
      });
    }
    return configuration;
  }

  private static int validatingProcessor(ParserConfiguration.LanguageLevel level) {
    if (!new JavaParser(new ParserConfiguration().setLanguageLevel(level)).parse(REJECTED_BY_VALIDATION).getProblems()
        .stream().findAny().isPresent()) {
      return -1;
    }
    int count = new ParserConfiguration().getProcessors().size();
    for (int i = 0; i < count; i++) {
      ParserConfiguration probe = new ParserConfiguration().setLanguageLevel(level);
      List<Supplier<Processor>> processors = probe.getProcessors();
      processors.set(i, () -> new Processor() {});
      if (new JavaParser(probe).parse(REJECTED_BY_VALIDATION).isSuccessful()) {
        return i;
      }
    }
    return -1;
  }
}
