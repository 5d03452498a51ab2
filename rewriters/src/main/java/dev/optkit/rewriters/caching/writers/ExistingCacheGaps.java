package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.index.DataFootprint;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's own Spring caches that a writer of their data never evicts: ravan-chuang's
 * {@code @Cacheable("products")} on {@code ProductService.getProductById}, evicted by {@code updateProduct} and
 * {@code deleteProduct} but not by {@code OrderService.createOrderFromCart}, which saves the product's new stock,
 * so the product page showed the old stock until the next edit. optkit leaves the project's caches as they are
 * and says where a write misses them, from the same writes it evicts its own caches for: a write whose data
 * optkit can name (an unknown footprint would name every cache), in production code, neither evicting the cache
 * itself ({@code @CacheEvict} or {@code @CachePut}, or any {@code @Caching}) nor reached only from methods that do.
 */
public final class ExistingCacheGaps {
  private static final int MAX_CALLER_DEPTH = 8;

  private final WholeProject whole;
  private final ProjectIndex index;

  public ExistingCacheGaps(WholeProject whole) {
    this.whole = whole;
    this.index = whole.index();
  }

  /** One note per cached method with writers that miss its cache, in the index's method order. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    if (evictsByHand()) {
      return notes; // cacheManager.getCache("products").evict(id): evictions optkit cannot match to writers
    }
    for (IndexedMethod cached : index.methods()) {
      Optional<String> cache = value(cached.fact(), "Cacheable");
      if (cache.isEmpty() || SourceSet.isTestPath(cached.path())) {
        continue;
      }
      // only what it is known to read: a read optkit cannot map (a JPQL join fetch) overlaps every write, and the
      // note would name writers of other data as writers of its data (trial 97: petclinic's findVets, said to be
      // made stale by saving owners, pets and visits)
      List<DataFootprint> reads = index.reachedIo(cached).stream().filter(r -> r.site().access() == Access.READ)
          .map(r -> index.footprints().of(r.site())).filter(footprint -> !footprint.unknown()).toList();
      Map<IndexedMethod, String> firstWrites = new java.util.LinkedHashMap<>();
      for (ProjectWrites.Write write : ProjectWrites.byFootprint(whole).overlapping(reads)) {
        if (write.method() != cached && !write.footprint().unknown() && !SourceSet.isTestPath(write.method().path())
            && !firstWrites.containsKey(write.method()) && !evicted(write.method(), cache.get(), new java.util.HashSet<>(), 0)) {
          firstWrites.put(write.method(), write.method().fact().displayName() + "() " + write.what());
        }
      }
      Set<String> missing = new LinkedHashSet<>(firstWrites.values());
      if (!missing.isEmpty()) {
        notes.add(cached.fact().displayName() + "() is cached by the project ('" + cache.get() + "'), but "
            + (missing.size() == 1 ? "this writer of its data evicts" : "these writers of its data evict")
            + " nothing from that cache: " + String.join("; ", missing) + ". After such a write it answers the old "
            + "data until the entry expires; optkit leaves the project's own caches as they are: add "
            + "@CacheEvict(cacheNames = \"" + cache.get() + "\", allEntries = true) there");
      }
    }
    return notes;
  }

  /**
   * Whether the cache is evicted around the writer: by its own annotation, or by every production method that
   * calls it (in turn). A method nothing in the project calls is an entry point: its own annotation or nothing.
   */
  private boolean evicted(IndexedMethod writer, String cache, Set<IndexedMethod> seen, int depth) {
    if (evicts(writer.fact(), cache) || evictsThroughAnotherBean(writer, cache)) {
      return true;
    }
    if (!seen.add(writer) || depth > MAX_CALLER_DEPTH) {
      return true; // a cycle or a long chain: say nothing rather than something untrue
    }
    List<IndexedMethod> callers = index.callersOf(writer).stream().filter(c -> !SourceSet.isTestPath(c.path()))
        .toList();
    return !callers.isEmpty() && callers.stream().allMatch(caller -> evicted(caller, cache, seen, depth + 1));
  }

  /**
   * {@code bookCacheService.cacheEvictBook(id)}: a call on another object of a method that evicts the cache, through
   * that bean's proxy (trial 82's BookManager); a call through {@code this} runs past its own proxy and evicts nothing.
   */
  private boolean evictsThroughAnotherBean(IndexedMethod writer, String cache) {
    return evictsThroughAnotherBean(writer, cache, writer.fact().ownerType(), 0);
  }

  /** As above, through the writer's own helpers it calls on itself ({@code cachePut(result)}, private), a few deep. */
  private boolean evictsThroughAnotherBean(IndexedMethod method, String cache, String bean, int depth) {
    for (var call : method.fact().calls()) {
      if (call.receiverType() == null) {
        continue;
      }
      boolean own = call.receiverType().equals(bean);
      for (IndexedMethod target : index.targetsOf(call)) {
        if (own ? depth < MAX_CALLER_DEPTH && target != method && evictsThroughAnotherBean(target, cache, bean, depth + 1)
            : evicts(target.fact(), cache)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Any {@code @CacheEvict} or {@code @Caching}: the facts keep an annotation's first cache name only, and one
   * naming {@code {"titles", "products"}} evicts both.
   */
  /**
   * Whether the writer keeps the project's caches itself: it evicts, or puts what it wrote into that cache
   * ({@code @CachePut} naming it, as spring-boot-redis-cache's savePerson does: the entry it writes is current after
   * the write, so "answers the old data" would not be true of it; trial 61).
   */
  private static boolean evicts(MethodFact fact, String cache) {
    return fact.hasAnnotation("org.springframework.cache.annotation.Caching")
        || fact.hasAnnotation("org.springframework.cache.annotation.CacheEvict")
        || value(fact, "CachePut").filter(cache::equals).isPresent();
  }

  /** The first cache name a Spring cache annotation of the method gives ({@code value} or {@code cacheNames}). */
  private static Optional<String> value(MethodFact fact, String annotation) {
    if (!fact.hasAnnotation("org.springframework.cache.annotation." + annotation)) {
      return Optional.empty();
    }
    for (Map.Entry<String, String> entry : fact.annotationValues().entrySet()) {
      if (entry.getKey().equals("org.springframework.cache.annotation." + annotation)
          || entry.getKey().equals(annotation) || entry.getKey().endsWith("." + annotation)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** Whether the project reaches into a cache by hand: {@code getCache(...)} on a manager, evictions in code. */
  private boolean evictsByHand() {
    return index.methods().stream().filter(m -> !SourceSet.isTestPath(m.path()))
        .flatMap(m -> m.fact().calls().stream())
        .anyMatch(call -> call.name().equals("getCache") && call.receiverType() != null
            && call.receiverType().contains("Cache"));
  }
}
