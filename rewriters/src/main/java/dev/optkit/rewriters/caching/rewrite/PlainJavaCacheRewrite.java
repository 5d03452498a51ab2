package dev.optkit.rewriters.caching.rewrite;

import dev.optkit.rewriters.caching.text.CacheSwitchFile;
import dev.optkit.rewriters.caching.text.JavaText;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.type.ReferenceType;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.edit.DeclaredNames;
import dev.optkit.rewriters.edit.SourceDocument;
import dev.optkit.rewriters.edit.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Plain Java caching: a bounded, expiring Caffeine cache field per method, the original body moved
 * to a private loader, the method itself answering from the cache. Null results are cached as
 * {@code Optional.empty()} (Caffeine stores no null), checked exceptions pass through unchanged
 * (the loader keeps the throws clause and is called outside any lambda), and methods returning
 * {@code CompletableFuture} get an {@code AsyncCache}. Several parameters make a small key record
 * (a value class below Java 16). Writers count their invalidations, and a load that saw one happen
 * while it ran drops what it stored: it may have read the data before that write.
 */
public final class PlainJavaCacheRewrite {
  static final String CAFFEINE = "com.github.benmanes.caffeine.cache.Caffeine";
  static final String CACHE = "com.github.benmanes.caffeine.cache.Cache";
  static final String ASYNC_CACHE = "com.github.benmanes.caffeine.cache.AsyncCache";

  /** The edits for one method, the imports they need, and what writers must invalidate. */
  public record Result(List<TextEdit> edits, Set<String> imports, List<Invalidation> invalidations) {
    public Result(List<TextEdit> edits, Set<String> imports) {
      this(edits, imports, List.of());
    }
  }

  private final SourceDocument document;
  private final CompilationUnit unit;
  private final String switchReference;
  private final int javaRelease;
  /** Whether the switch class has the percentage rollout (one from an earlier migration may not). */
  private final boolean rollout;
  /** Micrometer is on the module's class path: each cache is bound to its global registry. */
  private final boolean metrics;
  /** The caches whose entries live in Redis ({@link dev.optkit.rewriters.caching.backends.PlainRedisBackend}), and how this file names their class. */
  private final java.util.function.Predicate<CachingTarget> inRedis;
  private final String redisReference;
  private final Set<String> reserved = new java.util.HashSet<>();
  /** The class's element-counting method for weighed caches, named when the first one needs it. */
  private String weigher;
  private boolean weigherWritten;
  private List<MethodDeclaration> indexedWriters;
  private java.util.Map<String, List<MethodDeclaration>> writersByPlace;

  /**
   * @param switchReference how to name the emergency switch class from this file
   * @param javaRelease the target project's Java release: records from 16 on
   * @param rollout ask the switch whether each read's key is in the cache's rollout percentage
   * @param metrics bind each cache to Micrometer's global registry
   */
  private final String meterTagKey;

  public PlainJavaCacheRewrite(SourceDocument document, CompilationUnit unit, String switchReference, int javaRelease,
      boolean rollout, boolean metrics) {
    this(document, unit, switchReference, javaRelease, rollout, metrics, target -> false, null, "cache.manager");
  }

  /**
   * @param inRedis the caches whose entries live in Redis, each an {@link dev.optkit.rewriters.caching.backends.PlainRedisCacheFile#CLASS_NAME} field
   * @param redisReference how this file names that class
   * @param meterTagKey the key Spring Boot's own binder tags the cache manager by, which the caches' meters use too
   */
  public PlainJavaCacheRewrite(SourceDocument document, CompilationUnit unit, String switchReference, int javaRelease,
      boolean rollout, boolean metrics, java.util.function.Predicate<CachingTarget> inRedis, String redisReference,
      String meterTagKey) {
    this.meterTagKey = meterTagKey;
    this.inRedis = inRedis;
    this.redisReference = redisReference;
    this.document = document;
    this.unit = unit;
    this.switchReference = switchReference;
    this.javaRelease = javaRelease;
    this.rollout = rollout;
    this.metrics = metrics;
  }

  public Result rewrite(CachingTarget target, MethodDeclaration method, List<MethodDeclaration> writers) {
    String name = method.getNameAsString();
    String fieldName = uniqueMember(name + "Cache");
    String loaderName = uniqueMember(name + "Uncached");
    String memberIndent = document.indentationOf(method.getBegin().orElseThrow().line);
    String unit1 = document.indentUnit();
    String bodyIndent = memberIndent + unit1;
    String nl = document.lineSeparator();
    boolean isStatic = method.isStatic();
    String returnType = text(method.getType());
    boolean async = CacheForm.isFuture(target.method().fact().returnType());
    boolean primitive = JavaText.isPrimitive(returnType);
    boolean optionalReturn = target.method().fact().returnType().equals("java.util.Optional");
    boolean redis = inRedis.test(target); // never a future or a weighed cache (PlainRedisBackend.whyLocal)
    boolean evicted = !target.evictions().isEmpty();
    Set<String> imports = redis ? new LinkedHashSet<>() : new LinkedHashSet<>(List.of(CAFFEINE, "java.time.Duration"));
    String caffeine = ref(CAFFEINE);
    String duration = ref("java.time.Duration");
    String optional = ref("java.util.Optional");

    List<Parameter> params = method.getParameters();
    List<String> args = params.stream().map(Parameter::getNameAsString).toList();
    String keyLocal = local("key", args);
    String cachedLocal = local("cached", args);
    String valueLocal = local("value", args);
    String keyType;
    String keyExpression;
    String keyDeclaration = "";
    if (params.isEmpty()) {
      keyType = "Boolean";
      keyExpression = "Boolean.TRUE";
    } else if (params.size() == 1) {
      keyType = JavaText.boxed(text(params.get(0).getType()));
      keyExpression = args.get(0);
    } else if (redis) {
      keyType = null; // the arguments are the key's parts, written as one text in Redis
      keyExpression = String.join(", ", args);
    } else {
      keyType = uniqueMember(JavaText.capitalized(name) + "Key");
      keyExpression = "new " + keyType + "(" + String.join(", ", args) + ")";
      List<String> components = params.stream().map(param -> text(param.getType()) + " " + param.getNameAsString()).toList();
      keyDeclaration = PlainCacheKeys.declaration(keyType, name, components, javaRelease >= 16, memberIndent,
          document.indentUnit(), nl);
    }

    String valueType;
    String cacheType;
    if (async) {
      valueType = futureValueType(returnType);
      cacheType = ref(ASYNC_CACHE) + "<" + keyType + ", " + valueType + ">";
      imports.add(ASYNC_CACHE);
    } else if (primitive || optionalReturn) {
      valueType = JavaText.boxed(returnType);
      cacheType = redis ? redisReference + "<" + valueType + ">" : ref(CACHE) + "<" + keyType + ", " + valueType + ">";
      if (!redis) {
        imports.add(CACHE);
      }
    } else {
      valueType = optional + "<" + returnType + ">";
      cacheType = redis ? redisReference + "<" + valueType + ">" : ref(CACHE) + "<" + keyType + ", " + valueType + ">";
      if (!redis) {
        imports.add(CACHE);
      }
      imports.add("java.util.Optional");
    }

    String loaderCall = loaderName + "(" + String.join(", ", args) + ")";
    String policy = target.policyName() + ": expires " + target.policy().ttlSeconds() + " s after write, at most "
        + (target.weighed() ? target.policy().maximumWeight() + " elements, as " + String.join(", ", target.clientSizes())
            + " sets how many an entry holds" : target.policy().maximumSize() + " entries")
        + (target.keepsNoNull() ? "; null, its answer when a call fails, is not kept" : "");
    StringBuilder field = new StringBuilder();
    field.append(memberIndent).append("/** Added by optkit migrate: cache for ").append(name).append("() (").append(policy)
        .append("). */").append(nl);
    for (String stale : target.acceptedStale()) {
      field.append(JavaText.lineComment(memberIndent, stale, nl));
    }
    if (redis) {
      field.append(memberIndent).append("private ").append(isStatic ? "static " : "").append("final ").append(cacheType)
          .append(' ').append(fieldName).append(" = ").append(redisReference).append(".of(")
          .append(JavaText.literal(target.cacheName())).append(", ").append(target.policy().ttlSeconds() * 1000L)
          .append("L, ").append(!primitive).append(", ").append(PlainCacheKeys.valueClass(method.getType(), optionalReturn))
          .append(".class);").append(nl).append(nl);
    } else {
    field
        .append(memberIndent).append("private ").append(isStatic ? "static " : "").append("final ").append(cacheType).append(' ')
        .append(fieldName).append(" = ").append(metrics ? monitor(imports) : "").append(caffeine).append(".newBuilder()").append(nl)
        .append(bodyIndent).append(unit1).append(".expireAfterWrite(").append(duration).append(".ofSeconds(").append(target.policy().ttlSeconds())
        .append("))").append(nl)
        .append(bound(target, keyType, valueType, bodyIndent + unit1, nl))
        .append(bodyIndent).append(unit1).append(".recordStats()").append(nl)
        .append(bodyIndent).append(unit1).append(async ? ".buildAsync()" : ".build()")
        .append(metrics ? ", " + JavaText.literal(target.cacheName()) + ", " + SpringCacheConfigRewrite.springBootTags(meterTagKey,
            JavaText.literal(target.cacheName())) + ")" : "").append(';').append(nl).append(nl);
    }
    // only a cache its writers invalidate can load across a write (in Redis, the cache counts its evictions itself)
    String writesField = !evicted || redis ? null : uniqueMember(fieldName + "Writes");
    if (writesField != null) {
      imports.add("java.util.concurrent.atomic.AtomicLong");
      field.append(memberIndent).append("/** Added by optkit migrate: writes invalidating ").append(fieldName)
          .append(", so a value loaded while one ran is not kept. */").append(nl)
          .append(memberIndent).append("private ").append(isStatic ? "static " : "").append("final ")
          .append(ref("java.util.concurrent.atomic.AtomicLong")).append(' ').append(writesField).append(" = new ")
          .append(ref("java.util.concurrent.atomic.AtomicLong")).append("();").append(nl).append(nl);
    }
    if (!keyDeclaration.isEmpty()) {
      field.append(keyDeclaration).append(nl);
    }
    if (target.weighed() && !weigherWritten) {
      weigherWritten = true; // one per class, shared by its weighed caches
      field.append(String.join(nl, ElementWeigher.method(weigher, memberIndent, unit1, "Added by optkit migrate: "
          + "the weight of an entry of a cache bounded by weight, its number of elements (at least 1)."))).append(nl).append(nl);
    }

    List<String> body = new ArrayList<>();
    body.add("{");
    // Caffeine takes no null key: a call with a null lone key is answered uncached
    boolean nullableKey = params.size() == 1 && !params.get(0).getType().isPrimitiveType();
    // the percentage rollout decides by the method's arguments, the parts of the key (CacheSwitchFile says how)
    String inRollout = rollout ? nl + bodyIndent + unit1 + unit1 + "|| !" + switchReference + "." + CacheSwitchFile.ROLLOUT_METHOD
        + "(" + String.join(", ", java.util.stream.Stream.concat(java.util.stream.Stream.of(JavaText.literal(target.cacheName())),
            args.stream()).toList()) + ")" : "";
    body.add(bodyIndent + "if (" + switchReference + ".disabled()" + (nullableKey ? " || " + args.get(0) + " == null" : "")
        + inRollout + ") {");
    body.add(bodyIndent + unit1 + "return " + loaderCall + ";");
    body.add(bodyIndent + "}");
    if (async) {
      // the load runs outside the cache: a future computed inside it is skipped by invalidateAll() while its
      // loader blocks, and would be stored after the write that tried to drop it
      String keyVariable = params.size() > 1 ? keyLocal : keyExpression;
      if (params.size() > 1) {
        body.add(bodyIndent + keyType + " " + keyLocal + " = " + keyExpression + ";");
      }
      body.add(bodyIndent + returnType + " " + cachedLocal + " = " + fieldName + ".getIfPresent(" + keyVariable + ");");
      body.add(bodyIndent + "if (" + cachedLocal + " != null) {");
      body.add(bodyIndent + unit1 + "return " + cachedLocal + ";");
      body.add(bodyIndent + "}");
      String writesLocal = local("writes", args);
      if (writesField != null) {
        body.add(bodyIndent + "long " + writesLocal + " = " + writesField + ".get();");
      }
      body.add(bodyIndent + returnType + " " + valueLocal + " = " + loaderCall + ";");
      body.add(bodyIndent + "if (" + valueLocal + " == null) {");
      body.add(bodyIndent + unit1 + "return null;");
      body.add(bodyIndent + "}");
      storeUnlessWritten(body, bodyIndent, unit1, writesField, writesLocal,
          fieldName + ".put(" + keyVariable + ", " + valueLocal + ");");
      body.add(bodyIndent + "return " + valueLocal + ";");
    } else {
      String keyVariable = params.size() > 1 && !redis ? keyLocal : keyExpression;
      if (params.size() > 1 && !redis) {
        body.add(bodyIndent + keyType + " " + keyLocal + " = " + keyExpression + ";");
      }
      body.add(bodyIndent + valueType + " " + cachedLocal + " = " + fieldName + ".getIfPresent(" + keyVariable + ");");
      body.add(bodyIndent + "if (" + cachedLocal + " != null) {");
      body.add(bodyIndent + unit1 + "return " + (primitive || optionalReturn ? cachedLocal : cachedLocal + ".orElse(null)") + ";");
      body.add(bodyIndent + "}");
      String writesLocal = local("writes", args);
      if (writesField != null || redis && evicted) {
        body.add(bodyIndent + "long " + writesLocal + " = " + (redis ? fieldName + ".evictions();" : writesField + ".get();"));
      }
      body.add(bodyIndent + returnType + " " + valueLocal + " = " + loaderCall + ";");
      String kept = primitive || optionalReturn ? valueLocal : optional + ".ofNullable(" + valueLocal + ")";
      String keyParts = keyVariable.isEmpty() ? "" : ", " + keyVariable;
      String store = !redis ? fieldName + ".put(" + keyVariable + ", " + kept + ");"
          : evicted ? fieldName + ".putUnlessEvictedSince(" + writesLocal + ", " + kept + keyParts + ");"
          : fieldName + ".put(" + kept + keyParts + ");";
      if (optionalReturn || target.keepsNoNull()) {
        // an empty Optional is an answer to keep, unless it is what a failure answers
        body.add(bodyIndent + "if (" + valueLocal + " != null" + (optionalReturn && target.keepsNoNull()
            ? " && " + valueLocal + ".isPresent()" : "") + ") {");
        storeUnlessWritten(body, bodyIndent + unit1, unit1, writesField, writesLocal, store);
        body.add(bodyIndent + "}");
      } else {
        storeUnlessWritten(body, bodyIndent, unit1, writesField, writesLocal, store);
      }
      body.add(bodyIndent + "return " + valueLocal + ";");
    }
    body.add(memberIndent + "}");

    Node declarationStart = method.getComment().map(c -> (Node) c).orElse(method);
    int fieldOffset = document.lineStart(declarationStart.getBegin().orElseThrow().line);
    int bodyStart = offsetOf(method.getBody().orElseThrow(), true);
    int bodyEnd = offsetOf(method.getBody().orElseThrow(), false);
    String originalBody = document.text().substring(bodyStart, bodyEnd);
    String loader = nl + nl
        + memberIndent + "@SuppressWarnings(\"optkit:CacheableReadMethod\") // the uncached load, called by " + name + "()" + nl
        + memberIndent + "private " + (isStatic ? "static " : "") + returnType + " " + loaderName + "("
        + parameterText(method) + ")" + throwsText(method) + " " + originalBody;

    List<TextEdit> edits = new ArrayList<>();
    edits.add(TextEdit.insert(fieldOffset, field.toString()));
    edits.add(new TextEdit(bodyStart, bodyEnd, String.join(nl, body)));
    edits.add(TextEdit.insert(bodyEnd, loader));
    List<Invalidation> invalidations = new ArrayList<>();
    for (CachingTarget.Eviction eviction : target.evictions()) {
      for (MethodDeclaration writer : writersAt(writers, eviction.writer().fact().name(),
          eviction.writer().fact().range().line())) {
        if (writer.getBody().isPresent()) {
          List<String> statements = new ArrayList<>();
          // in Redis, the eviction is counted first, so a load that began before it stores nothing; one that fails
          // while the write failed too is kept beside the write's exception, not thrown instead of it
          String invalidate = redis ? fieldName + ".invalidateAllAfter(" + WRITE_FAILURE + ");"
              : fieldName + (async ? ".synchronous()" : "") + ".invalidateAll();";
          // under the lock a load's check-and-store holds: a value loaded before this write is never stored after it
          statements.add(writesField == null ? invalidate : "synchronized (" + writesField + ") { "
              + writesField + ".incrementAndGet(); " + invalidate + " }");
          // in Redis, evicted before the write too: a writer that cannot reach Redis (its client reconnecting after
          // a restart, while other instances cache again) fails before it writes, instead of writing and leaving
          // every instance the old entry until it expires (trial 84's R2)
          invalidations.add(new Invalidation(writer, name + "()", statements,
              redis ? List.of(fieldName + ".invalidateAll();") : List.of()));
        }
      }
    }
    return new Result(edits, imports, invalidations);
  }

  /**
   * Makes each writer invalidate its caches after the write, as Spring's {@code @CacheEvict} does
   * (invalidating before would let a read in between cache the old value again), without
   * re-indenting it: the writer's body moves, line for line, to a private {@code ...Unevicted}
   * method beside it, and the writer calls that in a try whose finally invalidates. One edit pair per
   * writer, whatever number of caches it invalidates.
   */
  public List<TextEdit> invalidations(List<Invalidation> invalidations) {
    // by the writer itself, not by JavaParser's equals: that compares whole subtrees (a hash walks the writer's
    // body for each of its invalidations), and would take two identical writers of two nested classes for one
    java.util.Map<MethodDeclaration, List<Invalidation>> byWriter = new java.util.IdentityHashMap<>();
    List<MethodDeclaration> writers = new ArrayList<>();
    for (Invalidation invalidation : invalidations) {
      byWriter.computeIfAbsent(invalidation.writer(), k -> {
        writers.add(k);
        return new ArrayList<>();
      }).add(invalidation);
    }
    List<TextEdit> edits = new ArrayList<>();
    String nl = document.lineSeparator();
    String unit1 = document.indentUnit();
    for (MethodDeclaration writer : writers) {
      List<Invalidation> ofWriter = byWriter.get(writer);
      String memberIndent = document.indentationOf(writer.getBegin().orElseThrow().line);
      String bodyIndent = memberIndent + unit1;
      int start = offsetOf(writer.getBody().orElseThrow(), true);
      int end = offsetOf(writer.getBody().orElseThrow(), false);
      String moved = uniqueMember(writer.getNameAsString() + "Unevicted");
      String arguments = String.join(", ", writer.getParameters().stream().map(Parameter::getNameAsString).toList());
      boolean keepsFailure = ofWriter.stream().anyMatch(i -> i.statements().stream().anyMatch(t -> t.contains(WRITE_FAILURE)));
      String failure = keepsFailure ? local("writeFailure", writer.getParameters().stream()
          .map(Parameter::getNameAsString).toList()) : null;
      StringBuilder body = new StringBuilder("{").append(nl);
      if (failure != null) {
        body.append(bodyIndent).append("Throwable ").append(failure).append(" = null;").append(nl);
      }
      List<String> before = ofWriter.stream().flatMap(i -> i.before().stream()).distinct().toList();
      if (!before.isEmpty()) {
        body.append(bodyIndent).append("// Added by optkit migrate: evicted before the write too, which does not run "
            + "when Redis cannot be reached").append(nl);
        before.forEach(statement -> body.append(bodyIndent).append(statement).append(nl));
      }
      body.append(bodyIndent).append("try {").append(nl)
          .append(bodyIndent).append(unit1).append(writer.getType().isVoidType() ? "" : "return ")
          .append(moved).append('(').append(arguments).append(");").append(nl);
      if (failure != null) {
        String thrown = local("thrown", writer.getParameters().stream().map(Parameter::getNameAsString).toList());
        body.append(bodyIndent).append("} catch (Throwable ").append(thrown).append(") {").append(nl)
            .append(bodyIndent).append(unit1).append(failure).append(" = ").append(thrown).append(';').append(nl)
            .append(bodyIndent).append(unit1).append("throw ").append(thrown).append(';').append(nl);
      }
      body.append(bodyIndent).append("} finally {").append(nl);
      List<String> invalidated = ofWriter.stream().map(Invalidation::cachedMethod).distinct().toList();
      body.append(bodyIndent).append(unit1).append("// Added by optkit migrate: this write changes what ")
          .append(String.join(", ", invalidated)).append(invalidated.size() == 1 ? " caches" : " cache").append(nl);
      for (Invalidation invalidation : ofWriter) {
        for (String statement : invalidation.statements()) {
          body.append(bodyIndent).append(unit1).append(failure == null ? statement : statement.replace(WRITE_FAILURE,
              failure)).append(nl);
        }
      }
      body.append(bodyIndent).append('}').append(nl).append(memberIndent).append('}');
      String typeParameters = writer.getTypeParameters().isEmpty() ? ""
          : "<" + String.join(", ", writer.getTypeParameters().stream().map(this::text).toList()) + "> ";
      String write = nl + nl
          + memberIndent + "// the write itself, moved as it was: " + writer.getNameAsString() + "() invalidates after it" + nl
          + memberIndent + "private " + (writer.isStatic() ? "static " : "") + typeParameters + text(writer.getType()) + " "
          + moved + "(" + parameterText(writer) + ")" + throwsText(writer) + " " + document.text().substring(start, end);
      edits.add(new TextEdit(start, end, body.toString()));
      edits.add(TextEdit.insert(end, write));
    }
    return edits;
  }

  /**
   * The writers of that name declared on that line, in the order given. Indexed once per list of
   * writers (the caller passes every method of the file, the same list for each cached method):
   * scanning it for each eviction of each cached method was quadratic in a file's size.
   */
  private List<MethodDeclaration> writersAt(List<MethodDeclaration> writers, String name, int line) {
    if (writers != indexedWriters) {
      writersByPlace = new java.util.HashMap<>();
      for (MethodDeclaration writer : writers) {
        int begin = writer.getBegin().orElseThrow().line;
        writersByPlace.computeIfAbsent(writer.getNameAsString() + "@" + begin, k -> new ArrayList<>()).add(writer);
      }
      indexedWriters = writers;
    }
    return writersByPlace.getOrDefault(name + "@" + line, List.of());
  }

  /**
   * The builder's bound: {@code maximumSize} in entries, or, when the caller chooses how many elements
   * an entry holds, {@code maximumWeight} in elements with a weigher (Caffeine takes one or the other).
   * The weigher's parameters are typed so the builder keeps the cache's key and value types.
   */
  private String bound(CachingTarget target, String keyType, String valueType, String indent, String nl) {
    if (!target.weighed()) {
      return indent + ".maximumSize(" + target.policy().maximumSize() + ")" + nl;
    }
    if (weigher == null) {
      weigher = uniqueMember("optkitElements");
    }
    return indent + ".maximumWeight(" + target.policy().maximumWeight() + ")" + nl
        + indent + ".weigher((" + keyType + " key, " + valueType + " value) -> " + weigher + "(value"
        + (target.contentGetter() == null ? "" : valueType.startsWith("Optional<")
            ? ".<Object>map(held -> held." + target.contentGetter() + "()).orElse(null)" // a null answer kept as empty
            : "." + target.contentGetter() + "()") + "))" + nl;
  }

  /**
   * The put of a loaded value: where writers invalidate, only when no write ran since the miss,
   * checked and stored under the lock the writers' invalidations hold, so no invalidation falls
   * between the check and the store (a value stored before one is dropped by it).
   */
  private static void storeUnlessWritten(List<String> body, String indent, String unit, String writesField,
      String writesLocal, String store) {
    if (writesField == null) {
      body.add(indent + store);
      return;
    }
    body.add(indent + "synchronized (" + writesField + ") {");
    body.add(indent + unit + "if (" + writesField + ".get() == " + writesLocal + ") {");
    body.add(indent + unit + unit + store);
    body.add(indent + unit + "}");
    body.add(indent + "}");
  }

  /**
   * The start of the call that binds a cache to Micrometer's global registry (cache.gets by result,
   * puts, evictions, size and load times, tagged with the cache's name): a plain class has no
   * container to hand it the application's registry, which Spring Boot adds to the global one.
   */
  private String monitor(Set<String> imports) {
    imports.add(CACHE_METRICS);
    imports.add(GLOBAL_METRICS);
    return ref(CACHE_METRICS) + ".monitor(" + ref(GLOBAL_METRICS) + ".globalRegistry, ";
  }

  static final String CACHE_METRICS = "io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics";
  static final String GLOBAL_METRICS = "io.micrometer.core.instrument.Metrics";

  /** Stands in a Redis cache's invalidation for the writer's local holding what its write threw, if anything. */
  private static final String WRITE_FAILURE = "\u0000writeFailure";

  /** A cache a writer must invalidate once its write is done. */
  /** @param before statements run before the write, which fails before it runs when one of them throws */
  public record Invalidation(MethodDeclaration writer, String cachedMethod, List<String> statements,
      List<String> before) {
    public Invalidation(MethodDeclaration writer, String cachedMethod, List<String> statements) {
      this(writer, cachedMethod, statements, List.of());
    }
  }

  /** A local variable name the method's parameters do not already use. */
  private static String local(String wanted, List<String> parameters) {
    String name = wanted;
    for (int i = 2; parameters.contains(name); i++) {
      name = wanted + i;
    }
    return name;
  }

  private String ref(String qualifiedName) {
    return dev.optkit.rewriters.edit.Imports.reference(unit, qualifiedName);
  }

  private static String futureValueType(String returnType) {
    int open = returnType.indexOf('<');
    return open < 0 ? "Object" : returnType.substring(open + 1, returnType.lastIndexOf('>')).trim();
  }

  private String parameterText(MethodDeclaration method) {
    if (method.getParameters().isEmpty()) {
      return "";
    }
    int start = offsetOf(method.getParameter(0), true);
    int end = offsetOf(method.getParameter(method.getParameters().size() - 1), false);
    return document.text().substring(start, end);
  }

  private String throwsText(MethodDeclaration method) {
    if (method.getThrownExceptions().isEmpty()) {
      return "";
    }
    List<String> thrown = new ArrayList<>();
    for (ReferenceType type : method.getThrownExceptions()) {
      thrown.add(text(type));
    }
    return " throws " + String.join(", ", thrown);
  }

  /** A member name not yet used in the file (fields, methods and types). */
  private String uniqueMember(String wanted) {
    DeclaredNames declared = DeclaredNames.of(unit);
    String name = wanted;
    for (int i = 2; declared.declares(name) || reserved.contains(name); i++) {
      name = wanted + i;
    }
    reserved.add(name);
    return name;
  }

  /** The node's source text as written. */
  private String text(Node node) {
    return document.text().substring(offsetOf(node, true), offsetOf(node, false));
  }

  /** Offset of a node's first character, or just past its last. */
  int offsetOf(Node node, boolean start) {
    var range = node.getRange().orElseThrow();
    return start ? document.offset(range.begin.line, range.begin.column) : document.offset(range.end.line, range.end.column) + 1;
  }
}
