package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column an entity stores an enum property in holds at most the enum's constants, a boolean property's two: the schema the index gives the
 * database hints counts them ({@code SchemaIndexes.Table.valueCounts}), which the planner's generated rows follow.
 * (From a trial on a shop whose orders(status) index hint, a four-state enum, was kept on a thousand values per column.)
 */
class FewValuedColumnsTest {
  @TempDir Path dir;

  private static final String SCHEMA = """
      CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(20), kind INT, note VARCHAR(200), created_by BIGINT,
        gift TINYINT, express TINYINT);
      """;

  private static final String STATUS = """
      package shop;
      public enum OrderStatus { NEW, PAID, SHIPPED, CANCELLED }
      """;

  private Map<String, Integer> counted(String... sources) {
    ProjectFixture fixture = new ProjectFixture(dir).file("src/main/resources/schema.sql", SCHEMA);
    for (String source : sources) {
      fixture.java(source);
    }
    return fixture.assess().index().schemaIndexes().table("orders").orElseThrow().valueCounts();
  }

  @Test
  void anEntitysEnumPropertyBoundsItsColumnByTheEnumsConstants() {
    Map<String, Integer> counts = counted(STATUS, """
        package shop;
        public enum OrderKind { RETAIL, WHOLESALE }
        """, """
        package shop;
        import jakarta.persistence.*;
        @Entity
        @Table(name = "orders")
        public class Order {
          @Id Long id;
          @Enumerated(EnumType.STRING) OrderStatus status;
          OrderKind kind; // ordinal by default
          String note;
          Long createdBy;
          boolean gift; // a flag in a number column
          Boolean express;
        }
        """);
    // a text or number property bounds nothing
    assertEquals(Map.of("status", 4, "kind", 2, "gift", 2, "express", 2), counts);
  }

  @Test
  void aMappedSuperclassesEnumPropertyIsTheEntitysToo() {
    assertEquals(Map.of("status", 4), counted(STATUS, """
        package shop;
        import jakarta.persistence.*;
        @MappedSuperclass
        public abstract class Tracked {
          @Enumerated(EnumType.STRING) OrderStatus status;
        }
        """, """
        package shop;
        import jakarta.persistence.*;
        @Entity
        @Table(name = "orders")
        public class Order extends Tracked {
          @Id Long id;
        }
        """));
  }

  @Test
  void twoEntitiesOfOneTableStoringTwoEnumsInOneColumnBoundItByBoth() {
    assertEquals(Map.of("status", 6), counted(STATUS, """
        package shop;
        public enum ReturnStatus { OPEN, CLOSED }
        """, """
        package shop;
        import jakarta.persistence.*;
        @Entity
        @Table(name = "orders")
        public class Order {
          @Id Long id;
          @Enumerated(EnumType.STRING) OrderStatus status;
        }
        """, """
        package shop;
        import jakarta.persistence.*;
        @Entity
        @Table(name = "orders")
        public class OrderReturn {
          @Id Long id;
          @Enumerated(EnumType.STRING) ReturnStatus status;
        }
        """));
  }

  @Test
  void aPropertyOfALibrarysEnumOrAnotherTypeBoundsNothing() {
    // java.time.DayOfWeek's constants are not the project's to read; a class is no enum
    assertEquals(Map.of(), counted("""
        package shop;
        public class OrderStatus { String code; }
        """, """
        package shop;
        import jakarta.persistence.*;
        @Entity
        @Table(name = "orders")
        public class Order {
          @Id Long id;
          OrderStatus status;
          java.time.DayOfWeek kind;
        }
        """));
  }
}
