package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A public writer its own object also calls through {@code this}: the call from inside bypasses Spring's proxy, so
 * the eviction goes on the writer (for calls through its proxy) and on every method making such a call, from its
 * class, a superclass or a subclass (audit 8, shape 8: {@code clearCart(User)} delegating to {@code
 * clearCart(Long)} refused every cached read of cleverjohann/spring-boot-ecommerce; {@code AuthService.register} of
 * ravan-chuang's). Hostile reviews 35 and 36 add writes no proxy sees: a writer the caller makes with {@code new},
 * run past the proxy by a library interface's default method or by code in its own fields, handed on outside a call
 * ({@code this} in a field, a block or a registry), or called from a local class; code in a field running nothing
 * of its object is no hidden write.
 */
class SelfCalledWritersTest extends SpringProjectPlans {
  private MigrationFixture project(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/audit8/" + name);
  }

  private static String after(MigrationPlan plan, String file) {
    return plan.changes().stream().filter(c -> c.path().endsWith(file)).findFirst()
        .map(c -> new String(c.after(), StandardCharsets.UTF_8)).orElseThrow(() -> new AssertionError(plan.changes()));
  }

  /** The lines of a rewritten file from its first annotation to the declaration naming {@code signature}. */
  private static int evictionsAbove(String source, String signature) {
    List<String> lines = source.lines().toList();
    int at = 0;
    while (at < lines.size() && !lines.get(at).contains(signature)) {
      at++;
    }
    int count = 0;
    for (int line = at - 1; line >= 0 && !lines.get(line).contains("public "); line--) {
      count += lines.get(line).contains("@CacheEvict(") ? 1 : 0;
    }
    return count;
  }

  @Test
  void aPublicOverloadDelegatingToTheWriterEvictsToo() throws Exception {
    // the application class as a plain configuration and a repository of Spring Data Commons: the tests' class path
    // has Spring and Spring Data Commons, not Spring Boot or Spring Data JPA
    MigrationFixture fixture = project("s8-overload").file("src/main/java/r/App.java", """
        package r;
        @org.springframework.context.annotation.Configuration public class App {}
        """).file("src/main/java/r/ItemRepository.java", """
        package r;
        public interface ItemRepository extends org.springframework.data.repository.ListCrudRepository<Item, Long> {}
        """);
    MigrationPlan plan = fixture.plan();
    assertTrue(target(plan, "ItemService.names").isPresent(), plan.refusals().toString());
    String service = after(plan, "ItemService.java");
    assertEquals(2, evictionsAbove(service, "public void rename(Long id, String n) {"), service);
    assertEquals(2, evictionsAbove(service, "public void rename(Long id, String n, String by) {"), service);
    fixture.assertCompiles(plan);
  }

  @Test
  void aSubclassCallingAnInheritedWriterThroughThisEvictsToo() {
    // before: ItemQueries.names() was evicted by ItemService.rename() alone, and BulkItemService.renameAll()'s
    // this-call of the inherited rename() bypassed the proxy, leaving the cache stale after every bulk rename
    MigrationPlan plan = project("s8-overload")
        .file("src/main/java/r/ItemService.java", """
            package r;
            import org.springframework.stereotype.Service;
            @Service public class ItemService {
              protected final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
              public void rename(Long id, String n) { Item i = repo.findById(id).orElseThrow(); i.setName(n); repo.save(i); }
            }
            """)
        .file("src/main/java/r/BulkItemService.java", """
            package r;
            import org.springframework.stereotype.Service;
            @Service public class BulkItemService extends ItemService {
              public BulkItemService(ItemRepository repo){super(repo);}
              public void renameAll(java.util.List<Long> ids, String n) { for (Long id : ids) { rename(id, n); } }
            }
            """)
        .file("src/main/java/r/ItemQueries.java", """
            package r;
            import org.springframework.stereotype.Service;
            @Service public class ItemQueries {
              private final ItemRepository repo; public ItemQueries(ItemRepository repo){this.repo=repo;}
              public java.util.List<String> names() { return repo.findAll().stream().map(Item::getName).toList(); }
            }
            """).plan();
    CachingTarget names = target(plan, "ItemQueries.names").orElseThrow(() -> new AssertionError(plan.refusals()));
    List<String> evicting = names.evictions().stream().map(e -> e.writer().fact().displayName()).sorted().toList();
    assertEquals(List.of("BulkItemService.renameAll", "ItemService.rename"), evicting);
  }

  @Test
  void anOverrideWithCacheAnnotationsOfItsOwnEvictsToo() {
    // audit 9, shop-data-model: ProductService.update overrides AbstractService.update with its own @Caching and calls
    // super.update(); Spring reads the override's annotations only, so an eviction on the overridden method never ran
    MigrationPlan plan = project("s8-overload")
        .file("src/main/java/r/ItemRepository.java", """
            package r;
            import org.springframework.data.jpa.repository.Query;
            public interface ItemRepository extends org.springframework.data.jpa.repository.JpaRepository<Item, Long> {
              @Query(value = "select name from item where id = :id", nativeQuery = true) String nameOf(Long id);
            }
            """)
        .file("src/main/java/r/AbstractService.java", """
            package r;
            import org.springframework.data.jpa.repository.JpaRepository;
            public abstract class AbstractService<E, R extends JpaRepository<E, Long>> {
              protected final R repository;
              protected AbstractService(R repository) { this.repository = repository; }
              public E update(E entity) { return repository.saveAndFlush(entity); }
            }
            """)
        .file("src/main/java/r/ItemService.java", """
            package r;
            import org.springframework.cache.annotation.CacheEvict;
            import org.springframework.stereotype.Service;
            @Service public class ItemService extends AbstractService<Item, ItemRepository> {
              public ItemService(ItemRepository repository) { super(repository); }
              @Override @CacheEvict(value = "items", allEntries = true)
              public Item update(Item item) { return super.update(item); }
            }
            """)
        .file("src/main/java/r/ItemQueries.java", """
            package r;
            import org.springframework.stereotype.Service;
            @Service public class ItemQueries {
              private final ItemRepository repo; public ItemQueries(ItemRepository repo){this.repo=repo;}
              public String name(Long id) { return repo.nameOf(id); }
            }
            """).plan();
    target(plan, "ItemQueries.name").ifPresent(name -> assertTrue(name.evictions().stream()
        .anyMatch(e -> e.writer().fact().displayName().equals("ItemService.update")), name.evictions().toString()));
  }

  @Test
  void aSelfCallFromAStartUpMethodStillRefuses() {
    // its true twin: Spring calls @PostConstruct on the bean itself, where no proxy evicts
    MigrationPlan plan = project("s8-overload").file("src/main/java/r/ItemService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class ItemService {
          private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
          public java.util.List<String> names() { return repo.findAll().stream().map(Item::getName).toList(); }
          @jakarta.annotation.PostConstruct public void normalise() { rename(1L, "first", "start-up"); }
          public void rename(Long id, String n, String by) { Item i = repo.findById(id).orElseThrow(); i.setName(n); repo.save(i); }
        }
        """).plan();
    assertFalse(target(plan, "ItemService.names").isPresent(), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.reason().contains("self-invocation")), plan.refusals().toString());
  }

  @Test
  void aSelfCallInATaskRunLaterStillRefuses() {
    // its true twin: the write runs on another thread, after any eviction around the method that hands it out
    MigrationPlan plan = project("s8-overload").file("src/main/java/r/ItemService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class ItemService {
          private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
          private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
          public java.util.List<String> names() { return repo.findAll().stream().map(Item::getName).toList(); }
          public void renameLater(Long id, String n) { pool.submit(() -> rename(id, n, "later")); }
          public void rename(Long id, String n, String by) { Item i = repo.findById(id).orElseThrow(); i.setName(n); repo.save(i); }
        }
        """).plan();
    assertFalse(target(plan, "ItemService.names").isPresent(), plan.targets().toString());
  }

  /**
   * Twelfth audit, s13: a public writer entered through its proxy calls the service's save through 'this' inside a
   * transaction template's callback (s13) or as {@code names.forEach(this::save)} (s13d): both run before it returns,
   * so an eviction on it follows every write; "no eviction would run" was false. The controller hands it a copy, {@code
   * new ArrayList<>(names)}: the request body's own list is what converters make (a Jackson module's may defer its
   * forEach: hostile review 91's F2), so only a copy is proven to run the callback at once.
   */
  @ParameterizedTest
  @ValueSource(strings = {"s13", "s13d"})
  void aSelfCallRunInPlaceIsEvictedByItsCaller(String name) {
    MigrationPlan plan = casePlan("audit12", name);
    assertTrue(cached(plan, "EventService.getAll"), plan.refusals().toString());
    assertTrue(plan.targets().stream().filter(t -> t.method().fact().displayName().equals("EventService.getAll"))
        .allMatch(t -> t.toString().contains("createEvents")), plan.targets().toString());
  }

  /**
   * Hostile review 35, a writer the controller makes with {@code new} (g0, and g1 with the class excluded from the
   * scan), one whose library interface's default method runs it past the proxy (c3, a BiConsumer's andThen), one a
   * field's code runs on the object itself: a method reference in a {@code Map<String, BiConsumer>} field (c1), in a
   * field of a project functional interface (c2), the same map filled in the constructor (c4), a lambda put in an
   * initialiser block calling the method that writes (c5).
   */
  @ParameterizedTest
  @ValueSource(strings = {"g0", "g1", "c3", "c1", "c2", "c4", "c5"})
  void aWriteNoProxySeesRefusesTheRead(String attack) {
    MigrationPlan plan = casePlan("hostile35", attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }

  /**
   * Hostile review 35, Code in a field that runs no method of the writer's object (an audit lambda) leaves the writer
   * evicting (c0).
   */
  @Test
  void codeInAFieldRunningNothingOfItsObjectIsNoHiddenWrite() {
    MigrationPlan plan = casePlan("hostile35", "c0");
    assertTrue(cached(plan, "CatService.name"), plan.refusals().toString());
  }

  /**
   * Hostile review 35, a local class in a writer running the write on its object, past the proxy: its caller evicts, or
   * nothing is cached (i5).
   */
  @Test
  void aLocalClassCallingTheWriterIsASelfCall() {
    MigrationPlan plan = casePlan("hostile35", "i5");
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals("CatService.name"))
        .forEach(target -> assertTrue(target.toString().contains("apply"), target.toString()));
  }

  /**
   * Hostile review 36, the writer's object handed on by code no method call shows: a field lambda passing {@code this}
   * (f5), a helper binding it (f6), {@code new Job(this)} in a field (f8) or an initialiser block (f12), {@code
   * Registry.writer = this} in a block (f3), a field (f3d), the constructor (f3b) or a {@code @PostConstruct} method
   * (f3c).
   */
  @ParameterizedTest
  @ValueSource(strings = {"f5", "f6", "f8", "f12", "f3", "f3d", "f3b", "f3c"})
  void anObjectHandedOnOutsideACallRefusesItsWritersReads(String attack) {
    MigrationPlan plan = casePlan("hostile36", attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), the inherited writer runs without a proxy: on a
   * subclass made with {@code new} (a1, a1b), on an anonymous subclass (a2); or its eviction would make Spring subclass
   * a final bean (a13).
   */
  @ParameterizedTest
  @ValueSource(strings = {"a1", "a1b", "a2", "a13"})
  void aWriterInheritedByObjectsNoProxyWrapsCarriesNoEviction(String attack) {
    MigrationPlan plan = casePlan("attacks28", attack);
    for (CachingTarget target : plan.targets()) {
      assertFalse(target.evictions().stream().anyMatch(e -> e.writer().fact().ownerType().endsWith("AbstractService")),
          target.method().fact().displayName() + " evicted by an inherited writer no proxy wraps: " + target.evictions());
    }
    if (attack.startsWith("a1")) {
      // the eviction goes to the bean whose method makes the object and calls its update(): ImportController.imp()
      target(plan, "ProductService.getOwner").ifPresent(target -> assertTrue(target.evictions().stream()
          .anyMatch(e -> e.writer().fact().displayName().equals("ImportController.imp")), target.evictions().toString()));
    }
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), a bean's class also made with {@code new} in
   * production code (a3): that object's write runs without the proxy, so the eviction goes to the bean method that
   * makes it and calls the writer (ImportController.imp).
   */
  @ParameterizedTest
  @ValueSource(strings = {"a3"})
  void aBeanClassAlsoMadeWithNewEvictsWhereTheObjectIsMade(String attack) {
    MigrationPlan plan = casePlan("attacks28", attack);
    CachingTarget owner = target(plan, "ProductService.getOwner").orElseThrow(() -> new AssertionError(plan.refusals()));
    assertTrue(owner.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("ImportController.imp")),
        owner.evictions().toString());
    target(plan, "ProductRepository.getOwnerId").ifPresent(target -> assertTrue(target.evictions().stream()
        .anyMatch(e -> e.writer().fact().displayName().equals("ImportController.imp")), target.evictions().toString()));
  }

  /**
   * A write a self-call makes where no eviction around a proxy follows it: in a task run later ({@code thenRunAsync},
   * a project's {@code @Async} runner, an anonymous {@code Runnable} on a thread: s1, s1c, s2), on {@code this} handed
   * out ({@code new Thread(this)}, a helper given {@code this}: s31, s32, s32b), from a method the framework calls
   * directly (package-private {@code @Scheduled}/{@code @EventListener}: s3, s3b, s3c), through code kept in a field
   * ({@code BiConsumer op = this::update}: s6, s6b), inside a lazy stream returned
   * (s30); and a private {@code @EventListener} a proxy cannot invoke (s3e: the application did not start).
   * (From hostile review 31, cases s1 to s30.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"s1", "s1c", "s2", "s31", "s32", "s32b", "s3", "s3b", "s3c", "s3e", "s6", "s6b", "s30"})
  void aWriteNoProxyEvictionFollowsRefusesTheRead(String attack) {
    MigrationPlan plan = casePlan("hostile31", attack);
    assertFalse(cached(plan, "ProductReader.getOwner"), plan.targets().toString());
  }

  /**
   * An inner class calling the writer on its outer instance ({@code new Batch(owner).run(ids)}: s10, s10b): the
   * bean method that runs the inner class, through its proxy, evicts too, or the read is refused.
   * (From hostile review 31, cases s10 and s10b.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"s10", "s10b"})
  void anInnerClassWriteIsEvictedAroundTheBeanMethodRunningIt(String attack) {
    MigrationPlan plan = casePlan("hostile31", attack);
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals("ProductReader.getOwner")).findFirst()
        .ifPresent(target -> assertTrue(target.evictions().stream()
            .anyMatch(e -> e.writer().fact().name().equals("renameAll")), target.evictions().toString()));
  }

  /**
   * A public writer calling another through {@code this} in place ({@code rename} calling {@code update}) leaves the
   * read cached. (From hostile review 31: its control s0; its other control, k0, is in UnsharedResultsTest.)
   */
  @Test
  void aSelfCallRunInPlaceLeavesTheReadCached() {
    MigrationPlan writer = casePlan("hostile31", "s0");
    assertTrue(cached(writer, "ProductReader.getOwner"), writer.refusals().toString());
  }

  /**
   * Trial 42 (gtiwari333/spring-boot-blog-app's NoteService): {@code findById(id).map(note -> { ...; return save(note);
   * }).orElseThrow()} runs the self-call of the writer at once, so update() carries the eviction; it was said to be
   * called "through 'this' ... where no eviction would run", and the read refused.
   * (From the false reasons of 2026-11-26: trial 42.)
   */
  @Test
  void aSelfCallInOptionalsMapRunsInPlace() {
    MigrationPlan plan = caseProject("reasons43", "optmap").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("NoteService.read")
        && t.toString().contains("name=update") && t.toString().contains("name=create")), plan.targets() + " " + plan.refusals());

    // the twin returns a stream whose map has not run: its saves come after touchAll() returned
    MigrationPlan twin = caseProject("reasons43", "optmap", "optmaptwin").resources("/reasons43/optmaptwin").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("read(")
        && r.proof() == Proof.WRITER_CANNOT_EVICT), twin.refusals().toString());
  }
}
