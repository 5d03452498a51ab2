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
 * Whether what a method answers holds a secret: a field of the returned project type (or of a type it holds, a few
 * levels down, or of a type argument: {@code Optional<User>}, {@code List<CardDto>}) named for one ({@code password},
 * {@code passwordHash}, {@code cvv}, {@code apiKey}) and holding text. A cache would keep it in memory for its TTL and
 * hand it to every caller. (A trial's bank service had its users, password hashes included, and its cards, CVVs
 * included, cached.)
 */
public final class SecretAnswers {
  /** Types a secret is held as: text, or its characters or bytes. */
  private static final Set<String> TEXT = Set.of("java.lang.String", "String", "char[]", "byte[]", "java.lang.CharSequence");
  /** How far into the answer's project types it looks. */
  private static final int DEPTH = 3;

  private final ProjectIndex index;

  public SecretAnswers(ProjectIndex index) {
    this.index = index;
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
          if (TEXT.contains(erased) && SecretNames.isSecret(field.getKey())) {
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
