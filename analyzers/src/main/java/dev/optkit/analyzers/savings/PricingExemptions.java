package dev.optkit.analyzers.savings;

import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Savings;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.index.StartupCode;
import java.util.Optional;

/**
 * Findings that are real but not worth a per-day price: calls made only at start-up (once per start,
 * not calls/day times), and calls inside a method the project already caches (the cache saves
 * them already). They stay in the report, with a basis that says why they are not priced.
 */
public final class PricingExemptions {
  private final ProjectIndex index;
  private final StartupCode startup;

  public PricingExemptions(ProjectIndex index) {
    this.index = index;
    this.startup = new StartupCode(index);
  }

  /** The finding's savings, or zero savings with the reason when it is not to be priced. */
  public Savings apply(Finding finding, Savings estimated) {
    if (finding.category() == Category.EXISTING_CACHE || estimated.callsSavedPerDay() == 0
        && estimated.timeSavedMsPerDay() == 0) {
      return estimated;
    }
    return enclosing(finding).flatMap(this::why)
        .map(why -> new Savings(0, 0, 0, 0.0, "not priced: " + why))
        .orElse(estimated);
  }

  private Optional<String> why(IndexedMethod method) {
    return index.cachedCode().whyCached(method).or(() -> startup.whyStartupOnly(method));
  }

  /** The method whose body holds the finding's line. */
  private Optional<IndexedMethod> enclosing(Finding finding) {
    IndexedMethod best = null;
    for (IndexedMethod method : index.methodsOfType(finding.enclosingClass())) {
      var range = method.fact().range();
      if (method.path().equals(finding.path()) && range.line() <= finding.line() && finding.line() <= range.endLine()
          && (best == null || range.line() > best.fact().range().line())) {
        best = method; // the innermost: a local class's method inside a method
      }
    }
    return Optional.ofNullable(best);
  }
}
