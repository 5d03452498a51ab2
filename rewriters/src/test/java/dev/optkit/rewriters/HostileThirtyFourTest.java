package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 34 of review 33's fixes and the newest allowances (/tmp/hostile34, 2026-11-26): each case here was
 * cached and proven wrong by a Spring Boot run (on H2, or MariaDB for the stored procedures) against the unmigrated
 * application; m5-m7 are dry-run suspects (no MongoDB server here). The projects are under
 * {@code src/test/resources/hostile34/}, as the reviewer wrote them; v0c is its safe control.
 */
class HostileThirtyFourTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/hostile34/" + name).plan();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  private static boolean cachedUnevicted(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName)
        && t.evictions().isEmpty());
  }

  /**
   * Open in view set back by an environment variable in the Dockerfile (v8); off only in another application's
   * folder (v9), in src/it (v12), or in a document for a cloud platform (v13); imports written as a list (v14) or an
   * indexed key (v15); the filter registered by its class literal (v10, v11).
   */
  @ParameterizedTest
  @ValueSource(strings = {"v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15"})
  void openInViewThatMayBeOnRefuses(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }

  /** Spring Data REST's annotated strategy set only in another application's folder (r6). */
  @Test
  void aDetectionStrategyOfAnotherApplicationIsNotThisOnes() {
    MigrationPlan plan = attack("r6");
    assertFalse(cached(plan, "CatReader.name"), plan.targets().toString());
  }

  /**
   * A procedure redefined under a schema with an update (q12), reading a view whose function writes (q13), calling a
   * writing function in ORDER BY (q14), setting a session variable (q17), read-only only in src/it (q18).
   */
  @ParameterizedTest
  @ValueSource(strings = {"q12", "q13", "q14", "q17", "q18"})
  void aProcedureThatMayWriteStaysAWrite(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "CatDao.name"), plan.targets().toString());
  }

  /**
   * A bean copy of a getter named for another field (c5), made in a project helper (c6), into an anonymous
   * subclass (c7), of an array property (c8).
   */
  @ParameterizedTest
  @ValueSource(strings = {"c5", "c6", "c7", "c8"})
  void aCopyThatSharesOrReachesWhatTheCacheHoldsRefuses(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "AccountService.byName"), plan.targets().toString());
  }

  /** Interface.super.names() (s1), Outer.super.names() (s2), sorted(super::names) (s6), sorted(repo::names) (s6c). */
  @ParameterizedTest
  @ValueSource(strings = {"s1", "s2", "s6", "s6c"})
  void aChangeThroughASuperCallOrAReferenceRefuses(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cached(plan, "ShopRepository.names"), plan.targets().toString());
  }

  /** An enum whose field the read sets (k1), a String[] result (k2). */
  @Test
  void stateThatLooksImmutableRefuses() {
    assertFalse(cached(attack("k1"), "PlanDao.load"));
    assertFalse(cached(attack("k2"), "ShopDao.names"));
  }

  /** A write declared only on an interface the repository extends: @Modifying @Query (b6), a derived delete (b7). */
  @ParameterizedTest
  @ValueSource(strings = {"b6", "b7"})
  void aWriteDeclaredOnAnExtendedInterfaceEvicts(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cachedUnevicted(plan, "CatReader.name"), plan.targets().toString());
  }

  /** A reference to another document in a map (m5), a list (m7), or inside an embedded class (m6). */
  @ParameterizedTest
  @ValueSource(strings = {"m5", "m6", "m7"})
  void aDocumentReferenceInAContainerReachesAnotherCollection(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(cachedUnevicted(plan, "OrderService.buyerName"), plan.targets().toString());
  }

  /**
   * The twin of m5-m7 that a document store mostly holds: a container of a class stored inside the document (a list of
   * lines, a map of settings by an enum) while another document class exists. Its element classes are its declared
   * type arguments, so its reads are its own collection's: cached, evicted by what writes orders and by nothing that
   * writes customers (sqshq/piggymetrics' Account, Recipient and DataPoint were refused as reading "tables optkit
   * cannot tell").
   */
  @Test
  void aContainerOfClassesStoredInsideTheDocumentReadsItsCollectionOnly() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("inside")).resources("/hostile34/m7")
        .file("src/main/java/shop/Order.java", """
            package shop;
            @org.springframework.data.mongodb.core.mapping.Document("order") public class Order {
              @org.springframework.data.annotation.Id String id; String item;
              java.util.List<Line> lines; java.util.Map<Kind, Line> byKind;
              public String getItem(){return item;} public void setItem(String i){item=i;}
              public Party getBuyer(){return null;} }
            """)
        .file("src/main/java/shop/Line.java", "package shop;\npublic class Line { String sku; int quantity; }\n")
        .file("src/main/java/shop/Kind.java", "package shop;\npublic enum Kind { FOOD, TOOLS }\n")
        .file("src/main/java/shop/OrderService.java", """
            package shop;
            import org.springframework.stereotype.Service;
            @Service public class OrderService {
              private final OrderRepository repo; public OrderService(OrderRepository repo){this.repo=repo;}
              public String itemOf(String id) { return repo.findById(id).orElseThrow().getItem(); }
              public void retitle(String id, String item) { Order o = repo.findById(id).orElseThrow(); o.setItem(item); repo.save(o); }
            }
            """).plan();
    var target = plan.targets().stream().filter(t -> t.method().fact().name().equals("itemOf")).findFirst();
    assertTrue(target.isPresent(), plan.refusals().toString());
    java.util.Set<String> evictedBy = target.get().evictions().stream()
        .map(e -> e.writer().fact().ownerType() + "." + e.writer().fact().name()).collect(java.util.stream.Collectors.toSet());
    assertTrue(evictedBy.contains("shop.OrderService.retitle") && !evictedBy.contains("shop.CustomerService.rename"),
        evictedBy.toString());
  }

  /**
   * A MongoDB repository's {@code @Query} is a query document over the repository's own collection, not SQL: its reads
   * are that collection's, as a derived query's are (piggymetrics' RecipientRepository queries made every write of the
   * project a writer of what account-service and statistics-service read).
   */
  @Test
  void aMongoQueryDocumentReadsTheRepositorysCollection() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("query")).resources("/hostile34/m7")
        .file("src/main/java/shop/Order.java", """
            package shop;
            @org.springframework.data.mongodb.core.mapping.Document("order") public class Order {
              @org.springframework.data.annotation.Id String id; String item;
              public String getItem(){return item;} public void setItem(String i){item=i;}
              public Party getBuyer(){return null;} }
            """)
        .file("src/main/java/shop/OrderRepository.java", """
            package shop;
            public interface OrderRepository extends org.springframework.data.mongodb.repository.MongoRepository<Order, String> {
              @org.springframework.data.mongodb.repository.Query("{ 'item' : ?0 }")
              java.util.List<Order> named(String item);
            }
            """)
        .file("src/main/java/shop/OrderService.java", """
            package shop;
            import org.springframework.stereotype.Service;
            @Service public class OrderService {
              private final OrderRepository repo; public OrderService(OrderRepository repo){this.repo=repo;}
              public int countNamed(String item) { return repo.named(item).size(); }
              public void retitle(String id, String item) { Order o = repo.findById(id).orElseThrow(); o.setItem(item); repo.save(o); }
            }
            """)
        .file("src/main/java/shop/ShopController.java", """
            package shop;
            import org.springframework.web.bind.annotation.*;
            @RestController public class ShopController {
              private final OrderService orders; private final CustomerService customers;
              public ShopController(OrderService o, CustomerService c){orders=o;customers=c;}
              @GetMapping("/orders/named/{item}") public int named(@PathVariable String item) { return orders.countNamed(item); }
              @PostMapping("/orders/{id}") public String retitle(@PathVariable String id, @RequestParam String item) {
                orders.retitle(id, item); return "ok"; }
              @PostMapping("/customers/{id}/rename") public String rename(@PathVariable String id, @RequestParam String n) {
                customers.rename(id, n); return "ok"; }
            }
            """).plan();
    var target = plan.targets().stream().filter(t -> t.method().fact().name().equals("countNamed")).findFirst();
    assertTrue(target.isPresent(), plan.refusals().toString());
    java.util.Set<String> evictedBy = target.get().evictions().stream()
        .map(e -> e.writer().fact().ownerType() + "." + e.writer().fact().name()).collect(java.util.stream.Collectors.toSet());
    assertTrue(evictedBy.contains("shop.OrderService.retitle") && !evictedBy.contains("shop.CustomerService.rename"),
        evictedBy.toString());
  }

  @Test
  void theControlStaysCached() {
    assertTrue(cached(attack("v0c"), "CatService.find"));
  }
}
