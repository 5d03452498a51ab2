package dev.optkit.rewriters.caching.proofs;

import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.proof.Evidence;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The project methods a refusal rests on, as {@link Evidence}: one each, in a stable order. */
public final class MethodEvidence {
  private MethodEvidence() {}

  public static Evidence of(Evidence.Role role, IndexedMethod method) {
    return new Evidence(role, method.fact().ownerType(), method.fact().name(), method.path(),
        method.fact().range().line());
  }

  /** Each method once, by file, line and name. */
  public static List<Evidence> of(Evidence.Role role, Collection<IndexedMethod> methods) {
    return methods.stream().map(method -> of(role, method)).distinct()
        .sorted(Comparator.comparing(Evidence::path).thenComparingInt(Evidence::line).thenComparing(Evidence::method))
        .toList();
  }
}
