package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.CompilationUnit;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.facts.loops.MethodLoops;
import dev.optkit.analyzers.facts.sites.CacheUses;
import dev.optkit.analyzers.facts.sites.ClientSites;
import dev.optkit.analyzers.facts.sites.ConstantStrings;
import dev.optkit.analyzers.facts.sites.MethodCalls;
import dev.optkit.analyzers.facts.sites.RequestTexts;
import dev.optkit.analyzers.facts.sites.SiteAccess;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import dev.optkit.analyzers.facts.types.LocalTypes;
import dev.optkit.analyzers.facts.types.ReceiverResolver;
import dev.optkit.analyzers.facts.types.TypeDescriptions;
import dev.optkit.analyzers.facts.values.TimeAndRandom;
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

  /**
   * @param knownType whether a qualified name is a type optkit knows of (project, catalogue or JDK),
   *     used to qualify names brought in by on-demand imports
   */
  public FactExtractor(ClientCatalog catalog, ReceiverResolver resolver, Predicate<String> knownType) {
    this.catalog = catalog;
    this.resolver = resolver;
    this.knownType = knownType;
  }

  public FileFacts extract(String path, CompilationUnit unit, String content) {
    return extract(path, unit, content, () -> {});
  }

  /**
   * @param beforeEachMethod run before each method's facts are extracted: a file's time budget is
   *     checked there (and at each resolution), so it bounds the extraction, not only the solver
   */
  public FileFacts extract(String path, CompilationUnit unit, String content, Runnable beforeEachMethod) {
    return Subtrees.indexing(unit, () -> new FileScan(path, unit, new SourceText(content), catalog, resolver, knownType)
        .run(beforeEachMethod));
  }

  /** Where the statements of a method's or class's {@code @Sql} annotations are kept among its annotation values. */
  public static final String SQL_STATEMENTS = "org.springframework.test.context.jdbc.Sql#statements";
  /** Where the isolation of a method's or class's Spring {@code @Transactional} is kept among its annotation values. */
  public static final String TRANSACTION_ISOLATION = "org.springframework.transaction.annotation.Transactional#isolation";
  /** The attribute paths of a Spring Data {@code @EntityGraph} on a query method, joined by commas. */
  public static final String ENTITY_GRAPH_PATHS = "org.springframework.data.jpa.repository.EntityGraph#attributePaths";
  /** Present when that {@code @EntityGraph} names a graph ({@code value}): an entity's named graph wins over its paths. */
  public static final String ENTITY_GRAPH_NAMED = "org.springframework.data.jpa.repository.EntityGraph#value";
  /** The type of that graph as written ({@code EntityGraphType.LOAD}); absent for the default, FETCH. */
  public static final String ENTITY_GRAPH_TYPE = "org.springframework.data.jpa.repository.EntityGraph#type";
  /**
   * Where the cache operations a method's {@code @Caching} groups are kept among its annotation values: its members
   * ({@code cacheable,evict,put}), sorted; a {@code @Cacheable} among them refuses another operation beside it.
   */
  public static final String CACHING_OPERATIONS = "org.springframework.cache.annotation.Caching#operations";
  /** Set when the method's @Cacheable is synchronized ({@code sync = true}, or a value that is no literal false). */
  public static final String CACHEABLE_SYNC = "org.springframework.cache.annotation.Cacheable#sync";
  public static final String TRANSACTION_PROPAGATION = "org.springframework.transaction.annotation.Transactional#propagation";
  /** Present ("true") when {@code @Transactional} names exceptions it commits for ({@code noRollbackFor...}). */
  public static final String TRANSACTION_NO_ROLLBACK = "org.springframework.transaction.annotation.Transactional#noRollbackFor";

  /** Read/write from a method's name, for SDK and repository calls that carry no SQL or verb. */
  public static Access methodNameAccess(String method) {
    return SiteAccess.methodNameAccess(method);
  }
}
