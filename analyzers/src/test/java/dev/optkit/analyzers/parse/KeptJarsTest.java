package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jars a project keeps are its libraries, not a build's output, its tests' or a sample's. */
class KeptJarsTest {
  @TempDir Path root;

  private void jar(String path) throws Exception {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {'P', 'K', 5, 6});
  }

  /**
   * Only the project's own library folder is its class path: not an Ant project's top-level test/lib, not a sample's,
   * and not the project's own built jar in Gradle's build/libs or Ant's dist/lib (stale copies of its own classes).
   */
  @Test
  void testSampleAndBuildOutputJarsAreNotTheProjectsLibraries() throws Exception {
    jar("lib/vendor-1.0.jar");
    jar("test/lib/wiremock-2.0.jar");
    jar("examples/demo/lib/vendor-0.1.jar");
    jar("build/libs/shop-1.0.jar");
    jar("dist/lib/shop.jar");
    assertEquals(List.of(root.resolve("lib/vendor-1.0.jar").toAbsolutePath().normalize()),
        ProjectClasspath.keptJars(root));
  }
}
