package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which tables, or collections, a read reads: a Hibernate {@code @Filter} nothing enables changes none, a named
 * query counts only for the method that runs it, a JPQL alias named like a word SQL reserves names the same tables,
 * a projection of an entity's columns reads its own table, not its associations', and a MongoDB document holding a
 * JPA entity is read from its own collection. Each case's comment names the audit of optkit's refusal reasons on
 * public projects (2026-11-25 on), the trial or the hostile review it came from, and its project (a case naming
 * none is from the first audit, a review of 30 refusals on four projects); each stands beside a true twin, or a
 * control: the code the reason names must do what it says.
 */
class ReadTablesTest extends SpringProjectPlans {
  // ---- eighth audit: a Hibernate @Filter nothing enables (cleverjohann: "it reads tables optkit cannot tell (...
  // mapped with SQL of its own ...)", from @Filter(condition = "is_active = :isActive") and no enableFilter anywhere)

  @Test
  void aFilterNothingEnablesChangesNoRead() {
    MigrationPlan plan = caseProject("audit8", "s3-filter").plan();
    Optional<String> reason = refusalStartingWith(plan, "names");
    assertFalse(reason.isPresent() && reason.get().contains("tables optkit cannot tell"), reason.toString());
    assertFalse(countsWriter(plan, "ItemService.names", "NoteService.add"), plan.targets().toString());
    // its true twin: a service enables the filter in its session, so a read depends on the session's filters
    MigrationPlan enabled = caseProject("audit8", "s3-filter").file("src/main/java/r/Filters.java", """
        package r;
        import jakarta.persistence.EntityManager;
        import org.hibernate.Session;
        import org.springframework.stereotype.Service;
        @Service public class Filters {
          private final EntityManager em; public Filters(EntityManager em){this.em=em;}
          public void activeOnly() { em.unwrap(Session.class).enableFilter("active").setParameter("a", true); }
        }
        """).plan();
    // every write in the project counts: the notes' writer refuses the read or evicts it
    assertTrue(countsWriter(enabled, "ItemService.names", "NoteService.add"), enabled.targets().toString());
  }

  // ---- eighth audit: JPQL whose identification variable is a word SQL reserves (ravan-chuang
  // OrderRepository.findOwnerIdById: "SELECT order.ownerId FROM Order order ...", "it reads tables optkit cannot tell")

  @Test
  void aJpqlAliasNamedLikeASqlWordNamesTheSameTables() {
    MigrationPlan plan = caseProject("audit8", "s13-alias").plan();
    Optional<String> reason = refusalStartingWith(plan, "findOwnerIdById");
    assertFalse(reason.isPresent() && reason.get().contains("tables optkit cannot tell"), reason.toString());
    assertFalse(countsWriter(plan, "OwnerCheck.owner", "NoteService.add"), plan.targets().toString());
    // its true twin: a query the parser cannot read for another cause still counts every write
    MigrationPlan unreadable = caseProject("audit8", "s13-alias").file("src/main/java/r/OrderRepository.java", """
        package r;
        import java.util.Optional;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.query.Param;
        public interface OrderRepository extends org.springframework.data.jpa.repository.JpaRepository<Order, Integer> {
          @Query("SELECT o.ownerId FROM Order o WHERE o.id = :orderId AND FUNCTION('x' o.id)")
          Optional<Integer> findOwnerIdById(@Param("orderId") Integer orderId);
        }
        """).plan();
    assertTrue(countsWriter(unreadable, "OwnerCheck.owner", "NoteService.add"), unreadable.targets().toString());
  }

  // ---- eighth audit: a JPQL projection of one entity's columns reads its own table, not its associations'
  // (ravan-chuang findOwnerIdById: "AuthService.register() may write users": the order's eager user is not loaded by
  // SELECT o.ownerId; audit 7's #17 alike)

  private MigrationPlan ownerQuery(String name, String select) {
    return caseProject("audit8", "s13-alias").file("src/main/java/r/Order.java", """
        package r;
        import jakarta.persistence.*;
        @Entity @Table(name = "orders") public class Order { @Id Integer id; Integer ownerId;
          @ManyToOne @JoinColumn(name = "user_id") Customer customer; }
        """).file("src/main/java/r/Customer.java", """
        package r;
        import jakarta.persistence.*;
        @Entity @Table(name = "customers") public class Customer { @Id Integer id; String name;
          public void setName(String n) { name = n; } }
        """).file("src/main/java/r/CustomerRepository.java", """
        package r;
        public interface CustomerRepository extends org.springframework.data.jpa.repository.JpaRepository<Customer, Integer> {}
        """).file("src/main/java/r/Customers.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class Customers {
          private final CustomerRepository repo; public Customers(CustomerRepository repo){this.repo=repo;}
          public void register(String n) { Customer c = new Customer(); c.setName(n); repo.save(c); }
        }
        """).file("src/main/java/r/OrderRepository.java", """
        package r;
        import java.util.Optional;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.query.Param;
        public interface OrderRepository extends org.springframework.data.jpa.repository.JpaRepository<Order, Integer> {
          @Query("SELECT_CLAUSE FROM Order o WHERE o.id = :orderId")
          Optional<Integer> findOwnerIdById(@Param("orderId") Integer orderId);
        }
        """.replace("SELECT_CLAUSE", select)).plan();
  }

  @Test
  void aProjectionOfAnEntitysColumnsReadsItsOwnTable() {
    MigrationPlan plan = ownerQuery("columns", "SELECT o.ownerId");
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals("OwnerCheck.owner")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals()));
    assertFalse(plan.targets().stream().filter(t -> t.method().fact().displayName().equals("OwnerCheck.owner"))
        .anyMatch(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().name().equals("register"))),
        plan.targets().toString());
    // its true twin: the order's customer, an association, is read through the path
    MigrationPlan path = ownerQuery("path", "SELECT o.customer");
    assertFalse(path.targets().stream().filter(t -> t.method().fact().displayName().equals("OwnerCheck.owner"))
        .anyMatch(t -> t.evictions().stream().noneMatch(e -> e.writer().fact().name().equals("register"))),
        path.targets().toString());
  }

  // ---- ninth audit: a MongoDB query taking a JPA entity (InternetShop's
  // ProductRepository.findByCategories(Category)): the document holds its categories as sub-documents, yet its read
  // counted as reading everything, so every writer of the project was named a missing evictor of the authors' own cache

  private static List<String> gapNotes(MigrationPlan plan) {
    return plan.notes().stream().filter(n -> n.contains("is cached by the project")).toList();
  }

  @Test
  void aMongoDocumentHoldingAJpaEntityIsReadFromItsOwnCollection() {
    MigrationPlan plan = caseProject("audit9", "s22-mongo-note").plan();
    assertTrue(gapNotes(plan).isEmpty(), gapNotes(plan).toString());
    // its true twin: a writer of the category table the cached method reads through the JPA repository
    MigrationPlan twin = caseProject("audit9", "s22-mongo-note").file("src/main/java/r/CategoryService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class CategoryService {
          private final CategoryRepository cats; public CategoryService(CategoryRepository cats){this.cats=cats;}
          public void remove(Long id) { cats.deleteById(id); }
        }
        """).plan();
    assertTrue(gapNotes(twin).stream().anyMatch(n -> n.contains("CategoryService.remove()")), gapNotes(twin).toString());
    assertFalse(gapNotes(twin).stream().anyMatch(n -> n.contains("NoteService")), gapNotes(twin).toString());
  }

  /**
   * Fifteenth audit, S26: an entity's named query nothing runs changed what every read of the entity reads ("tables
   * optkit cannot tell"): findAll is cached. Its twin runs the named query through a repository method named after it,
   * and the query reads member too, which a registration writes: that read is not cached without knowing it.
   */
  @Test
  void aNamedQueryCountsOnlyForTheMethodThatRunsIt() {
    MigrationPlan unused = new MigrationFixture(dir.resolve("s26")).resources("/audit15/s26").plan();
    assertTrue(unused.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("KindService.findAll")),
        unused.refusals().toString());
    MigrationPlan run = new MigrationFixture(dir.resolve("s26run")).resources("/audit15/s26run").plan();
    assertTrue(run.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("KindService.findAll")),
        run.refusals().toString());
    assertFalse(run.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("KindService.byName")),
        run.targets().toString());
  }

  /**
   * A {@code @DBRef} to a class a document extends (m1), or typed by a type variable (m2), reaches that document.
   * (From hostile review 33, cases m1, m2.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"m1", "m2"})
  void aDocumentReferenceOptkitCannotNameReachesAnotherCollection(String attack) {
    MigrationPlan plan = casePlan("hostile33", attack);
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals("OrderService.buyerName"))
        .forEach(t -> assertFalse(t.evictions().isEmpty(), "cached with no eviction: " + plan.targets()));
  }

  /**
   * A {@code @DBRef} to a document class optkit names reaches that document's collection: its writer evicts the read.
   * (From hostile review 33: its control m0.)
   */
  @Test
  void aDocumentReferenceToANamedClassReachesItsCollection() {
    MigrationPlan m0 = casePlan("hostile33", "m0");
    assertTrue(m0.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("OrderService.buyerName")
        && !t.evictions().isEmpty()), m0.targets().toString());
  }

  /**
   * A reference to another document in a map (m5), a list (m7), or inside an embedded class (m6).
   * (From hostile review 34, cases m5, m6, m7.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"m5", "m6", "m7"})
  void aDocumentReferenceInAContainerReachesAnotherCollection(String attack) {
    MigrationPlan plan = casePlan("hostile34", attack);
    assertFalse(cachedUnevicted(plan, "OrderService.buyerName"), plan.targets().toString());
  }

  /**
   * The twin of m5-m7 that a document store mostly holds: a container of a class stored inside the document (a list of
   * lines, a map of settings by an enum) while another document class exists. Its element classes are its declared
   * type arguments, so its reads are its own collection's: cached, evicted by what writes orders and by nothing that
   * writes customers (sqshq/piggymetrics' Account, Recipient and DataPoint were refused as reading "tables optkit
   * cannot tell").
   * (From hostile review 34, m7's twin.)
   */
  @Test
  void aContainerOfClassesStoredInsideTheDocumentReadsItsCollectionOnly() {
    MigrationPlan plan = caseProject("hostile34", "m7", "inside")
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
            """)
        // a handler reads it: a read nothing calls is refused for itself (cache.uncalled-beside-handlers)
        .file("src/main/java/shop/ItemController.java", """
            package shop;
            @org.springframework.web.bind.annotation.RestController public class ItemController {
              private final OrderService orders; public ItemController(OrderService orders){this.orders=orders;}
              @org.springframework.web.bind.annotation.GetMapping("/items/{id}")
              public String item(@org.springframework.web.bind.annotation.PathVariable String id) { return orders.itemOf(id); }
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
   * (From hostile review 34, m7's twin.)
   */
  @Test
  void aMongoQueryDocumentReadsTheRepositorysCollection() {
    MigrationPlan plan = caseProject("hostile34", "m7", "query")
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

  /**
   * C1: a converter Spring gives a JdbcTemplate reads the tag table on every load: the tag writers evict.
   * (From hostile review 50, its C1.)
   */
  @Test
  void aConverterRunningQueriesIsNoOneColumnField() {
    MigrationPlan plan = casePlan("hostile50", "converter");
    assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().displayName().equals("ProductService.tagLabels"))
        || plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ProductService.tagLabels")
            && t.toString().contains("name=relabel")), plan.targets() + " " + plan.refusals());
  }

  /**
   * T1, T2: a builder's text cut inside a word, and a clause making its neighbour an alias.
   * (From hostile review 50, its T1 and T2.)
   */
  @Test
  void aBuildersTextNamesEveryTableItsRunsRead() {
    MigrationPlan plan = casePlan("hostile50", "sqlcut");
    for (String read : new String[] {"LabelQueries.labels", "LabelQueries.aliased"}) {
      assertTrue(!cached(plan, read) || plan.targets().stream().anyMatch(t -> t.method().fact().displayName()
          .equals(read) && t.toString().contains("name=rename")), read + ": " + plan.targets());
    }
  }

  /**
   * A native query whose text a static builder of another class returns ({@code
   * QueryGeneratorUtil.countCoursesQueryGenerator(search != null)}) was read as unknown SQL, so as a write: the read
   * evicted every count cache, and the generated code called it "this write changes". Its text is read now (a select:
   * no writer); the twin's builder returns a delete and stays a writer of the courses. (From trial 46's planning-api;
   * its getById read is in LazyReferencesTest.)
   */
  @Test
  void aQueryABuilderReturnsIsReadAsItsText() {
    MigrationPlan plan = caseProject("reasons47", "querybuilder", "builder").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CourseService.count")
        && t.toString().contains("name=saveCourse") && !t.toString().contains("name=countCourses")),
        plan.targets() + " " + plan.refusals());

    MigrationPlan twin = caseProject("reasons47", "querybuilder", "builderwrites")
        .resources("/reasons47/querybuilderwrites").plan();
    assertTrue(twin.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CourseService.count")
        && t.toString().contains("name=countCourses")), twin.targets() + " " + twin.refusals());
  }
}
