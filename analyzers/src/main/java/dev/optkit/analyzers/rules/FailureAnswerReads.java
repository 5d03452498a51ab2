package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.FailureAnswer;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a method answers when what it tried failed ({@code catch (RestClientException e) { return null; }}), itself or
 * in a project method it calls: a cache would keep a stand-in after the failure passed,
 * until its TTL. A catch of an exception that is itself the answer (nothing found, a value that does not parse)
 * answers what the data says, and is cached like any answer. When every failure answers no value (null, or an empty
 * Optional) and that is the method's answer as it is, the method can be cached on one condition: that no null answer
 * is stored, so the next call tries again.
 */
public final class FailureAnswerReads {
  /** What a failure inside the method makes it answer. */
  public sealed interface Verdict {
    /** A failure propagates, or answers what the data says: nothing for a cache to keep apart. */
    record Propagates() implements Verdict {}

    /**
     * Every failure answers no value, and the method returns that as it is: cacheable if null answers are never
     * stored (Spring's {@code unless = "#result == null"}).
     *
     * @param where the method whose catch answers it, and the line
     */
    record NoValue(String where) implements Verdict {}

    /** A failure answers a value a cache would keep (an empty list, a default, a value built around a null). */
    record StandIn(String why) implements Verdict {}
  }

  private static final Verdict PROPAGATES = new Verdict.Propagates();

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
      "exceptionally", "exceptionallyAsync", "exceptionallyCompose", "exceptionallyComposeAsync", "handle",
      "handleAsync", "completeOnTimeout", "recover", "recoverWith");
  /**
   * How many project calls deep the answer is followed (each method once: its verdict is kept); past it the answer is
   * not known, which refuses.
   */
  private static final int MAX_DEPTH = 64;

  private FailureAnswerReads() {}

  /** Why a cache of the method would keep a failure's stand-in, if it would even with null answers never stored. */
  static Optional<String> why(ProjectIndex index, IndexedMethod method) {
    return of(index, method) instanceof Verdict.StandIn standIn ? Optional.of(standIn.why()) : Optional.empty();
  }

  /** What a failure inside the method, or inside a project method its answer is made from, makes it answer. */
  public static Verdict of(ProjectIndex index, IndexedMethod method) {
    return of(index, method, new java.util.HashMap<>(), 0);
  }

  /**
   * @param verdicts each method's verdict once known, and {@code PROPAGATES} while it is being found (a recursive
   *     call answers nothing new)
   */
  private static Verdict of(ProjectIndex index, IndexedMethod method, java.util.Map<IndexedMethod, Verdict> verdicts,
      int depth) {
    if (depth > MAX_DEPTH) {
      return new Verdict.StandIn("what it answers when something fails is decided more than " + MAX_DEPTH
          + " project calls deep (" + method.fact().displayName() + "()), which optkit does not follow");
    }
    Verdict known = verdicts.get(method);
    if (known != null) {
      return known;
    }
    verdicts.put(method, PROPAGATES);
    Verdict verdict = found(index, method, verdicts, depth);
    verdicts.put(method, verdict);
    return verdict;
  }

  private static Verdict found(ProjectIndex index, IndexedMethod method, java.util.Map<IndexedMethod, Verdict> verdicts,
      int depth) {
    // a library's future or publisher recovering (a project's own handle(event) is no such call)
    Optional<String> recovering = java.util.stream.Stream.concat(method.fact().calls().stream(),
            method.fact().opaqueCalls().stream())
        .filter(call -> call.receiverType() == null || index.type(call.receiverType()).isEmpty())
        .map(CallRef::name).filter(RECOVERING_CALLS::contains).findFirst();
    if (recovering.isPresent()) {
      return new Verdict.StandIn("it answers what " + recovering.get() + "() gives when something it calls fails (in "
          + method.fact().displayName() + "()): a cache would keep that answer after the failure passed, until its TTL");
    }
    Optional<String> flag = depth == 0 ? failureFlag(index, method) : Optional.empty();
    if (flag.isPresent()) {
      return new Verdict.StandIn("its answer says whether the remote call succeeded (" + flag.get() + "): a remote API "
          + "that fails answers a failure in its body, which a cache would keep after the failure passed, until its TTL");
    }
    Verdict found = PROPAGATES;
    for (FailureAnswer answer : method.fact().failureAnswers()) {
      List<String> failures = answer.caught().stream().filter(type -> !answers(TypeNames.simple(type))).toList();
      if (failures.isEmpty()) {
        continue;
      }
      if (!answer.noValue()) {
        return new Verdict.StandIn("it answers " + answer.returned() + " when something it calls fails ("
            + TypeNames.simple(failures.get(0)) + " caught in " + method.fact().displayName() + "(), line " + answer.line()
            + "): a cache would keep that answer after the failure passed, until its TTL");
      }
      if (found instanceof Verdict.Propagates) {
        found = new Verdict.NoValue(method.fact().displayName() + "(), line " + answer.line());
      }
    }
    // every project method it calls: what a call answers on a failure shapes this method's answer wherever it is
    // used (the value returned, a value made from it, a condition); as it is only when a return gives it whole
    for (CallRef call : method.fact().calls()) {
      for (IndexedMethod target : index.allTargetsOf(call)) {
        Verdict deeper = of(index, target, verdicts, depth + 1);
        if (deeper instanceof Verdict.StandIn) {
          return deeper;
        }
        if (deeper instanceof Verdict.NoValue noValue) {
          boolean whole = method.fact().returnedCalls().stream().anyMatch(returned -> returned.is(call));
          if (!whole) {
            return new Verdict.StandIn("it uses what " + target.fact().displayName() + "() answers, which is null "
                + "when something it calls fails (" + noValue.where() + "): a cache would keep the answer made with "
                + "that null after the failure passed, until its TTL");
          }
          if (found instanceof Verdict.Propagates) {
            found = noValue;
          }
        }
      }
    }
    return found;
  }

  /**
   * The boolean field of a project type the method answers (or holds in its answer: {@code Optional<RateDto>}) that
   * tells success from failure ({@code LatestRateDto.success}, Slack's {@code ok}), when the method reads a remote API:
   * such an API answers its failures in a successful response's body (a usefulness trial's currency API answered
   * {@code {"success": false}} with HTTP 200, and the cached failure outlived the outage).
   */
  private static Optional<String> failureFlag(ProjectIndex index, IndexedMethod method) {
    for (String type : method.fact().returnTypeChain()) {
      Optional<dev.optkit.analyzers.facts.TypeFact> answer = index.type(type);
      if (answer.isEmpty()) {
        continue;
      }
      for (var field : new java.util.TreeMap<>(answer.get().fieldTypes()).entrySet()) {
        if (FAILURE_FLAGS.contains(field.getKey()) && BOOLEANS.contains(field.getValue())
            && index.reachedIo(method).stream().anyMatch(reached -> reached.site().kind()
                == dev.optkit.analyzers.catalog.ClientKind.API)) {
          return Optional.of(answer.get().simpleName() + "." + field.getKey());
        }
      }
    }
    return Optional.empty();
  }

  /** Names a response body gives the flag that tells whether the call succeeded. */
  private static final Set<String> FAILURE_FLAGS = Set.of("success", "successful", "succeeded", "ok", "failed",
      "failure", "error", "hasError", "hasErrors");
  private static final Set<String> BOOLEANS = Set.of("boolean", "java.lang.Boolean");

  /** What the data says, not a failure: the list, or a project's "not found" exception by its name. */
  private static boolean answers(String simpleName) {
    return ANSWERS.contains(simpleName) || simpleName.endsWith("NotFoundException");
  }

}
