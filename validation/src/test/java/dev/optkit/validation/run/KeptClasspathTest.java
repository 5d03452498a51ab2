package dev.optkit.validation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.validation.spec.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept class path follows the tree it was printed in: validate's original code is a fresh clone in
 * a new temporary folder each run, and an unchanged clone reuses the class path the clone before it
 * printed, its own modules' folders found in the new clone. Whether the build tool was asked is
 * counted by the fake class path command, never timed.
 */
class KeptClasspathTest {
  @TempDir Path dir;
  private Path jar;
  private Path asked;
  private StateDirectory cache;
  private Workload.ClasspathSpec spec;

  @BeforeEach
  void multiModuleProject() throws IOException {
    Path project = Files.createDirectories(dir.resolve("repository"));
    Files.createDirectories(project.resolve(".git")); // a repository's root: a clone holds nothing above it
    Files.writeString(project.resolve("pom.xml"), "<project><modules><module>core</module><module>app</module></modules></project>");
    Files.createDirectories(project.resolve("core"));
    Files.writeString(project.resolve("core/pom.xml"), "<project><artifactId>core</artifactId></project>");
    Files.createDirectories(project.resolve("app"));
    Files.writeString(project.resolve("app/pom.xml"), "<project><artifactId>app</artifactId></project>");
    jar = Files.createFile(Files.createDirectories(dir.resolve("m2")).resolve("lib.jar"));
    asked = dir.resolve("asked");
    // the "build" makes the modules' classes; the "build tool" counts how often it is asked and prints the
    // reactor's class path as Maven does: a module's classes in this tree, a jar in the local repository
    String command = "echo x >> " + asked + "; printf '%s:%s:%s\\n' \"$PWD/core/target/classes\" \"$PWD/app/target/classes\" "
        + jar;
    spec = new Workload.ClasspathSpec("mkdir -p core/target/classes app/target/classes", command, List.of());
    cache = StateDirectory.at(dir.resolve("cache"));
  }

  private List<String> prepare(Path version) throws Exception {
    return VersionClasspath.prepare(spec, new CodeVersion("original", version), dir.resolve("log"), cache);
  }

  private int asked() throws IOException {
    return Files.readAllLines(asked).size();
  }

  /** A fresh clone of the project, in a folder of its own (the modules' build output is not copied). */
  private Path cloneOf(String name) throws IOException {
    Path from = dir.resolve("repository");
    Path to = dir.resolve(name).resolve("baseline");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(f -> !from.relativize(f).toString().contains("target")).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }

  @Test
  void aFreshCloneOfAnUnchangedTreeReusesTheClassPathWithItsOwnModules() throws Exception {
    Path first = cloneOf("run-1");
    assertEquals(List.of(first.resolve("core/target/classes").toString(), first.resolve("app/target/classes").toString(),
        jar.toString()), prepare(first));
    Path second = cloneOf("run-2");
    List<String> reused = prepare(second);
    assertEquals(1, asked(), "the second clone read the kept class path");
    assertEquals(List.of(second.resolve("core/target/classes").toString(),
        second.resolve("app/target/classes").toString(), jar.toString()), reused, "the new clone's modules, not the old's");
  }

  @Test
  void aChangedModulePomAsksAgain() throws Exception {
    prepare(cloneOf("run-1"));
    Path second = cloneOf("run-2");
    Files.writeString(second.resolve("core/pom.xml"), "<project><artifactId>core</artifactId><dependencies/></project>");
    prepare(second);
    assertEquals(2, asked(), "a module's pom below the version's folder changed");
  }

  @Test
  void aChangedParentPomAsksAgainForAModule() throws Exception {
    prepare(cloneOf("run-1").resolve("app"));
    prepare(cloneOf("run-2").resolve("app"));
    assertEquals(1, asked(), "the module of an unchanged tree reused it");
    Path third = cloneOf("run-3");
    Files.writeString(third.resolve("pom.xml"), "<project><dependencyManagement/></project>");
    prepare(third.resolve("app"));
    assertEquals(2, asked(), "the parent's pom, above the version's folder, changed");
  }

  @Test
  void aChangedPomAboveTheTreeAsksAgain() throws Exception {
    // a module whose parent is two folders up (<relativePath>../../pom.xml</relativePath>), with a plain
    // folder between them, outside git: a copy of the project as --baseline-journal makes
    Path parent = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(parent.resolve("pom.xml"), "<project><artifactId>parent</artifactId></project>");
    Path module = Files.createDirectories(parent.resolve("services/svc"));
    Files.writeString(module.resolve("pom.xml"), "<project><artifactId>svc</artifactId></project>");
    prepare(module);
    prepare(module);
    assertEquals(1, asked());
    Files.writeString(parent.resolve("pom.xml"), "<project><artifactId>parent</artifactId><dependencies/></project>");
    prepare(module);
    assertEquals(2, asked(), "the parent's pom, above the module's tree, changed");
  }

  @Test
  void aDeletedDependencyJarAsksAgain() throws Exception {
    prepare(cloneOf("run-1"));
    Files.delete(jar);
    prepare(cloneOf("run-2"));
    assertEquals(2, asked(), "a kept jar that is gone");
  }

  @Test
  void anotherTreesKeptClassPathUnderThisKeyIsIgnored() throws Exception {
    Path other = cloneOf("other");
    Files.writeString(other.resolve("app/pom.xml"), "<project><artifactId>other</artifactId></project>");
    prepare(other);
    prepare(cloneOf("run-1"));
    assertEquals(2, asked());
    List<Path> kept;
    try (Stream<Path> files = Files.list(cache.path())) {
      kept = files.sorted().toList();
    }
    assertEquals(2, kept.size(), "one kept class path per tree: " + kept);
    // a forged kept file: the bytes of a validly sealed one, under the other tree's key (as a planted file would be)
    byte[] first = Files.readAllBytes(kept.get(0));
    Files.write(kept.get(0), Files.readAllBytes(kept.get(1)));
    Files.write(kept.get(1), first);
    prepare(cloneOf("run-2"));
    assertEquals(3, asked(), "a kept file sealed for another key is dropped");
    // and one written by hand, unsealed, naming a planted jar
    for (Path file : kept) {
      Files.writeString(file, dir.resolve("planted.jar") + "\n");
    }
    Files.createFile(dir.resolve("planted.jar"));
    Path third = cloneOf("run-3");
    assertEquals(List.of(third.resolve("core/target/classes").toString(), third.resolve("app/target/classes").toString(),
        jar.toString()), prepare(third));
    assertEquals(4, asked(), "an unsealed class path is never used");
  }
}
