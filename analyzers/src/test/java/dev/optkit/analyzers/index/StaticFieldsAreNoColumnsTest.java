package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.catalog.ClientKind;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A static field of an entity is its class's, never a column or an association: a read of the entity reads its table
 * alone (dddsample's {@code Location.UNKNOWN}, a constant of the entity's own type, made every read of locations one of
 * tables optkit could not tell). Near miss: the same field not static is an association optkit does not read.
 */
class StaticFieldsAreNoColumnsTest {
  @TempDir Path dir;

  private DataFootprint read(String modifiers) {
    ProjectIndex index = new ProjectFixture(dir.resolve(modifiers.isEmpty() ? "instance" : "static")).java("""
        package shop;
        import jakarta.persistence.*;
        @Entity
        public class Location {
          @Id Long id;
          String name;
          %s Location UNKNOWN = new Location();
        }
        """.formatted(modifiers)).java("""
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        public interface LocationRepository extends JpaRepository<Location, Long> {
          List<Location> findByName(String name);
        }
        """).java("""
        package shop;
        public class Reads {
          private final LocationRepository repository;
          public Reads(LocationRepository repository) { this.repository = repository; }
          public Object named(String name) { return repository.findByName(name); }
        }
        """).assess().index();
    return index.footprints().of(index.sitesOf(index.methods("shop.Reads", "named").get(0)).stream()
        .filter(s -> s.kind() == ClientKind.DB).findFirst().orElseThrow());
  }

  @Test
  void aStaticFieldOfAnEntityIsNoColumn() {
    DataFootprint constant = read("public static final");
    assertEquals(Set.of("table:location"), constant.names());
    assertEquals(false, constant.unknown());
    assertEquals(true, read("").unknown());
  }
}
