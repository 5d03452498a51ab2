package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.List;

/**
 * Why a method of a class the project subclasses is not cached, said as it holds: subclasses that reach it only
 * through {@code this} or {@code super} (no caching proxy sees those calls), subclasses that each override it, or
 * beans of several kinds sharing one cache keyed only by the parameters.
 */
public final class SubclassedMethods {
  private SubclassedMethods() {}

  /** An override, not an overload of the same arity (hostile review 34's s5): the same parameter types. */
  private static boolean sameParameters(IndexedMethod one, IndexedMethod other) {
    return one.fact().params().stream().map(p -> p.qualifiedType()).toList()
        .equals(other.fact().params().stream().map(p -> p.qualifiedType()).toList());
  }

  public static String whyNot(ProjectIndex index, IndexedMethod method) {
    String owner = method.fact().ownerType();
    List<String> overrides = index.subtypesOf(owner).stream().sorted().flatMap(sub -> index.methods(sub,
        method.fact().name()).stream().filter(m -> sameParameters(m, method)).limit(1))
        .map(m -> m.fact().displayName() + "()").toList();
    List<IndexedMethod> callers = index.callersOf(method).stream().filter(c -> !SourceSet.isTestPath(c.path())).toList();
    if (overrides.isEmpty() && !callers.isEmpty()
        && callers.stream().allMatch(c -> index.supertypesOf(c.fact().ownerType()).contains(owner))) {
      // audit 11's s3b: an abstract controller's read, called as super.getAllShops() from handlers of other names
      return "its class has subclasses in the project, and only their own methods call it (" + String.join(", ",
          callers.stream().map(c -> c.fact().displayName() + "()").distinct().sorted().toList()) + "), through 'this' "
          + "or 'super', which no caching proxy sees; cache what it calls instead";
    }
    if (overrides.size() == index.subtypesOf(owner).size()) {
      // audit 10's s3: an abstract base controller's read, reached only as super.getAll() from each subclass
      return "its class has subclasses in the project, and each overrides it (" + String.join(", ", overrides)
          + "): their beans run it only through super." + method.fact().name() + "(), which no caching proxy sees; "
          + "cache what it calls instead";
    }
    return "its class has subclasses in the project: several beans or objects of different kinds would share one "
        + "cache keyed only by the parameters";
  }
}
