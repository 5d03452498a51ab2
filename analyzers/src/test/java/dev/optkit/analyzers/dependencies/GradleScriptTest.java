package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.bytecode.LibraryBytecodeIoTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
        + (l.test() ? " (test)" : "")).toList() + " boms " + declared.boms() + " unread " + declared.unread();
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
        + "boms [software.amazon.awssdk:bom:2.25.0, org.springframework.boot:spring-boot-dependencies:3.3.0] unread 3",
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
        + "[org.springframework.cloud:spring-cloud-dependencies:2021.0.9, "
        + "org.springframework.boot:spring-boot-dependencies:2.7.18] unread 0",
        shown(GradleScript.parse(script, Map.of()).orElseThrow()));
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
   * from gradle.properties; a test library only with tests; Kotlin scripts said to be unread.
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
    Files.writeString(root.resolve("build.gradle.kts"), "dependencies { implementation(\"com.acme:kts:1.0\") }\n");
    try (LoopbackRepository repository = new LoopbackRepository(central)) {
      for (boolean tests : List.of(false, true)) {
        var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
            new ResolutionSettings(false, temp.resolve("optkit"), List.of(), repository.url(), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(20), tests));
        List<String> jars = classpath.jars().stream().map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(tests ? List.of("managed-3.0.jar", "testlib-1.0.jar", "vendor-1.0.jar", "wire-1.0.jar")
            : List.of("managed-3.0.jar", "vendor-1.0.jar", "wire-1.0.jar"), jars, classpath.warnings().toString());
        assertTrue(classpath.warnings().stream().anyMatch(w -> w.path().equals("build.gradle.kts")
            && w.message().contains("Gradle Kotlin build scripts (1) are not read")), classpath.warnings().toString());
      }
    }
  }
}
