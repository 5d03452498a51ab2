package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
