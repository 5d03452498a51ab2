package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.FailureAnswer;
import dev.optkit.analyzers.facts.Root;
import dev.optkit.analyzers.facts.Roots;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a method answers with a stand-in when what it tried failed ({@code catch (RestClientException e) { return
 * null; }}), itself or in a project method whose result it returns: a cache would keep the stand-in after the failure
 * passed, until its TTL. A catch of an exception that is itself the answer (nothing found, a value that does not
 * parse) answers what the data says, and is cached like any answer.
 */
final class FailureAnswerReads {
  /**
   * Simple names of the exceptions that say what the data is, not that reading it failed: nothing found, and the
   * JDK's exceptions of code given the same values (a null, an index past the end, a cast, a value that does not
   * parse, reflection on a class): the same input throws them again, so the stand-in is the answer for it.
   */
  private static final Set<String> ANSWERS = Set.of("EmptyResultDataAccessException",
      "IncorrectResultSizeDataAccessException", "NoSuchElementException", "NoResultException",
      "EntityNotFoundException", "NotFound", "NumberFormatException", "DateTimeParseException", "DateTimeException",
      "NullPointerException", "IndexOutOfBoundsException", "ArrayIndexOutOfBoundsException",
      "StringIndexOutOfBoundsException", "ClassCastException", "IllegalArgumentException", "ArithmeticException",
      "UnsupportedOperationException", "NegativeArraySizeException", "ArrayStoreException", "InstantiationException",
      "IllegalAccessException", "NoSuchMethodException", "NoSuchFieldException", "ClassNotFoundException",
      "ReflectiveOperationException", "CloneNotSupportedException", "UnsupportedEncodingException",
      "URISyntaxException", "MalformedURLException", "PatternSyntaxException", "ParseException",
      "ObjectRetrievalFailureException");
  /** Calls that answer a stand-in when what they wrap fails, with no catch written. */
  private static final Set<String> RECOVERING_CALLS = Set.of("onErrorReturn", "onErrorResume", "onErrorComplete",
      "exceptionally", "exceptionallyCompose", "recover", "recoverWith");
  /** How many returned project calls deep the answer is followed. */
  private static final int MAX_DEPTH = 4;

  private FailureAnswerReads() {}

  static Optional<String> why(ProjectIndex index, IndexedMethod method) {
    return why(index, method, new HashSet<>(), 0);
  }

  private static Optional<String> why(ProjectIndex index, IndexedMethod method, Set<IndexedMethod> seen, int depth) {
    if (depth > MAX_DEPTH || !seen.add(method)) {
      return Optional.empty();
    }
    Optional<String> recovering = java.util.stream.Stream.concat(method.fact().calls().stream(),
            method.fact().opaqueCalls().stream()).map(CallRef::name).filter(RECOVERING_CALLS::contains).findFirst();
    if (recovering.isPresent()) {
      return Optional.of("it answers what " + recovering.get() + "() gives when something it calls fails (in "
          + method.fact().displayName() + "()): a cache would keep that answer after the failure passed, until its TTL");
    }
    for (FailureAnswer answer : method.fact().failureAnswers()) {
      List<String> failures = answer.caught().stream().filter(type -> !answers(simple(type))).toList();
      if (!failures.isEmpty()) {
        return Optional.of("it answers " + answer.returned() + " when something it calls fails (" + simple(failures.get(0))
            + " caught in " + method.fact().displayName() + "(), line " + answer.line() + "): a cache would keep that "
            + "answer after the failure passed, until its TTL");
      }
    }
    for (Roots roots : method.fact().returnRoots()) {
      for (Root root : roots.any()) {
        if (root instanceof Root.CallResult result && !result.rows()) {
          for (CallRef call : method.fact().calls()) {
            if (call.name().equals(result.name()) && call.range().line() == result.line()
                && call.range().column() == result.column()) {
              for (IndexedMethod target : index.allTargetsOf(call)) {
                Optional<String> deeper = why(index, target, seen, depth + 1);
                if (deeper.isPresent()) {
                  return deeper;
                }
              }
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** What the data says, not a failure: the list, or a project's "not found" exception by its name. */
  private static boolean answers(String simpleName) {
    return ANSWERS.contains(simpleName) || simpleName.endsWith("NotFoundException");
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
