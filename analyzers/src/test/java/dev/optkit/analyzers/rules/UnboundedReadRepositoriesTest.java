package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spring Data repositories' reads: every row, or paged by what Spring Data adds. */
class UnboundedReadRepositoriesTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE TABLE customers (id BIGINT PRIMARY KEY, name VARCHAR(40));
      CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT, status VARCHAR(10));
      """;

  private static final String CONTROLLER = """
      package shop;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.RestController;
      @RestController
      public class OrderController {
        private final Orders orders;
        public OrderController(Orders orders) { this.orders = orders; }
        @GetMapping("/orders")
        public Object list() { return orders.read("NEW"); }
      }
      """;

  private static List<Finding> findings(ProjectFixture fixture) {
    return fixture.assess().findings().stream().filter(f -> f.ruleId().equals("UnboundedRead")).toList();
  }




  private ProjectFixture repository(String repositoryBody, String readCall) {
    return new ProjectFixture(dir).file("src/main/resources/schema.sql", SCHEMA)
        .java("""
            package shop;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.Table;
            @Entity
            @Table(name = "orders")
            public class Order {
              @Id Long id;
              Long customerId;
              String status;
            }
            """)
        .java("""
            package shop;
            import java.util.List;
            import org.springframework.data.domain.Pageable;
            import org.springframework.data.domain.Sort;
            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;
            public interface OrderRepository extends JpaRepository<Order, Long> {
            %s
            }
            """.formatted(repositoryBody))
        .java("""
            package shop;
            import org.springframework.data.domain.PageRequest;
            import org.springframework.data.domain.Sort;
            import org.springframework.jdbc.core.JdbcTemplate;
            public class Orders {
              private final OrderRepository repository;
              private final JdbcTemplate jdbc;
              public Orders(OrderRepository repository, JdbcTemplate jdbc) { this.repository = repository; this.jdbc = jdbc; }
              public Object read(Object value) { return %s; }
              public void place(long id, long customer) {
                jdbc.update("INSERT INTO orders (id, customer_id, status) VALUES (?, ?, 'NEW')", id, customer);
              }
            }
            """.formatted(readCall))
        .java(CONTROLLER);
  }

  /** a native query given a Pageable is paged by Spring Data (LIMIT/OFFSET appended), whatever it returns. */
  @Test
  void aPageableParameterPagesANativeQuery() {
    List<Finding> found = findings(repository("""
          @Query(value = "SELECT * FROM orders WHERE status = ?1", nativeQuery = true)
          List<Order> recent(String status, Pageable page);
        """, "repository.recent((String) value, PageRequest.of(0, 20))"));
    assertEquals(List.of(), found);
  }

  /** findAll() with no argument, reached from a handler, is reported. */
  @Test
  void findAllIsEveryRow() {
    assertEquals(1, findings(repository("", "repository.findAll()")).size());
  }

}
