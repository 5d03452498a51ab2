package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.bytecode.LibraryBytecodeIoTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Gradle build's version catalog, read with a TOML parser, its libraries resolved from Maven Central. */
class GradleCatalogTest {
  @TempDir Path temp;

  private static final String CATALOG = """
      [versions]
      wire = "1.0"
      ranged = { strictly = "[1.0, 2.0)" }
      loop = { ref = "wire" }

      [libraries]
      wire = { module = "com.acme:wire", version.ref = "wire" }
      vendor = "com.acme:vendor:2.1"
      grouped = { group = "com.acme", name = "store", version = "3.0" }
      rich = { module = "com.acme:rich", version = { strictly = "4.0" } }
      managed = { module = "com.acme:managed" }
      range = { module = "com.acme:range", version.ref = "ranged" }
      broken = "com.acme:nothing"

      [plugins]
      shadow = { id = "com.gradleup.shadow", version = "8.3.0" }
      """;

  @Test
  void librariesWithAVersionAreDeclaredOthersLeftOut() throws Exception {
    Files.createDirectories(temp.resolve("gradle"));
    Files.writeString(temp.resolve("gradle/libs.versions.toml"), CATALOG);
    assertEquals(List.of("com.acme:wire:1.0", "com.acme:vendor:2.1", "com.acme:store:3.0", "com.acme:rich:4.0"),
        GradleCatalog.declared(temp).stream().map(Coordinates::toString).toList());
    Files.writeString(temp.resolve("gradle/libs.versions.toml"), "[libraries\nwire = ");
    assertEquals(List.of(), GradleCatalog.declared(temp), "not TOML: nothing declared, no failure");
  }

  @Test
  void aCatalogsLibrariesAreResolvedFromCentral() throws Exception {
    Path central = temp.resolve("central");
    Files.createDirectories(temp.resolve("jars"));
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("jars/wire-1.0.jar"),
        Map.of("com/acme/wire/Wire.java", "package com.acme.wire;\npublic class Wire {}\n"));
    LoopbackRepository.install(central, "com.acme", "wire", "1.0",
        LoopbackRepository.pom("com.acme", "wire", "1.0", "jar", ""), jar);
    Path root = temp.resolve("app");
    Files.createDirectories(root.resolve("gradle"));
    Files.writeString(root.resolve("gradle/libs.versions.toml"),
        "[libraries]\nwire = \"com.acme:wire:1.0\"\nghost = \"com.acme:ghost:9\"\n");
    try (LoopbackRepository repository = new LoopbackRepository(central)) {
      DependencyResolver.Resolved resolved = DependencyResolver.resolve(List.of(), root, GradleCatalog.declared(root),
          Untimed.settings(false, temp.resolve("optkit"), repository.url(), false));
      assertEquals(List.of(temp.resolve("optkit/com/acme/wire/1.0/wire-1.0.jar")), resolved.jars());
      assertEquals(resolved.jars(), resolved.declared());
      assertTrue(resolved.warnings().stream().anyMatch(w -> w.path().equals("gradle/libs.versions.toml")
          && w.message().contains("com.acme:ghost")), resolved.warnings().toString());
    }
  }

  /** A Groovy build script's dependencies are read (GradleScriptTest); offline, the jars missing are said. */
  @Test
  void aGradleBuildScriptsMissingJarsAreSaid() throws Exception {
    Path root = temp.resolve("scripted");
    Files.createDirectories(root.resolve("app"));
    Files.writeString(root.resolve("app/build.gradle"), "dependencies { implementation 'commons-net:commons-net:3.9.0' }\n");
    var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
        Untimed.settings(true, temp.resolve("optkit"), "http://127.0.0.1:9/", false));
    assertTrue(classpath.warnings().stream().anyMatch(w -> w.path().equals("app/build.gradle")
        && w.message().contains("commons-net:commons-net")), classpath.warnings().toString());

    Path maven = temp.resolve("maven");
    Files.createDirectories(maven);
    var none = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(maven), null,
        Untimed.settings(true, temp.resolve("optkit"), "http://127.0.0.1:9/", false));
    assertEquals(List.of(), none.warnings());
  }
}
