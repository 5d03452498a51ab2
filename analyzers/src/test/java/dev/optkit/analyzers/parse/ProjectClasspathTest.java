package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectClasspathTest {
  @TempDir Path dir;

  private Path jar(String group, String artifact, String version) throws Exception {
    Path folder = Files.createDirectories(dir.resolve("repo").resolve(group.replace('.', '/')).resolve(artifact)
        .resolve(version));
    return Files.createFile(folder.resolve(artifact + "-" + version + ".jar"));
  }

  @Test
  void aLatin1PomKeepsItsDependenciesWithPropertiesManagedVersionsAndParents() throws Exception {
    Path caffeine = jar("com.github.ben-manes.caffeine", "caffeine", "3.1.8");
    Path h2 = jar("com.h2database", "h2", "2.2.224");
    Path newest = jar("org.slf4j", "slf4j-api", "2.0.10");
    jar("org.slf4j", "slf4j-api", "2.0.9");
    Files.write(dir.resolve("pom.xml"), """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <project>
          <modelVersion>4.0.0</modelVersion>
          <groupId>shop</groupId>
          <artifactId>parent</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <name>Müller Parent</name>
          <properties><h2.version>2.2.224</h2.version></properties>
          <dependencyManagement><dependencies>
            <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId><version>${h2.version}</version></dependency>
          </dependencies></dependencyManagement>
        </project>
        """.getBytes(StandardCharsets.ISO_8859_1));
    Path module = Files.createDirectories(dir.resolve("module"));
    Files.write(module.resolve("pom.xml"), """
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <project>
          <modelVersion>4.0.0</modelVersion>
          <parent><groupId>shop</groupId><artifactId>parent</artifactId><version>1</version></parent>
          <artifactId>module</artifactId>
          <name>Größe</name>
          <properties><caffeine.version>3.1.8</caffeine.version></properties>
          <dependencies>
            <dependency><groupId>com.github.ben-manes.caffeine</groupId><artifactId>caffeine</artifactId>
              <version>${caffeine.version}</version></dependency>
            <dependency><groupId>com.h2database</groupId><artifactId>h2</artifactId></dependency>
            <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId></dependency>
          </dependencies>
        </project>
        """.getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(List.of(caffeine, h2, newest), ProjectClasspath.jarsDeclaredBy(module.resolve("pom.xml"),
        dir.resolve("repo")));
  }

  @Test
  void aLargeMalformedPomGivesNoJarsAndTheScanGoesOn() throws Exception {
    StringBuilder pom = new StringBuilder("<project><dependencies>");
    for (int i = 0; i < 50_000; i++) {
      pom.append("<dependency><groupId>g").append(i).append("</groupId><artifactId>a");
    }
    Files.writeString(dir.resolve("pom.xml"), pom);
    assertEquals(List.of(), ProjectClasspath.jarsDeclaredBy(dir.resolve("pom.xml"), dir.resolve("repo")));
  }
}
