package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository query whose text optkit cannot read, or whose kind a constant gives, may write: a named query, native
 * SQL flagged by a constant, a constant that may hold a sequence's next value. Never read as a read.
 */
class UnreadRepositoryQueriesTest {
  @TempDir Path dir;

  private static final String ORDER = """
      package shop;
      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.NamedNativeQuery;
      import jakarta.persistence.Table;
      @Entity
      @Table(name = "orders")
      @NamedNativeQuery(name = "Order.purge",
          query = "DELETE FROM orders WHERE status = 'GONE' RETURNING id")
      class Order { @Id Long id; String status; }
      """;

  private static IoSite site(ProjectIndex index, String owner, String method) {
    return index.sitesOf(index.methodsNamed(method).stream().filter(m -> m.fact().ownerType().equals(owner))
        .findFirst().orElseThrow()).get(0);
  }

  /**
   * {@code @Query(name = "Order.purge")} runs a named query, here a native DELETE ... RETURNING, which a selection
   * runs (and commits: declared query methods have no transaction by default). The annotation's {@code name} is
   * recorded as its value ("Order.purge"), which the SQL reader cannot classify: a write.
   */
  @Test
  void aQueryNamingANamedNativeQueryIsNoJpqlSelection() {
    ProjectIndex index = new ProjectFixture(dir).java(ORDER).java("""
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.CrudRepository;
        interface OrderRepository extends CrudRepository<Order, Long> {
          @Query(name = "Order.purge")
          List<Long> purge();
        }
        """).java("""
        package shop;
        class Orders {
          private final OrderRepository orders;
          Orders(OrderRepository orders) { this.orders = orders; }
          Object purge() { return orders.purge(); }
        }
        """).assess().index();
    IoSite purge = site(index, "shop.Orders", "purge");
    assertEquals(Access.WRITE, purge.access(), "sql=" + purge.sql());
  }

  /** nativeQuery given as a boolean constant: native SQL, which a selection may run as a write (RETURNING). */
  @Test
  void aNativeQueryFlagWrittenAsAConstantIsNoJpqlSelection() {
    ProjectIndex index = new ProjectFixture(dir).java(ORDER).java("""
        package shop;
        import com.vendor.Sql;
        import java.util.List;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.CrudRepository;
        interface OrderRepository extends CrudRepository<Order, Long> {
          boolean NATIVE = true;
          @Query(value = Sql.PURGE_GONE + " AND status = :status", nativeQuery = NATIVE)
          List<Long> purge();
        }
        """).java("""
        package shop;
        class Orders {
          private final OrderRepository orders;
          Orders(OrderRepository orders) { this.orders = orders; }
          Object purge() { return orders.purge(); }
        }
        """).assess().index();
    IoSite purge = site(index, "shop.Orders", "purge");
    assertEquals(Access.WRITE, purge.access(), "sql=" + purge.sql());
  }

  /**
   * The text's words are read for a sequence or a lock, but the constant optkit could not read ({NEXT_ID}) may hold
   * them: {@code select function('nextval', 'order_seq') ...}.
   */
  @Test
  void anUnreadJpqlConstantMayHoldTheStateChangingWords() {
    ProjectIndex index = new ProjectFixture(dir).java(ORDER).java("""
        package shop;
        import com.vendor.Sequences;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.CrudRepository;
        interface OrderRepository extends CrudRepository<Order, Long> {
          @Query(Sequences.NEXT_ID + " from Order o")
          Long nextId();
        }
        """).java("""
        package shop;
        class Orders {
          private final OrderRepository orders;
          Orders(OrderRepository orders) { this.orders = orders; }
          Object nextId() { return orders.nextId(); }
        }
        """).assess().index();
    IoSite next = site(index, "shop.Orders", "nextId");
    assertEquals(Access.WRITE, next.access(), "sql=" + next.sql());
  }

  /**
   * Probe: a Spring Data JDBC @Query whose file imports JPA's package on demand for @Modifying, and JDBC's Query by
   * name: the single import wins, so it is JDBC's and stays a write.
   */
  @Test
  void springDataJdbcsQueryBesideJpasWildcardStaysAWrite() {
    ProjectIndex index = new ProjectFixture(dir).java(ORDER).java("""
        package shop;
        import com.vendor.Sql;
        import java.util.List;
        import org.springframework.data.jpa.repository.*;
        import org.springframework.data.jdbc.repository.query.Query;
        import org.springframework.data.repository.CrudRepository;
        interface OrderRows extends CrudRepository<Order, Long> {
          @Query(Sql.PURGE_GONE + " AND status = :status")
          List<Long> purge();
        }
        """).java("""
        package shop;
        class Orders {
          private final OrderRows orders;
          Orders(OrderRows orders) { this.orders = orders; }
          Object purge() { return orders.purge(); }
        }
        """).assess().index();
    IoSite purge = site(index, "shop.Orders", "purge");
    assertEquals(Access.WRITE, purge.access(), "sql=" + purge.sql());
  }

  /**
   * Probe: a project's own annotation named Query in the repository's package, with JPA's package imported on demand:
   * the package's type wins (JLS 6.4.1), so it is no JPA @Query.
   */
  @Test
  void aSamePackageQueryAnnotationIsNotJpas() {
    ProjectIndex index = new ProjectFixture(dir).java(ORDER).java("""
        package shop;
        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        @Retention(RetentionPolicy.RUNTIME)
        public @interface Query { String value(); }
        """).java("""
        package shop;
        import com.vendor.Sql;
        import java.util.List;
        import org.springframework.data.jpa.repository.*;
        import org.springframework.data.repository.CrudRepository;
        interface OrderRows extends CrudRepository<Order, Long> {
          @Query(Sql.PURGE_GONE + " AND status = :status")
          List<Long> purge();
        }
        """).java("""
        package shop;
        class Orders {
          private final OrderRows orders;
          Orders(OrderRows orders) { this.orders = orders; }
          Object purge() { return orders.purge(); }
        }
        """).assess().index();
    IoSite purge = site(index, "shop.Orders", "purge");
    assertEquals(Access.WRITE, purge.access(), "sql=" + purge.sql());
  }
}
