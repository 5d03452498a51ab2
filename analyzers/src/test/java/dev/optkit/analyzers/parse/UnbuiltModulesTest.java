package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which modules of a scan ran without jars: those whose main sources no build optkit read covers. */
class UnbuiltModulesTest {
  @TempDir Path root;

  private Path file(String relative) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "");
    return file.toAbsolutePath().normalize();
  }

  /**
   * A repository holding Maven modules optkit read and Gradle builds deeper than it looks for builds (a blind trial's
   * microservices: nine Gradle builds under src/svc, their calls unseen and nothing said): the Gradle modules are
   * named, the Maven one is not, nor a source outside the src/main/java layout.
   */
  @Test
  void aModuleNoBuildReadCoversIsNamed() throws Exception {
    Path carts = file("src/carts/pom.xml");
    file("src/svc/app/build.gradle");
    file("src/svc/app/settings.gradle");
    List<String> sources = List.of("src/carts/src/main/java/carts/Cart.java", "src/svc/app/src/main/java/app/App.java",
        "src/svc/assets/src/main/java/assets/Store.java", "scripts/Tool.java");
    assertEquals(List.of("src/svc/app", "src/svc/assets"), UnbuiltModules.of(root, List.of(carts), sources));
  }

  /** A Gradle root project (a settings script beside its build) configures the subprojects below it. */
  @Test
  void aGradleRootProjectCoversItsSubprojects() throws Exception {
    Path build = file("build.gradle");
    List<String> sources = List.of("core/src/main/java/a/A.java", "web/src/main/java/b/B.java");
    assertEquals(List.of("core", "web"), UnbuiltModules.of(root, List.of(build), sources));
    file("settings.gradle");
    assertEquals(List.of(), UnbuiltModules.of(root, List.of(build), sources));
  }

  /** An Ivy module file kept under build/ is its Ant build's, whose sources are the root's. */
  @Test
  void anIvyFileCoversTheFolderOfItsAntBuild() throws Exception {
    Path ivy = file("build/ivy.xml");
    List<String> sources = List.of("src/main/java/shop/Shop.java");
    assertEquals(List.of("."), UnbuiltModules.of(root, List.of(ivy), sources));
    file("build.xml");
    assertEquals(List.of(), UnbuiltModules.of(root, List.of(ivy), sources));
  }
}
