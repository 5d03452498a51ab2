package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.CompilationUnit;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.SourceText;
import dev.optkit.analyzers.facts.Subtrees;
import dev.optkit.analyzers.facts.sites.ConstantStrings;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import dev.optkit.analyzers.facts.types.ReceiverResolver;
import java.util.function.Predicate;

/**
 * Turns one parsed file into {@link FileFacts}: its types, and for each method the I/O sites,
 * project calls, loops and caching it contains. Catalogue calls are first found by name and
 * declared type (cheap), and only those candidates are handed to the symbol solver.
 *
 * <p>The rooms: {@link FileScan} walks the file once and holds what its methods share;
 * {@link TypeDescriptions} describes its types; {@link MethodScan} analyses each body with
 * {@link LocalTypes} (the types of names), {@link MethodCalls} and {@link ClientSites} (I/O sites
 * and project calls), {@link RequestTexts} (URL, HTTP method, SQL), {@link SiteAccess} (read or
 * write), {@link MethodLoops}, {@link TimeAndRandom} and {@link CacheUses}; {@link ConstantStrings}
 * and {@link AnnotationValues} read the text of expressions and annotations.
 */
public final class FactExtractor {
  private final ClientCatalog catalog;
  private final ReceiverResolver resolver;
  private final Predicate<String> knownType;
  private final Predicate<String> dependencyType;

  /**
   * @param knownType whether a qualified name is a type optkit knows of (project, catalogue or JDK),
   *     used to qualify names brought in by on-demand imports
   */
  public FactExtractor(ClientCatalog catalog, ReceiverResolver resolver, Predicate<String> knownType) {
    this(catalog, resolver, knownType, name -> false);
  }

  /** @param dependencyType whether a qualified name is a class of the dependency jars (an on-demand import's) */
  public FactExtractor(ClientCatalog catalog, ReceiverResolver resolver, Predicate<String> knownType,
      Predicate<String> dependencyType) {
    this.catalog = catalog;
    this.resolver = resolver;
    this.knownType = knownType;
    this.dependencyType = dependencyType;
  }

  public FileFacts extract(String path, CompilationUnit unit, String content) {
    return extract(path, unit, content, () -> {});
  }

  /**
   * @param beforeEachMethod run before each method's facts are extracted: a file's time budget is
   *     checked there (and at each resolution), so it bounds the extraction, not only the solver
   */
  public FileFacts extract(String path, CompilationUnit unit, String content, Runnable beforeEachMethod) {
    return Subtrees.indexing(unit, () -> new FileScan(path, unit, new SourceText(content), catalog, resolver, knownType,
        dependencyType)
        .run(beforeEachMethod));
  }

  /** Read/write from a method's name, for SDK and repository calls that carry no SQL or verb. */
  public static Access methodNameAccess(String method) {
    return SiteAccess.methodNameAccess(method);
  }
}
