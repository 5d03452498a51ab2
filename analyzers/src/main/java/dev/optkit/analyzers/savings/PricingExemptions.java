package dev.optkit.analyzers.savings;

import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Savings;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.index.StartupCode;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.ExistingCacheFact;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.IoSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Findings that are real but not worth a per-day price: calls made only at start-up (once per start,
 * not calls/day times), calls inside a method the project already caches (the cache saves them
 * already), GETs through an HTTP client built with a cache of its own, and test code
 * ({@code --include-tests}), which production never runs. They stay in the report, with a basis that says why they are not priced.
 */
public final class PricingExemptions {
  private final ProjectIndex index;
  private final StartupCode startup;

  private final Map<String, List<String>> httpCaches = new HashMap<>();

  public PricingExemptions(ProjectIndex index) {
    this.index = index;
    this.startup = new StartupCode(index);
    for (FileFacts file : index.files()) {
      for (ExistingCacheFact cache : file.existingCaches()) {
        if (cache.mechanism().equals("http-cache")) {
          httpCaches.computeIfAbsent(cache.ownerType(), k -> new ArrayList<>()).add(cache.member());
        }
      }
    }
  }

  /** The finding's savings, or zero savings with the reason when it is not to be priced. */
  public Savings apply(Finding finding, Savings estimated) {
    if (finding.category() == Category.EXISTING_CACHE || estimated.callsSavedPerDay() == 0
        && estimated.timeSavedMsPerDay() == 0) {
      return estimated;
    }
    if (dev.optkit.analyzers.source.SourceSet.isTestPath(finding.path())) {
      // a test's own calls (a browser test opening a page, a fixture's inserts) run in the test suite, not in
      // production: priced at production's calls/day they led trial 98's report
      return new Savings(0, 0, 0, 0.0, "not priced: test code, which the project's tests run, not production");
    }
    return enclosing(finding).flatMap(this::why)
        .map(why -> new Savings(0, 0, 0, 0.0, "not priced: " + why))
        .orElse(estimated);
  }

  private Optional<String> why(IndexedMethod method) {
    return index.cachedCode().whyCached(method).or(() -> startup.whyStartupOnly(method))
        .or(() -> behindHttpCache(method));
  }

  /** Library packages of HTTP clients that can carry a cache of their own. */
  private static final List<String> CACHING_CLIENT_PACKAGES = List.of("okhttp3.", "org.apache.http.", "org.apache.hc.");

  /**
   * Every remote call of the method goes through an HTTP client its class built with a cache
   * (CachingHttpClients, OkHttp's cache): the GETs are answered there already, when the responses
   * allow it. Only when each client of that library in the class is a caching one, and the calls are GETs.
   */
  private Optional<String> behindHttpCache(IndexedMethod method) {
    String owner = method.fact().ownerType();
    List<String> cached = httpCaches.getOrDefault(owner, List.of());
    if (cached.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> fields = index.type(owner).map(t -> t.fieldTypes()).orElse(Map.of());
    List<IoSite> remote = method.fact().ioSites().stream().filter(s -> s.kind() == ClientKind.API).toList();
    if (remote.isEmpty()) {
      return Optional.empty();
    }
    for (IoSite site : remote) {
      String library = CACHING_CLIENT_PACKAGES.stream().filter(p -> site.receiverType() != null
          && site.receiverType().startsWith(p)).findFirst().orElse(null);
      boolean get = site.httpMethod() == null || site.httpMethod().equalsIgnoreCase("GET");
      boolean allCached = library != null && fields.entrySet().stream()
          .filter(f -> f.getValue().startsWith(library)).allMatch(f -> cached.contains(f.getKey()));
      if (!get || !allCached) {
        return Optional.empty();
      }
    }
    return Optional.of("its GETs go through an HTTP client with a cache of its own (field " + String.join(", ", cached)
        + ")");
  }

  /** The method whose body holds the finding's line: the innermost (a local class's method inside a method). */
  private Optional<IndexedMethod> enclosing(Finding finding) {
    return innermost.computeIfAbsent(finding.enclosingClass() + "\u0000" + finding.path(),
        k -> InnermostMethods.of(index.methodsOfType(finding.enclosingClass()), finding.path())).at(finding.line());
  }

  /** By class and file: each finding asks, and a pass over the class's methods per finding was quadratic. */
  private final Map<String, InnermostMethods> innermost = new HashMap<>();
}
