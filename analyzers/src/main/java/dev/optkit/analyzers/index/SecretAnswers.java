package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.types.SecretNames;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether what a method answers holds a secret: a field of the returned project type (or of a type argument:
 * {@code Optional<User>}, {@code List<CardDto>}) named for one ({@code password},
 * {@code passwordHash}, {@code cvv}, {@code apiKey}) and holding text. A cache would keep it in memory for its TTL and
 * hand it to every caller. (A trial's bank service had its users, password hashes included, and its cards, CVVs
 * included, cached.)
 */
public final class SecretAnswers {
  /** Types a secret is held as: text, or its characters or bytes. */
  private static final Set<String> TEXT = Set.of("java.lang.String", "String", "char[]", "byte[]", "java.lang.CharSequence");
  /**
   * How far into the answer's project types it looks: their own fields. A secret field of a type the answer holds in
   * turn ({@code new UserDto(id)} in a support ticket) is mostly one nobody fills; a trial's tickets were refused for
   * it, falsely.
   */
  private static final int DEPTH = 1;

  private final ProjectIndex index;

  public SecretAnswers(ProjectIndex index) {
    this.index = index;
  }

  /**
   * Whether the method builds the object of that type itself with its builder ({@code UserDto.builder()...build()})
   * and sets no such field anywhere in its body: no call of its name, its setter or its wither. A DTO made for a
   * response that carries a password field it never fills holds no secret (a trial's getCurrentUser()).
   */
  private static boolean builtWithout(MethodFact fact, String type, String field) {
    List<dev.optkit.analyzers.facts.CallRef> calls = new ArrayList<>(fact.allCalls());
    calls.addAll(fact.opaqueCalls());
    boolean built = calls.stream().anyMatch(call -> call.name().equals("builder") && type.equals(call.receiverType()));
    String capital = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    Set<String> setters = Set.of(field, "set" + capital, "with" + capital);
    return built && calls.stream().noneMatch(call -> setters.contains(call.name()));
  }

  /** The field holding a secret in the method's answer ("User.password"), or empty. */
  public Optional<String> heldSecret(MethodFact fact) {
    List<String> answered = new ArrayList<>(List.of(fact.returnType()));
    for (var argument : ReturnTypeArguments.of(fact)) {
      argument.findAll(com.github.javaparser.ast.type.ClassOrInterfaceType.class)
          .forEach(type -> index.typesNamed(type.getNameAsString()).forEach(t -> answered.add(t.qualifiedName())));
    }
    Deque<Map.Entry<String, Integer>> pending = new ArrayDeque<>();
    answered.forEach(type -> pending.add(Map.entry(type, 0)));
    Set<String> seen = new HashSet<>();
    while (!pending.isEmpty()) {
      Map.Entry<String, Integer> next = pending.poll();
      if (!seen.add(next.getKey())) {
        continue;
      }
      for (String declaring : index.supertypesOf(next.getKey())) {
        Optional<TypeFact> type = index.type(declaring);
        if (type.isEmpty()) {
          continue;
        }
        for (Map.Entry<String, String> field : new TreeMap<>(type.get().fieldTypes()).entrySet()) {
          String erased = field.getValue().replaceAll("<.*", "");
          if (TEXT.contains(erased) && SecretNames.isSecret(field.getKey())
              && !builtWithout(fact, next.getKey(), field.getKey())) {
            return Optional.of(type.get().simpleName() + "." + field.getKey());
          }
          if (next.getValue() + 1 < DEPTH && index.type(erased).isPresent()) {
            pending.add(Map.entry(erased, next.getValue() + 1));
          }
        }
      }
    }
    return Optional.empty();
  }
}
