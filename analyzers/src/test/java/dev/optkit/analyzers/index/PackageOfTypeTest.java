package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type's package is what its file declares: a nested type's is its top-level type's package, not the outer class's
 * name (migrate placed generated classes and judged component scans by the outer class's name, and re-parsed the
 * source to learn the package the facts hold).
 */
class PackageOfTypeTest {
  @TempDir Path dir;

  @Test
  void aNestedTypesPackageIsItsFilesPackage() {
    ProjectIndex index = new ProjectFixture(dir).java("""
        package shop.orders;
        public class Outer {
          public static class Reader {
            public static class Deeper {}
          }
        }
        """).assess().index();
    assertEquals("shop.orders", index.packageOfType("shop.orders.Outer"));
    assertEquals("shop.orders", index.packageOfType("shop.orders.Outer.Reader"));
    assertEquals("shop.orders", index.packageOfType("shop.orders.Outer.Reader.Deeper"));
    // a type the project does not declare: what precedes its last dot
    assertEquals("org.example", index.packageOfType("org.example.Elsewhere"));
  }
}
