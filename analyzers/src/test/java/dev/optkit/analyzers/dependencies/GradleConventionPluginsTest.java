package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.bytecode.LibraryBytecodeIoTest;
import dev.optkit.analyzers.facts.ParseProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Convention plugins: the precompiled script plugins of {@code buildSrc} and of an included {@code build-logic} build
 * declare for the scripts that apply them by id (and the plugins they apply, in turn), resolved as the scripts' own
 * declarations; the plugin builds' own dependencies (Gradle plugins) are not the application's.
 */
class GradleConventionPluginsTest {
  @TempDir Path temp;

  private Path write(Path root, String file, String text) throws Exception {
    Path path = root.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
    return path;
  }

  /** A library jar of one class, installed with its pom in the repository folder. */
  private void library(Path repository, String artifact, String version) throws Exception {
    Files.createDirectories(temp.resolve("jars"));
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("jars/" + artifact + "-" + version + ".jar"),
        Map.of("com/acme/" + artifact.replace("-", "") + "/A.java",
            "package com.acme." + artifact.replace("-", "") + ";\npublic class A {}\n"));
    LoopbackRepository.install(repository, "com.acme", artifact, version,
        LoopbackRepository.pom("com.acme", artifact, version, "jar", ""), jar);
  }

  private static List<String> jars(dev.optkit.analyzers.parse.ProjectClasspath.Classpath classpath) {
    return classpath.jars().stream().map(p -> p.getFileName().toString()).sorted().toList();
  }

  private ResolutionSettings settings(LoopbackRepository repository, String optkit) {
    return Untimed.settings(false, temp.resolve(optkit), repository.url(), false);
  }

  /** The ids a script applies, in its order, and those its subprojects get; Groovy and Kotlin spellings alike. */
  @Test
  void theIdsAScriptAppliesAreRead() {
    GradleScript.Declared groovy = GradleScript.parse("""
        plugins {
            id 'java'
            id 'my.java-conventions'
            id 'org.springframework.boot' version '3.3.0' apply false
        }
        apply plugin: 'my.other'
        subprojects { apply plugin: 'my.sub' }
        gradlePlugin { plugins { conventions { id = 'my.declared' } } }
        """, Map.of()).orElseThrow();
    assertEquals(List.of("java", "my.java-conventions", "my.other"), groovy.plugins());
    assertEquals(List.of("my.sub"), groovy.sharedPlugins());
    GradleScript.Declared kotlin = GradleScript.parse("""
        pluginManagement { plugins { id("my.managed") version "1" } }
        plugins {
            java
            `my-conventions`
            id("my.java-conventions")
            kotlin("jvm") version "1.9.24"
            id("org.springframework.boot") version "3.3.0" apply false
        }
        apply(plugin = "my.other")
        allprojects { apply(plugin = "my.all") }
        """, Map.of(), true).orElseThrow();
    assertEquals(List.of("java", "my-conventions", "my.java-conventions", "my.other", "my.all"), kotlin.plugins());
    assertEquals(List.of("my.all"), kotlin.sharedPlugins());
    GradleScript.Declared settings = GradleScript.parse("""
        pluginManagement { includeBuild("build-logic") }
        includeBuild("gradle/plugins")
        include("app")
        """, Map.of(), true).orElseThrow();
    assertEquals(List.of("build-logic", "gradle/plugins"), settings.includedBuilds());
  }

  /** Plugin ids from the script's path: the package folders' names, then its name; no id for a settings plugin. */
  @Test
  void aPrecompiledScriptsIdIsItsNameAfterItsPackage() {
    assertEquals("my.java-conventions", GradleConventionPlugins.id(Path.of("src/main/kotlin/my/java-conventions.gradle.kts")).orElseThrow());
    assertEquals("java-conventions", GradleConventionPlugins.id(Path.of("src/main/groovy/java-conventions.gradle")).orElseThrow());
    assertEquals("web", GradleConventionPlugins.id(Path.of("conventions/src/main/kotlin/web.gradle.kts")).orElseThrow());
    assertTrue(GradleConventionPlugins.id(Path.of("src/main/kotlin/my.settings.gradle.kts")).isEmpty());
    assertTrue(GradleConventionPlugins.id(Path.of("src/main/groovy/x.gradle.kts")).isEmpty(), "Kotlin under groovy/");
    assertTrue(GradleConventionPlugins.id(Path.of("src/test/kotlin/x.gradle.kts")).isEmpty());
  }

  /**
   * A Groovy convention plugin in {@code buildSrc}, applied by id: its libraries are the module's, its versionless one
   * at the version of the Spring Boot BOM whose plugin it applies, at the version buildSrc's build puts on the class
   * path; that build's own dependency (the Boot Gradle plugin) is not resolved.
   */
  @Test
  void aBuildSrcGroovyConventionPluginDeclaresForTheModuleThatAppliesIt() throws Exception {
    Path central = temp.resolve("central");
    library(central, "wire", "1.0");
    library(central, "managed", "3.0");
    LoopbackRepository.install(central, "org.springframework.boot", "spring-boot-dependencies", "3.3.0",
        LoopbackRepository.pom("org.springframework.boot", "spring-boot-dependencies", "3.3.0", "pom",
            "<dependencyManagement><dependencies><dependency><groupId>com.acme</groupId><artifactId>managed</artifactId>"
                + "<version>3.0</version></dependency></dependencies></dependencyManagement>"), null);
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("jars/boot-plugin.jar"),
        Map.of("org/acme/plugin/P.java", "package org.acme.plugin;\npublic class P {}\n"));
    LoopbackRepository.install(central, "org.springframework.boot", "spring-boot-gradle-plugin", "3.3.0",
        LoopbackRepository.pom("org.springframework.boot", "spring-boot-gradle-plugin", "3.3.0", "jar", ""), jar);
    Path root = temp.resolve("shop");
    write(root, "settings.gradle", "include 'app'\n");
    write(root, "buildSrc/build.gradle", """
        plugins { id 'groovy-gradle-plugin' }
        dependencies { implementation 'org.springframework.boot:spring-boot-gradle-plugin:3.3.0' }
        """);
    write(root, "buildSrc/src/main/groovy/shop.java-conventions.gradle", """
        plugins {
            id 'java'
            id 'org.springframework.boot'
        }
        dependencies {
            implementation 'com.acme:wire:1.0'
            implementation 'com.acme:managed'
        }
        """);
    write(root, "app/build.gradle", "plugins { id 'shop.java-conventions' }\n");
    try (LoopbackRepository repository = new LoopbackRepository(central)) {
      var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
          settings(repository, "optkit"));
      assertEquals(List.of("managed-3.0.jar", "wire-1.0.jar"), jars(classpath), classpath.warnings().toString());
      assertTrue(classpath.warnings().isEmpty(), classpath.warnings().toString());
    }
  }

  /**
   * A Kotlin precompiled plugin of an included {@code build-logic} build (the settings' {@code pluginManagement}),
   * applied by id from one module and, through a plugin of a build-logic sub-project applied by its Kotlin accessor,
   * from another; build-logic's own dependency is not resolved, and a changed plugin script is a new resolution, not
   * the remembered one.
   */
  @Test
  void aBuildLogicKotlinPluginAppliedFromTwoModules() throws Exception {
    Path central = temp.resolve("central");
    library(central, "wire", "1.0");
    library(central, "service", "1.0");
    library(central, "added", "1.0");
    library(central, "acme-gradle-plugin", "1.0");
    Path root = temp.resolve("shop");
    write(root, "settings.gradle.kts", """
        pluginManagement { includeBuild("build-logic") }
        include("a", "b")
        """);
    write(root, "build-logic/settings.gradle.kts", "include(\"conventions\")\n");
    write(root, "build-logic/build.gradle.kts", """
        plugins { `kotlin-dsl` }
        dependencies { implementation("com.acme:acme-gradle-plugin:1.0") }
        """);
    Path plugin = write(root, "build-logic/src/main/kotlin/shop/java-conventions.gradle.kts", """
        plugins { java }
        dependencies { implementation("com.acme:wire:1.0") }
        """);
    write(root, "build-logic/conventions/build.gradle.kts", "plugins { `kotlin-dsl` }\n");
    write(root, "build-logic/conventions/src/main/kotlin/service-conventions.gradle.kts", """
        plugins { id("shop.java-conventions") }
        dependencies { implementation("com.acme:service:1.0") }
        """);
    write(root, "a/build.gradle.kts", "plugins { id(\"shop.java-conventions\") }\n");
    write(root, "b/build.gradle.kts", "plugins {\n    `service-conventions`\n}\n");
    try (LoopbackRepository repository = new LoopbackRepository(central)) {
      var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
          settings(repository, "optkit"));
      assertEquals(List.of("service-1.0.jar", "wire-1.0.jar"), jars(classpath), classpath.warnings().toString());
      assertTrue(classpath.warnings().isEmpty(), classpath.warnings().toString());
      Files.writeString(plugin, """
          plugins { java }
          dependencies {
              implementation("com.acme:wire:1.0")
              implementation("com.acme:added:1.0")
          }
          """);
      classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
          settings(repository, "optkit"));
      assertEquals(List.of("added-1.0.jar", "service-1.0.jar", "wire-1.0.jar"), jars(classpath),
          "the changed plugin script is read again, not the remembered resolution");
    }
  }

  /** A plugin applying another, which applies the first: each read once, in the order applied, no endless descent. */
  @Test
  void aPluginApplyingAnotherAndACycle() throws Exception {
    Path central = temp.resolve("central");
    for (String artifact : List.of("first", "second", "own")) {
      library(central, artifact, "1.0");
    }
    Path root = temp.resolve("cycle");
    write(root, "buildSrc/build.gradle.kts", "plugins { `kotlin-dsl` }\n");
    write(root, "buildSrc/src/main/kotlin/first.gradle.kts", """
        plugins { id("second") }
        dependencies { implementation("com.acme:first:1.0") }
        """);
    write(root, "buildSrc/src/main/kotlin/second.gradle.kts", """
        plugins { id("first") }
        dependencies { api("com.acme:second:1.0") }
        """);
    Path app = write(root, "app/build.gradle.kts", """
        plugins { id("first") }
        dependencies { implementation("com.acme:own:1.0") }
        """);
    try (LoopbackRepository repository = new LoopbackRepository(central)) {
      var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
          settings(repository, "optkit"));
      assertEquals(List.of("first-1.0.jar", "own-1.0.jar", "second-1.0.jar"), jars(classpath),
          classpath.warnings().toString());
      assertTrue(classpath.warnings().isEmpty(), classpath.warnings().toString());
    }
    GradleScript.Declared applied = GradleConventionPlugins.of(root).applied(app,
        GradleScript.read(app, root, Map.of()).declared(), null, Map.of(), new ArrayList<>());
    assertEquals(List.of("com.acme:own:1.0", "com.acme:first:1.0", "com.acme:second:1.0"), applied.libraries()
        .stream().map(l -> l.group() + ":" + l.artifact() + ":" + l.version()).toList(), "in the order applied");
  }

  /**
   * An id no script defines (a near miss of one) stays what it was, with no warning; a plugin script that is not Kotlin
   * is one warning naming it, however many scripts apply it, and the plugins beside it are still read. A plugin script
   * linked from outside the project and a build included from outside it are not read.
   */
  @Test
  void aNearMissABrokenPluginAndLinksOutOfTheProject() throws Exception {
    Path central = temp.resolve("central");
    library(central, "wire", "1.0");
    library(central, "outside", "1.0");
    Path root = temp.resolve("hostile");
    Path outside = write(temp, "elsewhere/src/main/kotlin/outside.gradle.kts",
        "dependencies { implementation(\"com.acme:outside:1.0\") }\n");
    write(temp, "elsewhere/build.gradle.kts", "plugins { `kotlin-dsl` }\n");
    write(root, "settings.gradle.kts", "includeBuild(\"../elsewhere\")\ninclude(\"a\", \"b\")\n");
    write(root, "buildSrc/src/main/kotlin/java-conventions.gradle.kts",
        "dependencies { implementation(\"com.acme:wire:1.0\") }\n");
    write(root, "buildSrc/src/main/kotlin/broken.gradle.kts", "dependencies { implementation(\"a:b:1\") ))\n");
    Files.createSymbolicLink(root.resolve("buildSrc/src/main/kotlin/linked.gradle.kts"), outside);
    write(root, "a/build.gradle.kts", """
        plugins {
            id("java-conventions2")
            id("broken")
            id("linked")
            id("outside")
            id("java-conventions")
        }
        """);
    write(root, "b/build.gradle.kts", "plugins { id(\"broken\") }\n");
    assertEquals(List.of("broken", "java-conventions"),
        List.copyOf(new java.util.TreeSet<>(GradleConventionPlugins.of(root).scripts().keySet())));
    try (LoopbackRepository repository = new LoopbackRepository(central)) {
      var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
          settings(repository, "optkit"));
      assertEquals(List.of("wire-1.0.jar"), jars(classpath), classpath.warnings().toString());
      List<ParseProblem> warnings = classpath.warnings();
      assertEquals(1, warnings.size(), warnings.toString());
      assertEquals("buildSrc/src/main/kotlin/broken.gradle.kts", warnings.get(0).path());
      assertTrue(warnings.get(0).message().contains("not Kotlin"), warnings.toString());
    }
  }

  /**
   * An included plugin build's own scripts (here its dependency on a Gradle plugin) are no modules of the application;
   * an included build that builds no plugin (a library) is the application's.
   */
  @Test
  void aPluginBuildsOwnDependenciesAreNotTheApplications() throws Exception {
    Path central = temp.resolve("central");
    library(central, "wire", "1.0");
    library(central, "acme-gradle-plugin", "1.0");
    Path root = temp.resolve("logic");
    write(root, "settings.gradle", "includeBuild 'gradle/plugins'\nincludeBuild 'library'\n");
    write(root, "gradle/plugins/build.gradle", """
        plugins { id 'groovy-gradle-plugin' }
        dependencies { implementation 'com.acme:acme-gradle-plugin:1.0' }
        """);
    write(root, "library/build.gradle", """
        plugins { id 'java-library' }
        dependencies { implementation 'com.acme:wire:1.0' }
        """);
    write(root, "app/build.gradle", "plugins { id 'java' }\n");
    try (LoopbackRepository repository = new LoopbackRepository(central)) {
      var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
          settings(repository, "optkit"));
      assertEquals(List.of("wire-1.0.jar"), jars(classpath), classpath.warnings().toString());
    }
  }
}
