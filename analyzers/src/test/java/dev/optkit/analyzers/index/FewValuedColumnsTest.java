package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.schema.SchemaIndexes.ColumnValues;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column an entity stores an enum property in holds at most the enum's constants (their names, where it is stored by
 * name), a boolean property's two: the schema the index gives the database hints says so ({@code
 * SchemaIndexes.Table.columnValues}), and the planner's generated rows follow it.
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

  private static final List<String> STATES = List.of("CANCELLED", "NEW", "PAID", "SHIPPED");

  private static ColumnValues count(int values) {
    return new ColumnValues(values, List.of());
  }

  private Map<String, ColumnValues> counted(String... sources) {
    ProjectFixture fixture = new ProjectFixture(dir).file("src/main/resources/schema.sql", SCHEMA);
    for (String source : sources) {
      fixture.java(source);
    }
    return fixture.assess().index().schemaIndexes().table("orders").orElseThrow().columnValues();
  }

  @Test
  void anEntitysEnumPropertyBoundsItsColumnByTheEnumsConstants() {
    Map<String, ColumnValues> counts = counted(STATUS, """
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
    assertEquals(Map.of("status", new ColumnValues(4, STATES), "kind", count(2), "gift", count(2), "express", count(2)),
        counts);
  }

  @Test
  void aMappedSuperclassesEnumPropertyIsTheEntitysToo() {
    assertEquals(Map.of("status", new ColumnValues(4, STATES)), counted(STATUS, """
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
    assertEquals(Map.of("status", new ColumnValues(6, List.of("CANCELLED", "CLOSED", "NEW", "OPEN", "PAID", "SHIPPED"))),
        counted(STATUS, """
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
  void anEnumStoredByItsOrdinalOrThroughAConverterIsCountedWithoutItsNames() {
    assertEquals(Map.of("status", count(4), "kind", count(2)), counted(STATUS, """
        package shop;
        public enum OrderKind { RETAIL, WHOLESALE }
        """, """
        package shop;
        import jakarta.persistence.*;
        @Entity
        @Table(name = "orders")
        public class Order {
          @Id Long id;
          @Enumerated(EnumType.STRING) @Convert(converter = StatusCodes.class) OrderStatus status;
          @Enumerated(EnumType.ORDINAL) OrderKind kind;
        }
        """, """
        package shop;
        import jakarta.persistence.*;
        @Converter
        public class StatusCodes implements AttributeConverter<OrderStatus, String> {
          public String convertToDatabaseColumn(OrderStatus s) { return s.name().substring(0, 1); }
          public OrderStatus convertToEntityAttribute(String c) { return OrderStatus.NEW; }
        }
        """));
  }

  @Test
  void springDataJdbcStoresAnEnumByItsName() {
    assertEquals(Map.of("status", new ColumnValues(4, STATES)), counted(STATUS, """
        package shop;
        import org.springframework.data.annotation.Id;
        import org.springframework.data.relational.core.mapping.Table;
        @Table("orders")
        public class Order {
          @Id Long id;
          OrderStatus status;
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
