package dev.optkit.analyzers.dependencies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.bytecode.LibraryBytecodeIoTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gradle Kotlin build script's ({@code build.gradle.kts}) dependencies, read from the ANTLR Kotlin grammar's syntax
 * tree by the Groovy script's readers and resolved as a pom's would be: {@link GradleScriptTest}'s cases in Kotlin.
 */
class KotlinScriptTest {
  @TempDir Path temp;

  private static String shown(GradleScript.Declared declared) {
    return declared.libraries().stream().map(l -> l.group() + ":" + l.artifact() + ":" + l.version()
        + (l.classifier() != null ? ":" + l.classifier() : "") + (l.extension().equals("jar") ? "" : "@" + l.extension())
        + (l.test() ? " (test)" : "")).toList() + " boms " + declared.boms()
        + (declared.bootVersion() != null ? " boot " + declared.bootVersion() : "") + " unread " + declared.unread();
  }

  /** The script written as {@code folder/build.gradle.kts} under a project of its own, read. */
  private GradleScript.Declared read(String folder, String script, Map<String, String> properties) throws Exception {
    Path root = temp.resolve(folder);
    Files.createDirectories(root);
    Files.writeString(root.resolve("build.gradle.kts"), script);
    GradleScript.Reading reading = GradleScript.read(root.resolve("build.gradle.kts"), root, properties);
    assertNotNull(reading.declared(), reading.problem());
    return reading.declared();
  }

  @Test
  void everyFormOfDeclarationIsReadAndWhatTheScriptComputesIsCounted() throws Exception {
    String script = """
        import org.gradle.api.tasks.testing.Test

        plugins {
            java
            `java-library`
            id("org.springframework.boot") version "3.3.0"
            id("io.spring.dependency-management") version "1.1.5"
            kotlin("jvm") version "1.9.24"
        }
        extra["jedisVersion"] = "5.1.0"
        val neo = "5.20.0"
        var changing = "1"
        changing = "2"
        val fromProps: String by project
        val lettuceVersion by extra("6.3.2.RELEASE")
        dependencies {
            implementation("org.springframework.boot:spring-boot-starter-web")
            implementation("redis.clients:jedis:${property("jedisVersion")}")
            implementation(group = "commons-net", name = "commons-net", version = "3.10.0")
            compile("com.mashape.unirest", "unirest-java", "1.3.1")
            implementation("org.neo4j.driver:neo4j-java-driver:$neo") {
                exclude(group = "io.netty")
            }
            api(platform("software.amazon.awssdk:bom:2.25.0"))
            compileOnly("org.projectlombok:lombok:1.18.30")
            implementation("com.acme:native:1.0:linux-x86_64@zip")
            implementation("io.lettuce:lettuce-core:${lettuceVersion}")
            implementation(libs.guava)
            implementation(libs.bundles.jackson)
            implementation(project(":core"))
            implementation("com.acme:moving:$changing")
            implementation("com.acme:fromprops:$fromProps")
            implementation("com.acme:dynamic:1.+")
            implementation(someHelper("x"))
            implementation(kotlin("stdlib"))
            "implementation"("com.acme:quoted:2.0")
            annotationProcessor("org.mapstruct:mapstruct-processor:1.5.5.Final")
            testImplementation("junit:junit:4.13.2")
            runtimeOnly(files("libs/a.jar"))
        }
        buildscript {
            dependencies {
                classpath("com.acme:gradle-plugin:1.0")
            }
        }
        tasks.withType<Test> { useJUnitPlatform() }
        """;
    assertEquals("[org.springframework.boot:spring-boot-starter-web:null, redis.clients:jedis:5.1.0, "
        + "commons-net:commons-net:3.10.0, com.mashape.unirest:unirest-java:1.3.1, org.neo4j.driver:neo4j-java-driver:5.20.0, org.projectlombok:lombok:1.18.30, "
        + "com.acme:native:1.0:linux-x86_64@zip, io.lettuce:lettuce-core:6.3.2.RELEASE, com.acme:fromprops:7.0, "
        + "org.jetbrains.kotlin:kotlin-stdlib:1.9.24, com.acme:quoted:2.0, junit:junit:4.13.2 (test)] "
        + "boms [software.amazon.awssdk:bom:2.25.0] boot 3.3.0 unread 3",
        shown(read("forms", script, Map.of("fromProps", "7.0"))));
  }

  /** Spring Initializr's Kotlin script: the Boot plugin's BOM, a dependency-management import of an extra's version. */
  @Test
  void theBootPluginAndDependencyManagementImportsGiveBoms() throws Exception {
    String script = """
        plugins {
        	java
        	id("org.springframework.boot") version "3.2.0"
        	id("io.spring.dependency-management") version "1.1.4"
        }
        group = "com.example"
        version = "0.0.1-SNAPSHOT"
        java { sourceCompatibility = JavaVersion.VERSION_17 }
        repositories { mavenCentral() }
        extra["springCloudVersion"] = "2023.0.0"
        dependencies {
        	implementation("org.springframework.boot:spring-boot-starter-jdbc")
        	implementation("org.springframework.cloud:spring-cloud-starter-openfeign")
        	testImplementation("org.springframework.boot:spring-boot-starter-test")
        }
        dependencyManagement {
        	imports {
        		mavenBom("org.springframework.cloud:spring-cloud-dependencies:${property("springCloudVersion")}")
        	}
        }
        """;
    assertEquals("[org.springframework.boot:spring-boot-starter-jdbc:null, "
        + "org.springframework.cloud:spring-cloud-starter-openfeign:null, "
        + "org.springframework.boot:spring-boot-starter-test:null (test)] boms "
        + "[org.springframework.cloud:spring-cloud-dependencies:2023.0.0] boot 3.2.0 unread 0",
        shown(read("initializr", script, Map.of())));

    String buildscript = """
        buildscript {
            val springBootVersion by extra("2.7.18")
            dependencies {
                classpath("org.springframework.boot:spring-boot-gradle-plugin:${springBootVersion}")
            }
        }
        apply(plugin = "org.springframework.boot")
        subprojects {
            dependencies {
                "implementation"("org.springframework.boot:spring-boot-starter-jdbc")
            }
        }
        """;
    GradleScript.Declared declared = read("buildscript", buildscript, Map.of());
    assertEquals("[org.springframework.boot:spring-boot-starter-jdbc:null] boms [] boot 2.7.18 unread 0",
        shown(declared));
    assertTrue(declared.appliesBoot());
  }

  /**
   * A subproject takes its root Kotlin script's strings and {@code allprojects} BOMs, and the Boot version when it
   * applies the plugin without one; a script it applies gives strings; catalog aliases give BOMs and the Boot version.
   */
  @Test
  void aRootScriptsStringsTheCatalogAndAppliedScriptsAreRead() throws Exception {
    Path root = temp.resolve("multi");
    Files.createDirectories(root.resolve("core"));
    Files.createDirectories(root.resolve("gradle"));
    Files.writeString(root.resolve("build.gradle.kts"), """
        plugins { id("org.springframework.boot") version "3.3.0" apply false }
        apply(from = "versions.gradle.kts")
        allprojects {
            extra["springVersion"] = "6.1.8"
            dependencyManagement { imports { mavenBom("com.acme:bom:1.0") } }
        }
        """);
    Files.writeString(root.resolve("versions.gradle.kts"), "extra.set(\"jedisVersion\", \"5.1.0\")\n");
    Files.writeString(root.resolve("core/build.gradle.kts"), """
        plugins { id("org.springframework.boot") }
        dependencies {
            implementation(group = "org.springframework", name = "spring-orm", version = rootProject.extra["springVersion"] as String)
            implementation("redis.clients:jedis:${rootProject.extra["jedisVersion"]}")
        }
        """);
    GradleScript.Declared rootScript = GradleScript.read(root.resolve("build.gradle.kts"), root, Map.of()).declared();
    GradleScript.Declared core = GradleScript.read(root.resolve("core/build.gradle.kts"), root, rootScript.strings())
        .declared();
    assertEquals("[org.springframework:spring-orm:6.1.8, redis.clients:jedis:5.1.0] boms [] unread 0", shown(core));
    assertEquals("[com.acme:bom:1.0, org.springframework.boot:spring-boot-dependencies:3.3.0]",
        GradleModules.boms(root, core, rootScript).toString());

    Files.writeString(root.resolve("gradle/libs.versions.toml"), """
        [versions]
        boot = "3.4.1"
        cloud = "2023.0.3"
        [libraries]
        spring-cloud-bom = { module = "org.springframework.cloud:spring-cloud-dependencies", version.ref = "cloud" }
        [plugins]
        spring-boot = { id = "org.springframework.boot", version.ref = "boot" }
        """);
    Files.createDirectories(root.resolve("app"));
    Files.writeString(root.resolve("app/build.gradle.kts"), """
        plugins { alias(libs.plugins.spring.boot) }
        dependencies {
            implementation(platform(libs.spring.cloud.bom))
            implementation(libs.spring.boot.starter.web)
        }
        """);
    GradleScript.Declared app = GradleScript.read(root.resolve("app/build.gradle.kts"), root, Map.of()).declared();
    assertEquals("[] boms [] unread 0", shown(app), "catalog entries are the catalog's: none unread");
    assertEquals("[org.springframework.cloud:spring-cloud-dependencies:2023.0.3, "
        + "org.springframework.boot:spring-boot-dependencies:3.4.1]", GradleModules.boms(root, app, null).toString());
  }

  /**
   * A root that applies the Boot plugin to its subprojects ({@code subprojects { apply(plugin = "..") }}, as
   * seminchoi/msa-ecommerce does) gives them its version's BOM, though they do not apply it themselves.
   */
  @Test
  void aRootApplyingBootToItsSubprojectsGivesThemItsBom() throws Exception {
    Path root = temp.resolve("shared-boot");
    Files.createDirectories(root.resolve("core"));
    Files.writeString(root.resolve("build.gradle.kts"), """
        plugins { id("org.springframework.boot") version "3.4.3" }
        subprojects { apply(plugin = "org.springframework.boot") }
        """);
    Files.writeString(root.resolve("core/build.gradle.kts"), """
        dependencies { implementation("org.springframework.boot:spring-boot-starter-web") }
        """);
    GradleScript.Declared rootScript = GradleScript.read(root.resolve("build.gradle.kts"), root, Map.of()).declared();
    GradleScript.Declared core = GradleScript.read(root.resolve("core/build.gradle.kts"), root, Map.of()).declared();
    assertEquals("[org.springframework.boot:spring-boot-dependencies:3.4.3]",
        GradleModules.boms(root, core, rootScript).toString());
  }

  /** A script nested thousands deep, a link, a file of another language: a warning naming why, nothing read. */
  @Test
  void hostileScriptsAreRefusedSayingWhy() throws Exception {
    Path root = temp.resolve("hostile");
    Files.createDirectories(root.resolve("deep"));
    Files.createDirectories(root.resolve("groovy"));
    Files.createDirectories(root.resolve("broken"));
    Files.writeString(root.resolve("deep/build.gradle.kts"), "a" + "(".repeat(5000) + ")".repeat(5000) + "\n");
    assertTrue(GradleScript.read(root.resolve("deep/build.gradle.kts"), root, Map.of()).problem()
        .contains("nested deeper"));
    Path outside = temp.resolve("outside.gradle.kts");
    Files.writeString(outside, "dependencies { implementation(\"a:b:1\") }\n");
    Files.createDirectories(root.resolve("linked"));
    Files.createSymbolicLink(root.resolve("linked/build.gradle.kts"), outside);
    assertTrue(GradleScript.read(root.resolve("linked/build.gradle.kts"), root, Map.of()).problem().contains("a link"));
    Files.writeString(root.resolve("groovy/build.gradle.kts"), "dependencies { implementation 'a:b:1' }\n");
    assertTrue(GradleScript.read(root.resolve("groovy/build.gradle.kts"), root, Map.of()).problem()
        .contains("not Kotlin"));
    Files.writeString(root.resolve("broken/build.gradle.kts"), "dependencies { implementation(\"a:b:1\") ))\n");
    assertTrue(GradleScript.read(root.resolve("broken/build.gradle.kts"), root, Map.of()).problem()
        .contains("not Kotlin"));
  }

  /** Parsed, never run: the script's statements write nothing and end nothing. */
  @Test
  void theScriptIsNeverRun() throws Exception {
    Path marker = temp.resolve("ran");
    String script = """
        import java.io.File
        File("%s").writeText("ran")
        Runtime.getRuntime().exec(arrayOf("touch", "%1$s"))
        System.exit(3)
        dependencies { implementation("com.acme:wire:1.0") }
        """.formatted(marker.toString().replace("\\", "/"));
    assertEquals("[com.acme:wire:1.0] boms [] unread 0", shown(read("run", script, Map.of())));
    assertFalse(Files.exists(marker));
  }

  /**
   * Resolved from a repository on loopback: a versioned library, one whose version a {@code platform} BOM manages, one
   * from gradle.properties; a test library only with tests; no word of Kotlin scripts unread.
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
    Files.writeString(root.resolve("settings.gradle.kts"), "include(\"service\")\n");
    Files.writeString(root.resolve("service/build.gradle.kts"), """
        val vendorVersion: String by project
        dependencies {
            implementation("com.acme:wire:1.0")
            implementation(platform("com.acme:bom:1.0"))
            implementation("com.acme:managed")
            implementation("com.acme:vendor:$vendorVersion")
            testImplementation("com.acme:testlib:1.0")
        }
        """);
    try (LoopbackRepository repository = new LoopbackRepository(central)) {
      for (boolean tests : List.of(false, true)) {
        var classpath = dev.optkit.analyzers.parse.ProjectClasspath.resolve(List.of(), List.of(root), null,
            Untimed.settings(false, temp.resolve("optkit"), repository.url(), tests));
        List<String> jars = classpath.jars().stream().map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(tests ? List.of("managed-3.0.jar", "testlib-1.0.jar", "vendor-1.0.jar", "wire-1.0.jar")
            : List.of("managed-3.0.jar", "vendor-1.0.jar", "wire-1.0.jar"), jars, classpath.warnings().toString());
        assertTrue(classpath.warnings().isEmpty(), classpath.warnings().toString());
      }
    }
  }
}
