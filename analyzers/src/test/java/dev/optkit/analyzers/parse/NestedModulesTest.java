package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven module of a module, deeper than the folders assess walks for poms, is found through the modules its parents
 * name (a blind trial's lenve/vhr: vhr/vhrserver/vhr-web/pom.xml was never resolved, and nothing said so). Near miss: a
 * module naming a folder outside the scanned tree is not followed.
 */
class NestedModulesTest {
  @TempDir Path dir;

  private static String pom(String artifact, String modules, String dependency) {
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>shop</groupId>
          <artifactId>%s</artifactId>
          <version>1</version>
          <modules>%s</modules>
          <dependencies>%s</dependencies>
        </project>
        """.formatted(artifact, modules, dependency);
  }

  private static String dependency(String artifact) {
    return "<dependency><groupId>com.acme</groupId><artifactId>" + artifact + "</artifactId><version>1.0</version>"
        + "</dependency>";
  }

  @Test
  void aModuleOfAModuleDeeperThanTheWalkIsResolved() throws Exception {
    Path repository = dir.resolve("m2");
    for (String artifact : List.of("web-lib", "outside-lib")) {
      Path jar = repository.resolve("com/acme/" + artifact + "/1.0/" + artifact + "-1.0.jar");
      Files.createDirectories(jar.getParent());
      Files.write(jar, new byte[] {'P', 'K', 5, 6});
    }
    Path root = dir.resolve("app");
    write(root.resolve("shop/pom.xml"), pom("shop", "<module>server</module>", ""));
    write(root.resolve("shop/server/pom.xml"), pom("server", "<module>web</module><module>../../../elsewhere</module>", ""));
    write(root.resolve("shop/server/web/pom.xml"), pom("web", "", dependency("web-lib")));
    write(dir.resolve("elsewhere/pom.xml"), pom("elsewhere", "", dependency("outside-lib")));
    List<String> jars = ProjectClasspath.resolve(List.of(), List.of(root), repository).stream()
        .map(jar -> jar.getFileName().toString()).toList();
    assertEquals(List.of("web-lib-1.0.jar"), jars);
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
