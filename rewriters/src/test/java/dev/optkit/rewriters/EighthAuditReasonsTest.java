package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusal reasons the eighth audit (48 refusals on four projects no audit had read, 2026-11-26, night) found
 * false, each beside a true twin. The smallest projects it wrote for them are under
 * {@code src/test/resources/audit8/}, as it wrote them.
 */
class EighthAuditReasonsTest {
  @TempDir Path dir;

  private MigrationFixture project(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/audit8/" + name);
  }

  private static Optional<String> refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /**
   * Whether the plan counts a writer as a writer of a read: it refuses the read, or evicts it there. (These
   * projects' writers were public overloads delegating to another, which could not evict before shape 8 was
   * fixed, so a counted writer was a refusal; now it is an eviction.)
   */
  private static boolean countsWriter(MigrationPlan plan, String cached, String writer) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(cached)).findFirst()
        .map(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals(writer)))
        .orElse(true);
  }

  // ---- rows the method loads, held in a local before they are mapped (cleverjohann/spring-boot-ecommerce
  // ProductoServiceImpl.getActiveProducts: "Producto.getStockStatus() reads field stockQuantity ... of an object
  // shared between calls"; the same code chained was cached)

  @Test
  void rowsHeldInALocalAndMappedAreFreshObjects() {
    MigrationPlan plan = project("s6-fresh").plan();
    assertTrue(cached(plan, "ProductService.statuses"), plan.refusals().toString());
    // its true twin: the page is kept in a field, shared between calls
    MigrationPlan shared = project("s6-fresh").file("src/main/java/r/ProductService.java", """
        package r;
        import org.springframework.data.domain.*;
        import org.springframework.stereotype.Service;
        @Service public class ProductService {
          private final ProductRepository repo; private Page<Product> last;
          public ProductService(ProductRepository repo){this.repo=repo;}
          public void refresh(int page, int size) { last = repo.findAll(PageRequest.of(page, size)); }
          public Page<String> statuses(int page, int size) {
            Page<Product> products = last;
            return products.map(Product::getStockStatus);
          }
        }
        """).plan();
    assertFalse(cached(shared, "ProductService.statuses"), shared.targets().toString());
  }

  // ---- a Hibernate @Filter nothing enables (cleverjohann: "it reads tables optkit cannot tell (... mapped with
  // SQL of its own ...)", from @Filter(condition = "is_active = :isActive") and no enableFilter anywhere)

  @Test
  void aFilterNothingEnablesChangesNoRead() {
    MigrationPlan plan = project("s3-filter").plan();
    Optional<String> reason = refusal(plan, "names");
    assertFalse(reason.isPresent() && reason.get().contains("tables optkit cannot tell"), reason.toString());
    assertFalse(countsWriter(plan, "ItemService.names", "NoteService.add"), plan.targets().toString());
    // its true twin: a service enables the filter in its session, so a read depends on the session's filters
    MigrationPlan enabled = project("s3-filter").file("src/main/java/r/Filters.java", """
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

  // ---- an immutable class handed to a response wrapper (ravan-chuang/spring-boot-ecommerce-backend
  // ProductService.getAllProducts: "ApiResponse() keeps it in field data, where anyone (data binding included) may
  // change it later"; the same code with a record was cached)

  @Test
  void aClassOfFinalImmutableFieldsIsAValueLikeARecord() {
    MigrationPlan plan = project("s1-wrapper").plan();
    assertTrue(cached(plan, "ItemService.get"), plan.refusals().toString());
    // its true twin: the DTO has a setter, and the wrapper is a view's model attribute (not a response body only
    // the serialiser reads, ResponseWrapperTest), so whoever holds the wrapper may change the shared DTO
    MigrationPlan settable = project("s1-wrapper").file("src/main/java/r/ItemDto.java", """
        package r;
        public class ItemDto { private String name; public ItemDto(String name){this.name=name;}
          public String getName(){return name;} public void setName(String n){name=n;} }
        """).file("src/main/java/r/ItemController.java", """
        package r;
        import org.springframework.web.bind.annotation.*;
        @org.springframework.stereotype.Controller public class ItemController {
          private final ItemService s; public ItemController(ItemService s){this.s=s;}
          @GetMapping("/items/{id}") public String get(@PathVariable Long id, org.springframework.ui.Model model) {
            model.addAttribute("item", new Wrapper<>(s.get(id))); return "item"; }
        }
        """).plan();
    String refused = refusal(settable, "get").orElseThrow(() -> new AssertionError(settable.targets()));
    assertTrue(refused.contains("keeps it in field data"), refused);
  }

  // ---- a sum with reduce (cleverjohann: "changes the result it gets (hands its elements to BigDecimal.ZERO)" and
  // "it writes: it changes what findByStatus() loaded") and a log line on System.out ("reads System.out, a static
  // field of another class, which code anywhere may change")

  @Test
  void aSumOfImmutableValuesAndALogLineChangeNothing() {
    MigrationPlan sum = project("s2-reduce").plan();
    assertTrue(cached(sum, "ReportService.total"), sum.refusals().toString());
    MigrationPlan printed = project("s14-println").plan();
    assertTrue(cached(printed, "ItemService.name"), printed.refusals().toString());
    // their true twins: a reduce whose accumulator changes the element, a read of another class's static state
    MigrationPlan changing = project("s2-reduce").file("src/main/java/r/ReportService.java", """
        package r;
        import java.math.BigDecimal;
        import org.springframework.stereotype.Service;
        @Service public class ReportService {
          private final LineRepository repo; public ReportService(LineRepository repo){this.repo=repo;}
          public Line total(String status) { return repo.findByStatus(status).stream().reduce((a, b) -> { a.setAmount(a.getAmount().add(b.getAmount())); return a; }).orElseThrow(); }
          public void setAmount(Long id, BigDecimal a) { Line l = repo.findById(id).orElseThrow(); l.setAmount(a); repo.save(l); }
        }
        """).plan();
    assertFalse(cached(changing, "ReportService.total"), changing.targets().toString());
    MigrationPlan statics = project("s14-println").file("src/main/java/r/Prefix.java", """
        package r;
        public class Prefix { public static String value = ""; public static void set(String v) { value = v; } }
        """).file("src/main/java/r/ItemService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class ItemService {
          private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
          public String name(Long id) { return Prefix.value + repo.findById(id).orElseThrow().getName(); }
          public void rename(Long id, String n) { Item i = repo.findById(id).orElseThrow(); i.setName(n); repo.save(i); }
        }
        """).plan();
    String refused = refusal(statics, "name").orElseThrow(() -> new AssertionError(statics.targets()));
    assertTrue(refused.contains("Prefix"), refused);
  }

  // ---- a number named sessionId (kachmarAndrew/cinema-system: "parameter 'sessionId' looks like a secret", a
  // screening's Long id)

  @Test
  void aNumberNamedLikeASecretIsNoSecret() {
    MigrationPlan plan = project("s5-sessionid").plan();
    Optional<String> reason = refusal(plan, "seats");
    assertFalse(reason.isPresent() && reason.get().contains("looks like a secret"), reason.toString());
    // its true twin: a String session id is a login's, kept in memory by a cache key
    MigrationPlan text = project("s5-sessionid").file("src/main/java/r/TicketService.java",
        readResource("/audit8/s5-sessionid/src/main/java/r/TicketService.java").replace("Long sessionId", "String sessionId")
            .replace("findAllBySessionId(sessionId)", "findAllBySessionId(Long.valueOf(sessionId))")).plan();
    String refused = refusal(text, "seats").orElseThrow(() -> new AssertionError(text.targets()));
    assertTrue(refused.contains("looks like a secret"), refused);
  }

  private static String readResource(String path) {
    try {
      return new String(EighthAuditReasonsTest.class.getResourceAsStream(path).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---- a setter on the DTO an unbuilt MapStruct mapper returned (cleverjohann CategoriaServiceImpl.getCategoryTree,
  // as fetched: "changes state shared between calls: ... setSubcategories on what toCategoriaTreeDTO() returned")

  @Test
  void aChangeToWhatAnUnbuiltMapperReturnedAsksForTheBuild() {
    MigrationPlan plan = project("s11-postprocess").plan();
    String reason = refusal(plan, "get").orElseThrow(() -> new AssertionError(plan.targets()));
    assertTrue(reason.contains("build the project first (missing: the implementation of CatMapper"), reason);
    // its true twin: the DTO comes from a field, shared between calls
    MigrationPlan shared = project("s11-postprocess").file("src/main/java/r/CatService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class CatService {
          private final CatRepository repo; private final CatDto last = new CatDto();
          public CatService(CatRepository repo){this.repo=repo;}
          public CatDto get(Long id) { CatDto d = last; d.setName(repo.findById(id).orElseThrow().getName()); return d; }
          public void rename(Long id, String n) { Cat c = repo.findById(id).orElseThrow(); c.setName(n); repo.save(c); }
        }
        """).plan();
    assertFalse(cached(shared, "CatService.get"), shared.targets().toString());
  }

  // ---- records mapped from loaded rows, kept by a page wrapper (ravan-chuang: "it writes: it hands what findAll()
  // loaded (users) to PageResponse.PageResponse(), which keeps it in field content, which JPA writes back at the flush")

  @Test
  void keepingWhatALoadGaveIsNoWriteAtTheFlush() {
    MigrationPlan plan = project("s12-pagewrap").plan();
    Optional<String> reason = refusal(plan, "all");
    assertFalse(reason.isPresent() && reason.get().startsWith("it writes"), reason.toString());
    // its true twin: the wrapper's constructor renames the users it is given
    MigrationPlan renaming = project("s12-pagewrap").file("src/main/java/r/UserService.java", """
        package r;
        import java.util.List;
        import org.springframework.data.domain.*;
        import org.springframework.stereotype.Service;
        @Service public class UserService {
          private final UserRepository repo; public UserService(UserRepository repo){this.repo=repo;}
          public PageResponse<User> all(int p, int size) {
            Page<User> page = repo.findAll(PageRequest.of(p, size));
            return new PageResponse<>(Renamer.upper(page.getContent()), page.getTotalElements());
          }
          public void rename(Integer id, String n) { User u = repo.findById(id).orElseThrow(); u.setName(n); repo.save(u); }
        }
        """).file("src/main/java/r/Renamer.java", """
        package r;
        import java.util.List;
        public class Renamer {
          public static List<User> upper(List<User> users) { for (User u : users) { u.setName(u.getName().toUpperCase()); } return users; }
        }
        """).plan();
    assertFalse(cached(renaming, "UserService.all"), renaming.targets().toString());
  }

  // ---- JPQL whose identification variable is a word SQL reserves (ravan-chuang OrderRepository.findOwnerIdById:
  // "SELECT order.ownerId FROM Order order ...", "it reads tables optkit cannot tell")

  @Test
  void aJpqlAliasNamedLikeASqlWordNamesTheSameTables() {
    MigrationPlan plan = project("s13-alias").plan();
    Optional<String> reason = refusal(plan, "findOwnerIdById");
    assertFalse(reason.isPresent() && reason.get().contains("tables optkit cannot tell"), reason.toString());
    assertFalse(countsWriter(plan, "OwnerCheck.owner", "NoteService.add"), plan.targets().toString());
    // its true twin: a query the parser cannot read for another cause still counts every write
    MigrationPlan unreadable = project("s13-alias").file("src/main/java/r/OrderRepository.java", """
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

  // ---- a save counted as firing ON DELETE rules (ravan-chuang AuthService.register(): "may write authauditlogs, ...,
  // users (save(): its entity's table and the tables the schema's ON DELETE/UPDATE rules reach from those)")

  @Test
  void aSaveOfItsOwnRowFiresNoDeleteRule() {
    MigrationPlan plan = project("s16-insert-ondelete").plan();
    assertTrue(cached(plan, "NoteService.count"), plan.refusals().toString());
    assertFalse(countsWriter(plan, "NoteService.count", "ItemService.create"), plan.targets().toString());
    // its true twin: the item is deleted, and the schema sets the notes' item_id to null
    MigrationPlan deleting = project("s16-insert-ondelete").file("src/main/java/r/ItemService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class ItemService {
          private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
          public void remove(Long id) { remove(id, "admin"); }
          public void remove(Long id, String by) { repo.deleteById(id); }
        }
        """).plan();
    assertTrue(countsWriter(deleting, "NoteService.count", "ItemService.remove"), deleting.targets().toString());
  }

  // ---- a JPQL projection of one entity's columns reads its own table, not its associations' (ravan-chuang
  // findOwnerIdById: "AuthService.register() may write users": the order's eager user is not loaded by
  // SELECT o.ownerId; audit 7's #17 alike)

  private MigrationPlan ownerQuery(String name, String select) {
    return project("s13-alias").file("src/main/java/r/Order.java", """
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

  // ---- a collection's remove in an entity read as EntityManager.remove (cleverjohann User.removeRole:
  // "role.getUsers().remove(this)", Lombok's getter, jakarta.persistence.* imported for the mapping: "User.removeRole()
  // may write data optkit cannot name (remove(): ...)", refusing every cached read of the project)

  private MigrationPlan roles(String name, String holder) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;
            import jakarta.persistence.*;
            import java.util.*;
            @lombok.Getter
            @Entity public class Role { @Id Long id; String name;
              @ManyToMany(mappedBy = "roles") Set<Member> members = new HashSet<>(); }
            """)
        .java("""
            package shop;
            import jakarta.persistence.*;
            import java.util.*;
            HOLDER public class Member { @Id Long id;
              @ManyToMany Set<Role> roles = new HashSet<>();
              public void removeRole(Role role) { roles.remove(role); role.getMembers().remove(this); } }
            """.replace("HOLDER", holder))
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity public class Category { @Id Long id; String name; public String getName() { return name; } }
            """)
        .java("""
            package shop;
            public interface CategoryRepository extends org.springframework.data.jpa.repository.JpaRepository<Category, Long> {}
            """)
        .java("""
            package shop;
            import org.springframework.stereotype.Service;
            @Service public class Categories {
              private final CategoryRepository repo; public Categories(CategoryRepository repo){this.repo=repo;}
              public String name(Long id) { return repo.findById(id).orElseThrow().getName(); }
            }
            """)
        .java("""
            package shop;
            import org.springframework.stereotype.Service;
            @Service public class Members {
              public void drop(Member member, Role role) { member.removeRole(role); }
            }
            """)
        .plan();
  }

  @Test
  void aCollectionsRemoveInAnEntityIsNoEntityManagerCall() {
    MigrationPlan plan = roles("entity", "@Entity");
    assertTrue(plan.targets().stream().filter(t -> t.method().fact().displayName().equals("Categories.name"))
        .anyMatch(t -> t.evictions().stream().noneMatch(e -> e.writer().fact().name().equals("drop"))),
        "Categories.name evicted by Members.drop, a write of data optkit cannot name: " + plan.targets());
    // its true twin: outside an entity, a remove on a receiver nobody typed may be the EntityManager's
    MigrationPlan plain = roles("plain", "");
    assertTrue(plain.targets().stream().filter(t -> t.method().fact().displayName().equals("Categories.name"))
        .allMatch(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().name().equals("drop"))),
        plain.targets().toString());
  }
}
