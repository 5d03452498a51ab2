package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.optkit.analyzers.facts.ExistingCacheFact;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.values.FieldMemos;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The caching a method already does: caching annotations, calls on a cache, a map filled with
 * computeIfAbsent, a field memo ({@code if (memo == null) memo = ...}). Each is a fact of the file.
 */
public final class CacheUses {
  public static final Set<String> CACHE_TYPES = Set.of(
      "com.github.benmanes.caffeine.cache.Cache", "com.github.benmanes.caffeine.cache.LoadingCache",
      "com.github.benmanes.caffeine.cache.AsyncCache", "com.github.benmanes.caffeine.cache.AsyncLoadingCache",
      "com.google.common.cache.Cache", "com.google.common.cache.LoadingCache", "javax.cache.Cache",
      "org.springframework.cache.Cache");
  private static final Set<String> CACHE_ANNOTATIONS = Set.of("Cacheable", "CachePut", "CacheResult");
  private static final Set<String> MAP_TYPES = Set.of(
      "java.util.Map", "java.util.HashMap", "java.util.concurrent.ConcurrentHashMap",
      "java.util.concurrent.ConcurrentMap", "java.util.LinkedHashMap", "java.util.WeakHashMap");

  private final MethodScan m;
  private final CallableDeclaration<?> callable;
  private final FileScan file;
  private final String owner;

  public CacheUses(MethodScan m) {
    this.m = m;
    this.callable = m.callable;
    this.file = m.file;
    this.owner = m.owner;
  }

  /** {@code @Cacheable}, {@code @CachePut} and {@code @CacheResult} (JCache's, Quarkus's) on the method. */
  public void noteAnnotations() {
    for (AnnotationExpr annotation : callable.getAnnotations()) {
      String simple = annotation.getName().getIdentifier();
      if (CACHE_ANNOTATIONS.contains(simple)) {
        List<String> names = file.annotations.annotationStrings(annotation, "value");
        if (names.isEmpty()) {
          names = file.annotations.annotationStrings(annotation, "cacheNames");
        }
        if (names.isEmpty()) {
          names = file.annotations.annotationStrings(annotation, "cacheName");
        }
        file.caches.add(new ExistingCacheFact(annotationMechanism(qualified(annotation.getNameAsString())),
            owner, callable.getNameAsString(), names.isEmpty() ? "" : String.join(",", names),
            SourceRange.of(annotation), file.text.snippet(annotation)));
        m.usesCache = true;
      }
    }
  }

  /** The packages of the caching annotations named by package ({@link #annotationMechanism}). */
  private static final List<String> CACHE_PACKAGES = List.of("org.springframework.cache.annotation",
      "javax.cache.annotation", "io.quarkus.cache", "io.micronaut.cache.annotation");

  /**
   * An annotation's qualified name, a package of {@link #CACHE_PACKAGES} the file imports on demand included
   * ({@code import org.springframework.cache.annotation.*;}), which the names' own lookup does not resolve without the
   * jar.
   */
  private String qualified(String written) {
    String qualified = file.names.qualify(written).name();
    if (written.contains(".") || CACHE_PACKAGES.contains(qualified.substring(0, Math.max(0, qualified.lastIndexOf('.'))))) {
      return qualified;
    }
    return CACHE_PACKAGES.stream().filter(file.names::importsOnDemand).findFirst().map(pkg -> pkg + "." + written)
        .orElse(qualified);
  }

  /**
   * The mechanism a caching annotation names, by its package: Spring's ({@code spring-cacheable}, {@code
   * spring-cacheput}), JCache's {@code @CacheResult} ({@code jcache-annotation}), Quarkus's ({@code quarkus-cacheresult})
   * and Micronaut's ({@code micronaut-cacheable}, {@code micronaut-cacheput}); one of another package (the project's
   * own, or one no import names) is {@code cacheable-annotation} and the like, by its name alone. (A blind trial's
   * Quarkus {@code @CacheResult} was reported as JCache's.)
   */
  static String annotationMechanism(String qualified) {
    int dot = qualified.lastIndexOf('.');
    String simple = qualified.substring(dot + 1).toLowerCase(Locale.ROOT);
    String pkg = dot < 0 ? "" : qualified.substring(0, dot);
    return switch (pkg) {
      case "org.springframework.cache.annotation" -> "spring-" + simple;
      case "javax.cache.annotation" -> "jcache-annotation";
      case "io.quarkus.cache" -> "quarkus-" + simple;
      case "io.micronaut.cache.annotation" -> "micronaut-" + simple;
      default -> simple + "-annotation";
    };
  }

  /** if (memo == null) memo = client.get(): the I/O runs once per object, the method is cached code. */
  public void noteFieldMemo() {
    // the class's own field, or one it inherits from a superclass in another file ({@code protected String token;} of
    // a base client), as the body's reads name them (MethodScan's reader of inherited names)
    java.util.function.Predicate<String> isField = name -> !m.locals.types.containsKey(name)
        && (m.locals.fieldType(name) != null || m.readsInheritedName(name));
    FieldMemos.in(m.nodes.ifs, isField)
        .or(() -> FieldMemos.answeredFirst(callable, isField))
        .ifPresent(memo -> {
          m.usesCache = true;
          file.caches.add(new ExistingCacheFact(memo.map() ? "map-memo" : "field-memo", owner, callable.getNameAsString(),
              memo.field(), SourceRange.of(memo.guard()), file.text.firstLine(memo.guard()), memo.refreshedWhen()));
        });
  }

  void noteCacheUse(MethodCallExpr call, String name, Expression scope) {
    if (scope == null) {
      return;
    }
    TypeNames.Qualified receiver = m.locals.syntacticType(scope);
    if (receiver == null) {
      return;
    }
    if (CACHE_TYPES.contains(receiver.name())) {
      m.usesCache = true;
    } else if (MAP_TYPES.contains(receiver.name()) && name.equals("computeIfAbsent") && isField(scope)) {
      m.usesCache = true;
      file.caches.add(new ExistingCacheFact("map-memo", owner, callable.getNameAsString(), scopeName(scope),
          SourceRange.of(call), file.text.snippet(call)));
    }
  }

  private boolean isField(Expression scope) {
    if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return true;
    }
    return scope instanceof NameExpr name && !m.locals.types.containsKey(name.getNameAsString())
        && m.locals.fieldType(name.getNameAsString()) != null;
  }

  private String scopeName(Expression scope) {
    return scope instanceof NameExpr name ? name.getNameAsString()
        : scope instanceof FieldAccessExpr access ? access.getNameAsString() : scope.toString();
  }
}
