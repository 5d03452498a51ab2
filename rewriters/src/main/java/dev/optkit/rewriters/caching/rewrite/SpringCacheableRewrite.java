package dev.optkit.rewriters.caching.rewrite;

import dev.optkit.rewriters.caching.text.CacheSwitchFile;
import dev.optkit.rewriters.caching.text.JavaText;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.writers.ExistingEvictions;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Spring caching: {@code @Cacheable} with an explicit cache name and a key covering every
 * parameter, served by optkit's Caffeine cache manager ({@link SpringCacheConfigRewrite}), skipped
 * while the emergency switch is on; {@code @CacheEvict} on writers of the same bean whose
 * parameters identify the entry.
 */
public final class SpringCacheableRewrite {
  static final String CACHEABLE = "org.springframework.cache.annotation.Cacheable";
  static final String CACHE_EVICT = "org.springframework.cache.annotation.CacheEvict";
  static final String CACHING = "org.springframework.cache.annotation.Caching";

  private final SourceDocument document;
  private final CompilationUnit unit;
  private final String switchType;
  private final String managerAttribute;
  private final boolean transactionAware;
  private final boolean rollout;
  /** Writers of any migrated cache, as path:name@line: Spring refuses sync on a method with another cache operation. */
  private final Set<String> writers;
  private final boolean sync;
  private final boolean writeStartViews;
  private final boolean evictsBefore;

  /**
   * @param switchType qualified name of the emergency switch class (referenced from SpEL)
   * @param managerAttribute {@code cacheManager = "..."} or {@code cacheResolver = "..."}
   * @param transactionAware optkit's caches are transaction-aware: an eviction after the write waits for the commit
   * @param rollout the condition asks the switch whether the key is in the cache's rollout percentage
   * @param sync {@code sync = true} where Spring allows it: the caches load once per key in a JVM (the local
   *     backend's WriteAwareCache does; Spring Data Redis's non-locking writer would not)
   * @param writers the methods that evict a migrated cache ({@link #writerKey}), never given sync
   * @param writeStartViews the eviction before a write names each cache's {@code WriteStart} view (the configuration
   *     written for Spring before 5.2.8 with transactions: {@link SpringCacheConfigRewrite#WRITE_START})
   * @param evictsBefore each writer also evicts before it runs, which opens its write in the local backend's
   *     WriteAwareCache until the eviction after it (with transactions, or from Spring 5.2.8 on): a writer that fails
   *     after its write took effect (a remote write whose answer was lost) leaves no cached answer behind it
   */
  public SpringCacheableRewrite(SourceDocument document, CompilationUnit unit, String switchType, String managerAttribute,
      boolean transactionAware, boolean rollout, boolean sync, Set<String> writers, boolean writeStartViews,
      boolean evictsBefore) {
    this.writeStartViews = writeStartViews;
    this.evictsBefore = evictsBefore || transactionAware;
    this.document = document;
    this.unit = unit;
    this.switchType = switchType;
    this.managerAttribute = managerAttribute;
    this.transactionAware = transactionAware;
    this.rollout = rollout;
    this.sync = sync;
    this.writers = writers;
  }

  /** How {@code writers} names a method. */
  public static String writerKey(String path, String name, int line) {
    return path + ":" + name + "@" + line;
  }

  public PlainJavaCacheRewrite.Result rewrite(CachingTarget target, MethodDeclaration method) {
    String nl = document.lineSeparator();
    Set<String> imports = new LinkedHashSet<>();
    List<TextEdit> edits = new ArrayList<>();
    String indent = document.indentationOf(method.getBegin().orElseThrow().line);
    List<String> parts = new ArrayList<>();
    StringBuilder guards = new StringBuilder();
    for (int i = 0; i < method.getParameters().size(); i++) {
      Optional<String> copy = dev.optkit.rewriters.caching.keys.CopiedKeys.copiedAs(method.getParameter(i), unit);
      // a collection its caller may change later: the key holds a copy, made before the call (a null one skips)
      parts.add(copy.map(c -> "new " + c + "(#p").orElse("#p") + i + (copy.isPresent() ? ")" : ""));
      if (copy.isPresent() && method.getParameters().size() > 1) {
        guards.append("#p").append(i).append(" != null and ");
      }
    }
    String key = keyExpression(parts);
    // a lone key that is null would make Spring throw ("Null key returned"): such calls skip the cache
    boolean nullableKey = method.getParameters().size() == 1 && !method.getParameter(0).getType().isPrimitiveType();
    String condition = (nullableKey ? "#p0 != null and " : "") + guards + "!T(" + switchType + ").disabled()";
    if (rollout) {
      // by the arguments, the parts of the key: a condition runs before Spring makes the key
      StringBuilder call = new StringBuilder(" and T(" + switchType + ")." + CacheSwitchFile.ROLLOUT_METHOD + "('"
          + target.cacheName() + "'");
      for (int i = 0; i < method.getParameters().size(); i++) {
        call.append(", #p").append(i);
      }
      condition += call.append(')');
    }
    // sync: one load per key at a time in this JVM; Spring refuses it beside unless, several caches or another
    // cache operation on the method (a writer's @CacheEvict), none of which the @Cacheable below has otherwise
    boolean synced = sync && !writers.contains(writerKey(target.method().path(), target.method().fact().name(),
        target.method().fact().range().line()))
        && method.getAnnotations().stream().noneMatch(a -> a.getNameAsString().startsWith("Cach")
            || a.getNameAsString().contains(".cache.annotation."))
        && !dev.optkit.analyzers.facts.types.Publishers.is(target.method().fact().returnType())
        && !target.keepsNoNull();
    String cacheable = "@" + Imports.reference(unit, CACHEABLE) + "(cacheNames = " + JavaText.literal(target.cacheName())
        + ", key = " + JavaText.literal(key) + ", " + managerAttribute + ", condition = " + JavaText.literal(condition)
        + (target.keepsNoNull() ? ", unless = \"#result == null\"" : "") + (synced ? ", sync = true" : "") + ")";
    imports.add(CACHEABLE);
    StringBuilder comment = new StringBuilder(indent + "// Added by optkit migrate: " + target.policyName()
        + " data, expires " + target.policy().ttlSeconds() + " s after write"
        + (target.weighed() ? ", bounded by its elements (" + String.join(", ", target.clientSizes()) + " sets how many)" : "")
        + (target.keepsNoNull() ? "; null, its answer when a call fails, is not kept" : "") + nl);
    for (String stale : target.acceptedStale()) {
      comment.append(JavaText.lineComment(indent, stale, nl));
    }
    edits.add(TextEdit.insert(document.lineStart(method.getBegin().orElseThrow().line),
        comment + indent + cacheable + nl));
    return new PlainJavaCacheRewrite.Result(edits, imports);
  }

  /**
   * One annotation per writer for all the caches it must evict: a single {@code @CacheEvict} naming
   * them all when every eviction it carries has the same attributes (all are whole-cache evictions),
   * {@code @Caching(evict = {...})} only when they differ, since {@code @CacheEvict} is not
   * repeatable. With transaction-aware caches each cache is evicted twice: at once before the write
   * and after the commit, so those are the two annotations inside {@code @Caching}.
   *
   * @param path the file the writers are in: two files may declare a writer of the same name on the same line
   */
  public PlainJavaCacheRewrite.Result evictions(String path, List<CachingTarget> targets, List<MethodDeclaration> writers) {
    String nl = document.lineSeparator();
    List<TextEdit> edits = new ArrayList<>();
    Set<String> imports = new LinkedHashSet<>();
    for (MethodDeclaration writer : writers) {
      // a set: a writer reached twice for one cache (directly and through a caller) evicts it once
      Set<String> caches = new LinkedHashSet<>();
      Set<String> startNames = new LinkedHashSet<>();
      Set<String> reasons = new LinkedHashSet<>();
      for (CachingTarget target : targets) {
        for (CachingTarget.Eviction eviction : target.evictions()) {
          if (eviction.writer().path().equals(path) && writer.getNameAsString().equals(eviction.writer().fact().name())
              && writer.getBegin().orElseThrow().line == eviction.writer().fact().range().line()) {
            caches.add(JavaText.literal(target.cacheName()));
            startNames.add(JavaText.literal(target.cacheName() + (writeStartViews ? SpringCacheConfigRewrite.WRITE_START : "")));
            reasons.add(target.method().fact().displayName() + "()");
          }
        }
      }
      if (caches.isEmpty()) {
        continue;
      }
      String names = caches.size() == 1 ? caches.iterator().next() : "{" + String.join(", ", caches) + "}";
      String evict = "@" + Imports.reference(unit, CACHE_EVICT) + "(cacheNames = " + names + ", allEntries = true, ";
      List<String> evicts = new ArrayList<>();
      if (evictsBefore) {
        // before the write, at once: reads later in the same transaction load its own write, and the write is open
        // until the eviction after it (at the commit): whatever a concurrent read cached meanwhile goes too, and
        // nothing is cached while a write that failed may have taken effect
        String starts = startNames.size() == 1 ? startNames.iterator().next() : "{" + String.join(", ", startNames) + "}";
        evicts.add("@" + Imports.reference(unit, CACHE_EVICT) + "(cacheNames = " + starts + ", allEntries = true, "
            + "beforeInvocation = true, " + managerAttribute + ")");
      }
      evicts.add(evict + managerAttribute + ")");
      String indent = document.indentationOf(writer.getBegin().orElseThrow().line);
      imports.add(CACHE_EVICT);
      Optional<TextEdit> merged = ExistingEvictions.merge(document, writer, evicts, indent,
          Imports.reference(unit, CACHING));
      String annotation;
      if (merged.isPresent()) {
        imports.add(CACHING);
        edits.add(merged.get());
        annotation = null;
      } else if (evicts.size() == 1) {
        annotation = evicts.get(0);
      } else {
        imports.add(CACHING);
        annotation = "@" + Imports.reference(unit, CACHING) + "(evict = {" + nl + indent + document.indentUnit()
            + String.join("," + nl + indent + document.indentUnit(), evicts) + "})";
      }
      String when = transactionAware ? nl + indent + "// (evicted before the call, and again after its transaction commits)"
          : evictsBefore ? nl + indent + "// (evicted before the call, and again after it returns)" : "";
      String comment = JavaText.lineComment(indent, "Added by optkit migrate: this write changes what "
          + String.join(", ", reasons.stream().distinct().toList()) + " cache" + (reasons.size() == 1 ? "s" : ""), nl);
      edits.add(TextEdit.insert(document.lineStart(writer.getBegin().orElseThrow().line),
          comment.substring(0, comment.length() - nl.length()) + when
          + (merged.isPresent() ? " (merged into its own evictions below)" : "") + nl
          + (annotation == null ? "" : indent + annotation + nl)));
    }
    return new PlainJavaCacheRewrite.Result(edits, imports);
  }

  /** The key of these parts (SpEL over positional arguments, #p0..., which needs no -parameters flag). */
  private static String keyExpression(List<String> parts) {
    if (parts.isEmpty()) {
      return "'all'";
    }
    return parts.size() == 1 ? parts.get(0) : "{" + String.join(", ", parts) + "}";
  }
}
