package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.bytecode.LibraryBytecodeIoTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Groovy Gradle build script's dependencies, read from its syntax tree and resolved as a pom's would be. */
class GradleScriptTest {
  @TempDir Path temp;

  private static String shown(GradleScript.Declared declared) {
    return declared.libraries().stream().map(l -> l.group() + ":" + l.artifact() + ":" + l.version()
        + (l.classifier() != null ? ":" + l.classifier() : "") + (l.extension().equals("jar") ? "" : "@" + l.extension())
        + (l.test() ? " (test)" : "")).toList() + " boms " + declared.boms()
        + (declared.bootVersion() != null ? " boot " + declared.bootVersion() : "") + " unread " + declared.unread();
  }

  @Test
  void everyFormOfDeclarationIsReadAndWhatTheScriptComputesIsCounted() {
    String script = """
        plugins {
            id 'java'
            id 'org.springframework.boot' version '3.3.0'
        }
        ext {
            jedisVersion = '5.1.0'
        }
        def neo = "5.20.0"
        def changing = '1'
        changing = '2'
        dependencies {
            implementation 'org.springframework.boot:spring-boot-starter-web'
            implementation "redis.clients:jedis:${jedisVersion}"
            implementation group: 'commons-net', name: 'commons-net', version: '3.10.0'
            implementation("org.neo4j.driver:neo4j-java-driver:$neo") {
                exclude group: 'io.netty'
            }
            api platform('software.amazon.awssdk:bom:2.25.0')
            compileOnly 'org.projectlombok:lombok:1.18.30'
            implementation 'com.acme:native:1.0:linux-x86_64@zip'
            implementation libs.guava
            implementation project(':core')
            implementation "com.acme:moving:$changing"
            implementation "com.acme:fromprops:${fromProps}"
            implementation 'com.acme:dynamic:1.+'
            implementation someHelper('x')
            annotationProcessor 'org.mapstruct:mapstruct-processor:1.5.5.Final'
            testImplementation 'junit:junit:4.13.2'
            runtimeOnly files('libs/a.jar')
        }
        buildscript {
            dependencies {
                classpath 'com.acme:gradle-plugin:1.0'
            }
        }
        """;
    GradleScript.Declared declared = GradleScript.parse(script, Map.of("fromProps", "7.0")).orElseThrow();
    assertEquals("[org.springframework.boot:spring-boot-starter-web:null, redis.clients:jedis:5.1.0, "
        + "commons-net:commons-net:3.10.0, org.neo4j.driver:neo4j-java-driver:5.20.0, org.projectlombok:lombok:1.18.30, "
        + "com.acme:native:1.0:linux-x86_64@zip, com.acme:fromprops:7.0, junit:junit:4.13.2 (test)] "
        + "boms [software.amazon.awssdk:bom:2.25.0] boot 3.3.0 unread 3",
        shown(declared));
  }

  @Test
  void theBootPluginOnABuildscriptClassPathAndDependencyManagementImportsGiveBoms() {
    String script = """
        buildscript {
            ext { springBootVersion = '2.7.18' }
            dependencies {
                classpath "org.springframework.boot:spring-boot-gradle-plugin:${springBootVersion}"
            }
        }
        apply plugin: 'org.springframework.boot'
        dependencyManagement {
            imports {
                mavenBom 'org.springframework.cloud:spring-cloud-dependencies:2021.0.9'
            }
        }
        subprojects {
            dependencies {
                implementation 'org.springframework.boot:spring-boot-starter-jdbc'
            }
        }
        """;
    assertEquals("[org.springframework.boot:spring-boot-starter-jdbc:null] boms "
        + "[org.springframework.cloud:spring-cloud-dependencies:2021.0.9] boot 2.7.18 unread 0",
        shown(GradleScript.parse(script, Map.of()).orElseThrow()));
  }

  /**
   * What a trial on real builds found (gradle27): every argument of a declaration, a strict version in its closure,
   * an ext map's entries, an unresolved map version counted (never read as "no version"), and a property that is no
   * catalog's counted too.
   */
  @Test
  void realBuildsFormsAreReadOrCounted() {
    String script = """
        ext {
            libraries = [guava: 'com.google.guava:guava:33.0.0-jre']
        }
        dependencies {
            compileOnly 'org.projectlombok:lombok:1.18.30', 'org.mapstruct:mapstruct:1.4.2.Final'
            implementation('org.codehaus.jettison:jettison') { version { strictly '1.5.4' } }
            implementation libraries.guava
            implementation libraries.missing
            implementation group: 'org.postgresql', name: 'postgresql', version: "$postgresVersion"
            implementation platform(libs.spring.cloud.bom)
        }
        """;
    assertEquals("[org.projectlombok:lombok:1.18.30, org.mapstruct:mapstruct:1.4.2.Final, "
        + "org.codehaus.jettison:jettison:1.5.4, com.google.guava:guava:33.0.0-jre] boms [] unread 2",
        shown(GradleScript.parse(script, Map.of()).orElseThrow()));
  }

  /**
   * A subproject takes its root script's strings and {@code allprojects} BOMs, and the Boot plugin's version when it
   * applies the plugin without one; a script it applies ({@code apply from:}) gives strings; a catalog alias gives the
   * Boot version.
   */
  @Test
  void aRootScriptsStringsAndBomsAreItsSubprojects() throws Exception {
    Path root = temp.resolve("multi");
    Files.createDirectories(root.resolve("core"));
    Files.createDirectories(root.resolve("gradle"));
    Files.writeString(root.resolve("build.gradle"), """
        plugins { id 'org.springframework.boot' version '3.3.0' apply false }
        apply from: 'versions.gradle'
        allprojects {
            ext { springVersion = '6.1.8' }
            dependencyManagement { imports { mavenBom 'com.acme:bom:1.0' } }
        }
        """);
    Files.writeString(root.resolve("versions.gradle"), "ext.jedisVersion = '5.1.0'\n");
    Files.writeString(root.resolve("core/build.gradle"), """
        apply plugin: 'org.springframework.boot'
        dependencies {
            implementation group: 'org.springframework', name: 'spring-orm', version: "$springVersion"
            implementation "redis.clients:jedis:$jedisVersion"
        }
        """);
    GradleScript.Declared rootScript = GradleScript.read(root.resolve("build.gradle"), root, Map.of()).declared();
    Map<String, String> strings = new java.util.HashMap<>(rootScript.strings());
    GradleScript.Declared core = GradleScript.read(root.resolve("core/build.gradle"), root, strings).declared();
    assertEquals("[org.springframework:spring-orm:6.1.8, redis.clients:jedis:5.1.0] boms [] unread 0", shown(core));
    assertEquals("[com.acme:bom:1.0, org.springframework.boot:spring-boot-dependencies:3.3.0]",
        GradleModules.boms(root, core, rootScript).toString());

    Files.writeString(root.resolve("gradle/libs.versions.toml"), """
        [versions]
        boot = "3.4.1"
        [plugins]
        spring-boot = { id = "org.springframework.boot", version.ref = "boot" }
        """);
    Files.writeString(root.resolve("app.gradle"), "plugins { alias(libs.plugins.spring.boot) }\n");
    GradleScript.Declared app = GradleScript.read(root.resolve("app.gradle"), root, Map.of()).declared();
    assertEquals("[org.springframework.boot:spring-boot-dependencies:3.4.1]",
        GradleModules.boms(root, app, null).toString());

    // platform(libs.x): the catalog entry is the BOM, at the version it gives (its own, or a reference), in a
    // subproject's dependencies or every subproject's from the root's subprojects block
    Files.writeString(root.resolve("gradle/libs.versions.toml"), """
        [versions]
        cloud = "2023.0.3"
        [libraries]
        spring-cloud-bom = { module = "org.springframework.cloud:spring-cloud-dependencies", version.ref = "cloud" }
        aws_bom = "software.amazon.awssdk:bom:2.25.0"
        """);
    Files.writeString(root.resolve("shared.gradle"), "subprojects { dependencies { implementation platform(libs.aws.bom) } }\n");
    Files.writeString(root.resolve("core/cloud.gradle"), """
        dependencies {
            implementation platform(libs.spring.cloud.bom)
            implementation enforcedPlatform(libs.missing.bom)
        }
        """);
    GradleScript.Declared shared = GradleScript.read(root.resolve("shared.gradle"), root, Map.of()).declared();
    GradleScript.Declared cloud = GradleScript.read(root.resolve("core/cloud.gradle"), root, Map.of()).declared();
    assertEquals("[org.springframework.cloud:spring-cloud-dependencies:2023.0.3, software.amazon.awssdk:bom:2.25.0]",
        GradleModules.boms(root, cloud, shared).toString());
  }

  /** A script nested thousands deep, a link, a file of another language: a warning naming why, nothing run or read. */
  @Test
  void hostileScriptsAreRefusedSayingWhy() throws Exception {
    Path root = temp.resolve("hostile");
    Files.createDirectories(root);
    Files.writeString(root.resolve("deep.gradle"), "a".repeat(1) + "(".repeat(5000) + ")".repeat(5000) + "\n");
    assertTrue(GradleScript.read(root.resolve("deep.gradle"), root, Map.of()).problem().contains("nested deeper"));
    Path outside = temp.resolve("outside.gradle");
    Files.writeString(outside, "dependencies { implementation 'a:b:1' }\n");
    Files.createSymbolicLink(root.resolve("linked.gradle"), outside);
    assertTrue(GradleScript.read(root.resolve("linked.gradle"), root, Map.of()).problem().contains("a link"));
    Files.writeString(root.resolve("kotlin.gradle"), "val x: Int = 1\nfun f() = listOf<String>()\nclass A(val b: Int)\n");
    assertTrue(GradleScript.read(root.resolve("kotlin.gradle"), root, Map.of()).problem().contains("not Groovy"));
  }

  /** Parsed, never run: a @Grab is no download and the script's statements write nothing. */
  @Test
  void theScriptIsNeverRunNorTransformed() throws Exception {
    Path marker = temp.resolve("ran");
    String script = """
        @Grab('com.acme:grabbed:1.0')
        import java.io.File
        new File('%s').text = 'ran'
        System.exit(3)
        dependencies { implementation 'com.acme:wire:1.0' }
        """.formatted(marker.toString().replace("\\", "/"));
    assertEquals("[com.acme:wire:1.0] boms [] unread 0", shown(GradleScript.parse(script, Map.of()).orElseThrow()));
    assertFalse(Files.exists(marker));
    assertTrue(GradleScript.parse("dependencies { implementation 'a:b:1' ", Map.of()).isEmpty(), "not Groovy: none");
  }

  /**
   * Resolved from a repository on loopback: a versioned library, one whose version a {@code platform} BOM manages, one
   * from gradle.properties; a test library only with tests (Kotlin scripts: {@link KotlinScriptTest}).
   */
  @Test
  void aScriptsLibrariesAreResolvedWithTheirPlatformsVersions() throws Exception {
    Path central = temp.resolve("central");
    Files.createDirectories(temp.resolve("jars"));
    for (String artifact : List.of("wire", "managed", "vendor", "testlib")) {
      Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("jars/" + artifact + ".jar"),
          Map.of("com/acme/" + artifact + "/A.java", "package com.acme." + artifact + ";\npublic class A {}\n"));
      String version = artifact.equals("managed") ? "3.0" : "1.0";
      LoopbackRepository.install(central, "com.acme", artifact, version,
          LoopbackRepository.pom("com.acme", artifact, version, "jar", ""), jar);
    }
    LoopbackRepository.install(central, "com.acme", "bom", "1.0", LoopbackRepository.pom("com.acme", "bom", "1.0",
        "pom", "<dependencyManagement><dependencies><dependency><groupId>com.acme</groupId>"
            + "<artifactId>managed</artifactId><version>3.0</version></dependency></dependencies></dependencyManagement>"),
        null);
    Path root = temp.resolve("app");
    Files.createDirectories(root.resolve("service"));
    Files.writeString(root.resolve("gradle.properties"), "vendorVersion=1.0\n");
    Files.writeString(root.resolve("service/build.gradle"), """
        dependencies {
            implementation 'com.acme:wire:1.0'
            implementation platform('com.acme:bom:1.0')
            implementation 'com.acme:managed'
            implementation "com.acme:vendor:$vendorVersion"
            testImplementation 'com.acme:testlib:1.0'
        }
        """);
    try (LoopbackRepository repository = new LoopbackRepository(central)) {
      for (boolean tests : List.of(false, true)) {
        var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
            Untimed.settings(false, temp.resolve("optkit"), repository.url(), tests));
        List<String> jars = classpath.jars().stream().map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(tests ? List.of("managed-3.0.jar", "testlib-1.0.jar", "vendor-1.0.jar", "wire-1.0.jar")
            : List.of("managed-3.0.jar", "vendor-1.0.jar", "wire-1.0.jar"), jars, classpath.warnings().toString());
      }
    }
  }

  /**
   * The repositories a script names for its dependencies (here one on loopback, named in the root's {@code
   * allprojects}) are used beside Maven Central; a publishing target, the build script's own and a {@code file:}
   * address are not (a scanned script must not make optkit read files elsewhere on the machine).
   */
  @Test
  void theRepositoriesAScriptNamesAreUsedNotItsPublishingTargets() throws Exception {
    Path central = temp.resolve("central2");
    Path vendor = temp.resolve("vendor");
    Path published = temp.resolve("published");
    Path filed = temp.resolve("filed");
    Files.createDirectories(temp.resolve("jars2"));
    Map<String, Path> homes = Map.of("wire", central, "only-there", vendor, "publishedonly", published, "filed", filed);
    for (Map.Entry<String, Path> home : homes.entrySet()) {
      Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("jars2/" + home.getKey() + ".jar"),
          Map.of("com/acme/x/" + home.getKey().replace("-", "") + "/A.java", "package com.acme.x."
              + home.getKey().replace("-", "") + ";\npublic class A {}\n"));
      LoopbackRepository.install(home.getValue(), "com.acme", home.getKey(), "1.0",
          LoopbackRepository.pom("com.acme", home.getKey(), "1.0", "jar", ""), jar);
    }
    Path root = temp.resolve("repos");
    Files.createDirectories(root.resolve("service"));
    try (LoopbackRepository centralRepository = new LoopbackRepository(central);
        LoopbackRepository vendorRepository = new LoopbackRepository(vendor);
        LoopbackRepository publishedRepository = new LoopbackRepository(published)) {
      Files.writeString(root.resolve("build.gradle"), """
          buildscript { repositories { maven { url '%3$s' } } }
          allprojects {
              repositories {
                  mavenCentral()
                  maven { url = uri('%1$s') }
                  maven { url '%2$s' }
              }
          }
          """.formatted(vendorRepository.url(), filed.toUri(), publishedRepository.url()));
      Files.writeString(root.resolve("service/build.gradle"), """
          dependencies {
              implementation 'com.acme:wire:1.0'
              implementation 'com.acme:only-there:1.0'
              implementation 'com.acme:publishedonly:1.0'
              implementation 'com.acme:filed:1.0'
          }
          publishing { repositories { maven { url '%s' } } }
          """.formatted(publishedRepository.url()));
      var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
          Untimed.settings(false, temp.resolve("optkit2"), centralRepository.url(), false));
      List<String> jars = classpath.jars().stream().map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("only-there-1.0.jar", "wire-1.0.jar"), jars, classpath.warnings().toString());
    }
  }

  /**
   * Gradle's own {@code .gradle/} folder, which every Gradle build leaves in the project, ends with the scripts' name:
   * taken for a script, it made the resolution memo's inputs unreadable, and no resolution was ever remembered (each
   * run resolved again). Only files are scripts.
   */
  @Test
  void gradlesOwnFolderIsNoScript(@org.junit.jupiter.api.io.TempDir Path root) throws Exception {
    java.nio.file.Files.writeString(root.resolve("build.gradle.kts"), "plugins { java }\n");
    java.nio.file.Files.createDirectories(root.resolve(".gradle/8.10"));
    java.nio.file.Files.createDirectories(root.resolve("core"));
    java.nio.file.Files.writeString(root.resolve("core/build.gradle"), "apply plugin: 'java'\n");
    assertEquals(List.of(root.resolve("build.gradle.kts"), root.resolve("core/build.gradle")),
        GradleModules.gradleFiles(root));
  }
}
