package dev.optkit.analyzers.index;

import static dev.optkit.analyzers.index.IndexSites.assertCovers;
import static dev.optkit.analyzers.index.IndexSites.site;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text a repository or mapper method's query annotation runs: made of constants (one with a part optkit cannot
 * read stays unknown), a MyBatis {@code String[]} joined whole, and the entity {@code #{#entityName}} names, followed
 * through generic repositories' type parameters, never a fragment's.
 */
class RepositoryQueryTextsTest {
  @TempDir Path dir;

  private static final String LIVE_REPOSITORY = """
      package shop;
      import java.util.List;
      import org.springframework.data.jpa.repository.JpaRepository;
      import org.springframework.data.jpa.repository.Query;
      import org.springframework.data.repository.NoRepositoryBean;
      @NoRepositoryBean
      public interface LiveRepository<T> extends JpaRepository<T, Long> {
        @Query("select e from #{#entityName} e where e.deleted = false")
        List<T> live();
      }
      """;

  private static final String ORDER = """
      package shop;
      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.Table;
      @Entity
      @Table(name = "orders")
      public class Order { @Id Long id; boolean deleted; }
      """;

  private static final String ORDER_LINE = """
      package shop;
      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import jakarta.persistence.Table;
      @Entity
      @Table(name = "order_lines")
      public class OrderLine { @Id Long id; boolean deleted; }
      """;

  /**
   * A repository of a generic repository whose stored entity is its second type parameter (ChildRepository<P, C>
   * extends LiveRepository<C>): #{#entityName} is OrderLine, the first type argument written (Order) is taken.
   */
  @Test
  void theEntityNameFollowsTheTypeParameterThroughAGenericRepository() {
    ProjectIndex index = new ProjectFixture(dir).java(LIVE_REPOSITORY).java(ORDER).java(ORDER_LINE).java("""
        package shop;
        import org.springframework.data.repository.NoRepositoryBean;
        @NoRepositoryBean
        public interface ChildRepository<P, C> extends LiveRepository<C> {}
        """).java("""
        package shop;
        public interface OrderLineRepository extends ChildRepository<Order, OrderLine> {}
        """).java("""
        package shop;
        import java.util.List;
        public class Desk {
          private final OrderLineRepository lines;
          public Desk(OrderLineRepository lines) { this.lines = lines; }
          public List<OrderLine> lines() { return lines.live(); }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.Desk", "lines"), "table:order_lines");
  }

  /**
   * A repository that also extends a project's generic fragment interface of another entity written first: the
   * entity JpaRepository stores is OrderLine.
   */
  @Test
  void theEntityNameIsTheJpaRepositorysNotAFragmentsWrittenFirst() {
    ProjectIndex index = new ProjectFixture(dir).java(LIVE_REPOSITORY).java(ORDER).java(ORDER_LINE).java("""
        package shop;
        import java.util.List;
        public interface ByParent<P> { List<Object> byParent(P parent); }
        """).java("""
        package shop;
        public interface OrderLineRepository extends ByParent<Order>, LiveRepository<OrderLine> {}
        """).java("""
        package shop;
        import java.util.List;
        public class Desk {
          private final OrderLineRepository lines;
          public Desk(OrderLineRepository lines) { this.lines = lines; }
          public List<OrderLine> lines() { return lines.live(); }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.Desk", "lines"), "table:order_lines");
  }

  /**
   * MyBatis joins a String[] value's elements into one statement: the JOIN in the second element reads order_items.
   * methodAnnotationValues keeps values.get(0) only, so the text is "SELECT o.code FROM orders o" and the footprint,
   * known, names orders alone.
   */
  @Test
  void aMyBatisSelectOfSeveralStringsIsReadWhole() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop;
        import java.util.List;
        import org.apache.ibatis.annotations.Mapper;
        import org.apache.ibatis.annotations.Select;
        @Mapper
        public interface OrderMapper {
          @Select({"SELECT o.code FROM orders o",
                   "JOIN order_items i ON i.order_id = o.id",
                   "WHERE i.sku = #{sku}"})
          List<String> bySku(String sku);
        }
        """).java("""
        package shop;
        import java.util.List;
        public class Desk {
          private final OrderMapper mapper;
          public Desk(OrderMapper mapper) { this.mapper = mapper; }
          public List<String> bySku(String sku) { return mapper.bySku(sku); }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.Desk", "bySku"), "table:order_items");
  }

  /** The same with another class's constant as one element: its part dropped, never read as nothing. */
  @Test
  void aMyBatisSelectArrayWithAnotherClasssConstantIsReadWhole() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.sql;
        public class Joins {
            public static final String ITEMS = "JOIN order_items i ON i.order_id = o.id";
        }
        """).java("""
        package shop;
        import java.util.List;
        import org.apache.ibatis.annotations.Mapper;
        import org.apache.ibatis.annotations.Select;
        import shop.sql.Joins;
        @Mapper
        public interface OrderMapper {
          @Select({"SELECT o.code FROM orders o " + Joins.ITEMS, "WHERE i.sku = #{sku}"})
          List<String> bySku(String sku);
        }
        """).java("""
        package shop;
        import java.util.List;
        public class Desk {
          private final OrderMapper mapper;
          public Desk(OrderMapper mapper) { this.mapper = mapper; }
          public List<String> bySku(String sku) { return mapper.bySku(sku); }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.Desk", "bySku"), "table:order_items");
  }

  /**
   * A constant of another class whose initializer names a third class's constant, in an @Query: Queries.BY_SKU is
   * kept with {ITEMS} bound as a value.
   */
  @Test
  void anAnnotatedQueryOfAConstantWithAThirdClasssPartStaysUnknown() {
    ProjectIndex index = new ProjectFixture(dir).java(ORDER).java("""
        package shop.sql;
        public class Items {
            public static final String ITEMS = "select i.order.id from OrderItem i where i.sku = :sku";
        }
        """).java("""
        package shop.sql;
        public class Queries {
            public static final String BY_SKU = "select o from Order o where o.id in (" + Items.ITEMS + ")";
        }
        """).java("""
        package shop;
        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.ManyToOne;
        import jakarta.persistence.Table;
        @Entity
        @Table(name = "order_items")
        public class OrderItem { @Id Long id; String sku; @ManyToOne Order order; }
        """).java("""
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;
        import shop.sql.Queries;
        public interface OrderRepository extends JpaRepository<Order, Long> {
          @Query(Queries.BY_SKU)
          List<Order> bySku(String sku);
        }
        """).java("""
        package shop;
        import java.util.List;
        public class Desk {
          private final OrderRepository orders;
          public Desk(OrderRepository orders) { this.orders = orders; }
          public List<Order> bySku(String sku) { return orders.bySku(sku); }
        }
        """).assess().index();
    assertCovers(index, site(index, "shop.Desk", "bySku"), "table:order_items");
  }
}
