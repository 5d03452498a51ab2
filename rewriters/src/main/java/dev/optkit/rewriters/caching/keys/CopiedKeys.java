package dev.optkit.rewriters.caching.keys;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.Parameter;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.ParamFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.rules.CollectionKeys;
import dev.optkit.rewriters.caching.CacheForm;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys holding a copy of a collection argument ({@link CollectionKeys}): Spring's key is made before the method runs,
 * so {@code key = "new java.util.HashSet(#p0)"} holds the values the call was given whatever its caller does with the
 * set later, and a null collection skips the cache (the copy would throw). A plain cache's key is the argument itself,
 * and the Redis backend writes keys as text ({@code RedisRoundTrip}): those refuse.
 */
public final class CopiedKeys {
  private CopiedKeys() {}

  private static final Map<String, String> COPIES = Map.of("Set", "java.util.HashSet", "List", "java.util.ArrayList",
      "Collection", "java.util.ArrayList");

  /**
   * Why a cache of this form cannot key the method's collection parameter, or empty: a plain cache's key is the
   * argument itself, and a method that changes the collection it is given, itself or through what it hands it to,
   * would skip that change on a hit.
   */
  public static Optional<String> whyNot(CacheForm form, dev.optkit.analyzers.index.IndexedMethod method,
      ProjectIndex index) {
    MethodFact fact = method.fact();
    for (int position = 0; position < fact.params().size(); position++) {
      ParamFact param = fact.params().get(position);
      if (CollectionKeys.copiedAs(param, index).isEmpty()) {
        continue;
      }
      if (form != CacheForm.SPRING) {
        return Optional.of("parameter '" + param.name() + "' is a " + param.type() + ", which its caller may change "
            + "after the call: optkit keys a Spring cache by a copy made before the call, and a plain Java cache's key "
            + "would hold the caller's own collection");
      }
      Optional<String> changed = changes(method, position, index, 0);
      if (changed.isPresent()) {
        return Optional.of("it " + changed.get() + " its argument '" + param.name() + "', a change a cache hit would "
            + "skip");
      }
    }
    return Optional.empty();
  }

  /** Library calls that read a collection handed to them and keep nothing of it a caller may change. */
  private static final java.util.Set<String> READERS = java.util.Set.of("contains", "containsAll", "equals", "join",
      "copyOf", "of", "addAll", "unmodifiableSet", "unmodifiableList", "unmodifiableCollection", "setParameter",
      "setParameterList", "valueOf", "format", "new ArrayList", "new HashSet", "new LinkedHashSet", "new TreeSet",
      "new LinkedList", "new ArrayDeque", "trace", "debug", "info", "warn", "error", "println", "print");

  /** How the method changes its parameter at this position, or may, followed into project methods; else empty. */
  private static Optional<String> changes(dev.optkit.analyzers.index.IndexedMethod method, int position,
      ProjectIndex index, int depth) {
    MethodFact fact = method.fact();
    if (depth > 3) {
      return Optional.of("hands on, deeper than optkit follows,");
    }
    for (MethodFact.ParameterMutation change : fact.parameterMutations()) {
      if (change.parameter() == position) {
        return Optional.of("changes (" + change.how() + ")");
      }
    }
    for (MethodFact.HandOff handOff : fact.handOffs()) {
      if (handOff.fromCall() != null || handOff.fromParameter() != position || handOff.to().equals(MethodFact.RETURNED)) {
        continue;
      }
      List<dev.optkit.analyzers.index.IndexedMethod> targets = index.methodsNamed(handOff.to()).stream()
          .filter(m -> m.fact().params().size() == handOff.toArguments()).toList();
      if (targets.isEmpty()) {
        if (!READERS.contains(handOff.to())) {
          return Optional.of("hands to " + handOff.to() + "(), which optkit cannot show leaves unchanged,");
        }
        continue;
      }
      for (var target : targets) {
        if (target.fact().isAbstract() && index.implementedByLibrary(target).isPresent()) {
          continue; // a repository's query method: its library binds the values
        }
        if (target.fact().isAbstract() && index.subtypesOf(target.fact().ownerType()).size() <= 1) {
          return Optional.of("hands to " + target.fact().displayName() + "(), which no project code implements,");
        }
        Optional<String> deeper = target.fact().isAbstract() ? Optional.empty()
            : changes(target, handOff.position(), index, depth + 1);
        if (deeper.isPresent()) {
          return Optional.of("hands to " + target.fact().displayName() + "(), which " + deeper.get());
        }
      }
    }
    return Optional.empty();
  }

  /** The JDK collection a copy of the parameter is made as, or empty for any other parameter. */
  public static Optional<String> copiedAs(Parameter parameter, CompilationUnit unit) {
    if (!parameter.getType().isClassOrInterfaceType() || parameter.isVarArgs()) {
      return Optional.empty();
    }
    var type = parameter.getType().asClassOrInterfaceType();
    String name = type.getNameAsString();
    String copy = COPIES.get(name);
    if (copy == null) {
      return Optional.empty();
    }
    String scope = type.getScope().map(Object::toString).orElse(null);
    boolean jdk = scope != null ? scope.equals("java.util")
        : unit.getImports().stream().anyMatch(i -> !i.isStatic() && (i.isAsterisk() ? i.getNameAsString().equals("java.util")
            : i.getNameAsString().equals("java.util." + name)));
    return jdk ? Optional.of(copy) : Optional.empty();
  }
}
