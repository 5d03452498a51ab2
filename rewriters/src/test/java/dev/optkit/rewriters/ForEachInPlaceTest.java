package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Trial 85's F1 (Krit-90/department-service, 12 reads): a writer called through {@code this} in {@code
 * repo.findAll().forEach(item -> rename(..))} was "called where no eviction would run", though the forEach of a
 * Spring Data query's answer runs the callback at once, so an eviction on the outer method covers it (kept in a
 * local first, the same code was cached). The forEach of what a project method answers, or with a project class
 * extending a JDK container, still refuses; and hostile review 87's five stale caches (a list whose forEach runs
 * later: a reflection proxy, an anonymous {@code AbstractList} or {@code AbstractMap}, a library list's subclass, a
 * query answering a {@code Streamable}) refuse, in a chain as in a local; so do review 89's (a Spliterator's or a
 * library's deferred traversal, Spring's static proxy factory, an {@code @Async} list bean): forEach is in place
 * only on a value made here or a Spring Data query's answer. Hostile review 36 adds callbacks taken in place that
 * run later: a project class named TransactionTemplate, a {@code @Primary} subclass of Spring's, a project class's
 * forEach.
 */
class ForEachInPlaceTest extends SpringProjectPlans {
  private static final String SERVICE = "src/main/java/r/ItemService.java";

  @Test
  void aWriterCalledInTheForEachOfARepositorysAnswerIsEvictedAroundItsCaller() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("repo")).resources("/trial85/r1").plan();
    var cached = plan.targets().stream().filter(t -> t.method().fact().name().equals("getName")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().stream().map(Refusal::reason).toList().toString()));
    assertEquals(java.util.List.of("rename", "renameAll"), cached.evictions().stream()
        .map(e -> e.writer().fact().name()).distinct().sorted().toList());
  }

  /**
   * The department service's own shape, the forEach of what a project method declared as a List answers, refuses: its
   * body may answer a library's list whose forEach runs later (hostile review 89's S5). A local given a list made here
   * is cached.
   */
  @Test
  void aDeclaredListRefusesAndAListMadeHereIsCached() {
    String declared = assertRefused(plan("declared",
        serviceWithItems("java.util.List<Item> items() { return repo.findAll(); }")));
    // trial 85's F1, said as it is: the self-call may run after its caller, not "where no eviction would run"
    assertTrue(declared.contains("from renameAll(), in a lambda handed to forEach() on items() (optkit shows forEach "
        + "runs its callback at once only over"), declared);
    assertRefused(plan("library", serviceWithItems(
        "java.util.List<Item> items() { return org.example.lists.Later.of(repo.findAll()); }")));
    MigrationPlan made = plan("made", serviceWithItems("").replace("items().forEach(",
        "java.util.List<Item> all = new java.util.ArrayList<>(repo.findAll()); all.forEach("));
    assertTrue(made.targets().stream().anyMatch(t -> t.method().fact().name().equals("getName")),
        made.refusals().stream().map(Refusal::reason).toList().toString());
  }

  /** Review 89's S1: a Stream over a Spliterator whose forEachRemaining runs the callback later. */
  @Test
  void aSpliteratorDeferringItsCallbackRefuses() {
    assertRefused(plan("spliterator", serviceWithItems("").replace("items().forEach(",
        "java.util.List<Item> all = new java.util.ArrayList<>(repo.findAll()); all.forEach(")
        .replace("public void renameAll", """
            static final class Later<T> implements java.util.Spliterator<T> {
                public boolean tryAdvance(java.util.function.Consumer<? super T> action) { return false; }
                public void forEachRemaining(java.util.function.Consumer<? super T> action) {
                    java.util.concurrent.CompletableFuture.runAsync(() -> { });
                }
                public java.util.Spliterator<T> trySplit() { return null; }
                public long estimateSize() { return 0; }
                public int characteristics() { return 0; }
            }
            public void renameAll""")));
  }

  /**
   * Review 91's F6 and F5: {@code new ArrayList<>(..)} of a library's class imported by that name, a repository base
   * class of the project's answering its own lists.
   */
  @Test
  void anImportedArrayListOrARepositoryBaseClassRefuses() {
    assertRefused(plan("imported", serviceWithItems("").replace("items().forEach(",
        "java.util.List<Item> all = new ArrayList<>(repo.findAll()); all.forEach(")
        .replace("import org.springframework.stereotype.Service;",
            "import org.springframework.stereotype.Service;\nimport org.example.lists.ArrayList;")));
    assertRefused(new MigrationFixture(dir.resolve("base")).resources("/trial85/r1")
        .file(SERVICE, serviceWithItems("").replace("items().forEach(", "repo.findAll().forEach("))
        .file("src/main/java/r/App.java", """
            package r;
            @org.springframework.boot.autoconfigure.SpringBootApplication
            @org.springframework.data.jpa.repository.config.EnableJpaRepositories(repositoryBaseClass = Base.class)
            public class App { }
            """).file("src/main/java/r/Base.java", """
            package r;
            public class Base<T, ID> extends org.springframework.data.jpa.repository.support.SimpleJpaRepository<T, ID> {
                public Base(org.springframework.data.jpa.repository.support.JpaEntityInformation<T, ?> information,
                        jakarta.persistence.EntityManager manager) {
                    super(information, manager);
                }
            }
            """).plan());
  }

  /** Review 89's S2 and S3: Spring's static ProxyFactory.getProxy, an @Async bean extending ArrayList. */
  @Test
  void aStaticProxyFactoryOrAnAsyncListBeanRefuses() {
    assertRefused(plan("getproxy", serviceWithItems("""
        java.util.List<Item> items() { return org.springframework.aop.framework.ProxyFactory.getProxy(java.util.List.class,
            (org.aopalliance.intercept.MethodInterceptor) invocation -> invocation.proceed()); }
        """).replace("items().forEach(", "java.util.List<Item> all = new java.util.ArrayList<>(repo.findAll()); all.forEach(")));
    assertRefused(new MigrationFixture(dir.resolve("async")).resources("/trial85/r1")
        .file(SERVICE, serviceWithItems("").replace("items().forEach(", "repo.findAll().forEach("))
        .file("src/main/java/r/Batch.java", """
            package r;
            @org.springframework.scheduling.annotation.Async
            @org.springframework.stereotype.Component
            public class Batch extends java.util.ArrayList<Item> { }
            """).plan());
  }

  @Test
  void theForEachOfAProjectMethodsAnswerStillRefuses() {
    assertRefused(new MigrationFixture(dir.resolve("helper")).resources("/trial85/r1").file(SERVICE, serviceWithItems("Iterable<Item> items() { return new Later(repo.findAll()); }")).file("src/main/java/r/Later.java", """
        package r;
        import java.util.Iterator;
        import java.util.List;
        import java.util.function.Consumer;
        class Later implements Iterable<Item> {
            private final List<Item> items;
            Later(List<Item> items) { this.items = items; }
            public Iterator<Item> iterator() { return items.iterator(); }
            public void forEach(Consumer<? super Item> action) { new Thread(() -> items.forEach(action)).start(); }
        }
        """).plan());
  }

  /** Review 87's A: a reflection proxy implementing List, whose forEach hands the callback to a thread. */
  @Test
  void aProxyListRefusesInAChainAndInALocal() {
    String items = """
        java.util.List<Item> items() {
            java.util.List<Item> all = repo.findAll();
            return (java.util.List<Item>) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {java.util.List.class}, (proxy, method, args) -> method.getName().equals("forEach")
                    ? later(() -> all.forEach((java.util.function.Consumer<Item>) args[0])) : method.invoke(all, args));
        }
        static Object later(Runnable task) { new Thread(task).start(); return null; }
        """;
    assertRefused(plan("proxy", serviceWithItems(items)));
    assertRefused(plan("proxy-local", serviceWithItems(items).replace("items().forEach(",
        "java.util.List<Item> list = items(); list.forEach(")));
  }

  /** Review 87's B and J: an anonymous AbstractList, an anonymous AbstractMap, whose forEach runs later. */
  @Test
  void anAnonymousListOrMapRefusesInAChainAndInALocal() {
    String list = """
        java.util.List<Item> items() {
            java.util.List<Item> all = repo.findAll();
            return new java.util.AbstractList<Item>() {
                public Item get(int i) { return all.get(i); }
                public int size() { return all.size(); }
                @Override public void forEach(java.util.function.Consumer<? super Item> action) {
                    java.util.concurrent.CompletableFuture.runAsync(() -> all.forEach(action));
                }
            };
        }
        """;
    assertRefused(plan("anonymous", serviceWithItems(list)));
    assertRefused(plan("anonymous-local", serviceWithItems(list).replace("items().forEach(",
        "java.util.List<Item> list = items(); list.forEach(")));
    String map = """
        java.util.Map<Long, Item> byId() {
            java.util.Map<Long, Item> all = new java.util.HashMap<>();
            repo.findAll().forEach(item -> all.put(item.getId(), item));
            return new java.util.AbstractMap<Long, Item>() {
                public java.util.Set<Entry<Long, Item>> entrySet() { return all.entrySet(); }
                @Override public void forEach(java.util.function.BiConsumer<? super Long, ? super Item> action) {
                    java.util.concurrent.CompletableFuture.runAsync(() -> all.forEach(action));
                }
            };
        }
        """;
    assertRefused(plan("map", serviceWithItems(map).replace("items().forEach(item -> rename(item.getId(), name))",
        "byId().forEach((id, item) -> rename(id, name))")));
  }

  /** Review 87's I: a project list extending a library's list (Spring's AutoPopulatingList), its forEach deferred. */
  @Test
  void aLibraryListsSubclassRefuses() {
    assertRefused(new MigrationFixture(dir.resolve("library")).resources("/trial85/r1")
        .file(SERVICE, serviceWithItems("java.util.List<Item> items() { return new Batch<>(repo.findAll(), Item.class); }"))
        .file("src/main/java/r/Batch.java", """
        package r;
        public class Batch<E> extends org.springframework.util.AutoPopulatingList<E> {
            public Batch(java.util.List<E> all, Class<E> type) { super(all, type); }
            @Override public void forEach(java.util.function.Consumer<? super E> action) {
                java.util.concurrent.CompletableFuture.runAsync(() -> super.forEach(action));
            }
        }
        """).plan());
  }

  /** Review 87's C: a query declared to answer a project Streamable, whose forEach runs later. */
  @Test
  void aQueryAnsweringAProjectStreamableRefuses() {
    assertRefused(new MigrationFixture(dir.resolve("streamable")).resources("/trial85/r1")
        .file(SERVICE, serviceWithItems("").replace("items().forEach(", "repo.findByNameNotNull().forEach("))
        .file("src/main/java/r/ItemRepository.java", """
        package r;
        import org.springframework.data.jpa.repository.JpaRepository;
        public interface ItemRepository extends JpaRepository<Item, Long> { Items findByNameNotNull(); }
        """).file("src/main/java/r/Items.java", """
        package r;
        import org.springframework.data.util.Streamable;
        public final class Items implements Streamable<Item> {
            private final Streamable<Item> all;
            private Items(Streamable<Item> all) { this.all = all; }
            public static Items of(Streamable<Item> all) { return new Items(all); }
            public java.util.Iterator<Item> iterator() { return all.iterator(); }
            @Override public void forEach(java.util.function.Consumer<? super Item> action) {
                java.util.concurrent.CompletableFuture.runAsync(() -> all.forEach(action));
            }
        }
        """).plan());
  }

  /** A proxy made with Spring's ProxyFactory around a list: its interceptor may run forEach's callback later. */
  @Test
  void aSpringProxyAnywhereRefuses() {
    assertRefused(plan("spring-proxy", serviceWithItems("""
        java.util.List<Item> items() {
            var factory = new org.springframework.aop.framework.ProxyFactory(repo.findAll());
            return (java.util.List<Item>) factory.getProxy();
        }
        """)));
  }

  private MigrationPlan plan(String name, String service) {
    return new MigrationFixture(dir.resolve(name)).resources("/trial85/r1").file(SERVICE, service).plan();
  }

  /** The repro's service, its renameAll() iterating what the given items() answers. */
  static String serviceWithItems(String items) {
    return """
        package r;
        import org.springframework.stereotype.Service;
        @Service
        public class ItemService {
            private final ItemRepository repo;
            public ItemService(ItemRepository repo) { this.repo = repo; }
            public String getName(Long id) { return repo.findById(id).map(Item::getName).orElse(null); }
            public String rename(Long id, String name) {
                Item item = repo.findById(id).orElseThrow();
                item.setName(name);
                return repo.save(item).getName();
            }
            public void renameAll(String name) { items().forEach(item -> rename(item.getId(), name)); }
            ITEMS
        }
        """.replace("ITEMS", items);
  }

  private static String assertRefused(MigrationPlan plan) {
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("getName("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: getName"));
    assertTrue(reason.contains("renameAll()"), reason);
    return reason;
  }

  /**
   * Hostile review 36, a callback taken "in place" that runs later: a project class named TransactionTemplate (t2), a
   * {@code @Primary} subclass of Spring's (t3), a project class's forEach (t9).
   */
  @ParameterizedTest
  @ValueSource(strings = {"t2", "t3", "t9"})
  void aCallbackOnlyTheJdkOrSpringRunsInPlaceIsInPlace(String attack) {
    MigrationPlan plan = casePlan("hostile36", attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }

  /**
   * The forEach of a loaded entity's association runs its callback at once (the provider's collection): a writer
   * called through {@code this} in it is evicted around its caller. A getter answering something else than the field
   * may be anything, and refuses. (From trial 85's false reasons on Krit-90/department-service, resources
   * trial85/r3.)
   */
  @Test
  void theForEachOfALoadedEntitysAssociationRunsAtOnce() {
    MigrationPlan loaded = departmentPlan("loaded", caseText("trial85", "r3/" + DEPARTMENT_SERVICE));
    var cached = loaded.targets().stream().filter(t -> t.method().fact().name().equals("getEmployeeNames")).findFirst()
        .orElseThrow(() -> new AssertionError(refusalStartingWith(loaded, "getEmployeeNames(").toString()));
    assertTrue(cached.toString().contains("moveAllEmployees") || loaded.changes().stream().anyMatch(change ->
        change.toString().contains("moveAllEmployees")), cached.toString());
    String department = caseText("trial85", "r3/src/main/java/d/Department.java");
    MigrationPlan wrapped = caseProject("trial85", "r3", "wrapped")
        .file("src/main/java/d/Department.java", department.replace("public Set<Employee> getEmployees() { return employees; }",
            "public Set<Employee> getEmployees() { return new Later<>(employees); }"))
        .file("src/main/java/d/Later.java", """
            package d;
            import java.util.function.Consumer;
            public class Later<T> extends java.util.HashSet<T> {
                public Later(java.util.Collection<T> items) { super(items); }
            }
            """).plan();
    assertEquals(Optional.of(Proof.WRITER_CANNOT_EVICT), proofStartingWith(wrapped, "getEmployeeNames("),
        refusalStartingWith(wrapped, "getEmployeeNames(").toString());
    MigrationPlan computed = caseProject("trial85", "r3", "computed")
        .file("src/main/java/d/Department.java", department.replace("public Set<Employee> getEmployees() { return employees; }",
            "public Set<Employee> getEmployees() { return Registry.employeesOf(this); }"))
        .file("src/main/java/d/Registry.java", """
            package d;
            import java.util.Set;
            public class Registry {
                public static Set<Employee> employeesOf(Department department) { return Set.of(); }
            }
            """).plan();
    assertEquals(Optional.of(Proof.WRITER_CANNOT_EVICT), proofStartingWith(computed, "getEmployeeNames("),
        refusalStartingWith(computed, "getEmployeeNames(").toString());
  }
}
