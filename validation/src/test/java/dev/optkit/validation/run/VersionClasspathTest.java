package dev.optkit.validation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.validation.spec.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionClasspathTest {
  @TempDir Path dir;

  @Test
  void thePrintedClassPathIsKeptUntilAPomChangesOrAnEntryDisappears() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path jar = Files.createFile(dir.resolve("lib.jar"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    Path asked = dir.resolve("asked");
    // the "build tool": counts how often it is asked, prints the jar as Maven would
    String command = "echo x >> " + asked + "; printf '\\033[0m" + jar + "\\n'";
    Workload.ClasspathSpec spec = new Workload.ClasspathSpec(null, command, List.of("target/classes"));
    CodeVersion version = new CodeVersion("migrated", project);
    dev.optkit.analyzers.io.StateDirectory cache = dev.optkit.analyzers.io.StateDirectory.at(dir.resolve("cache"));
    Path log = dir.resolve("log");

    List<String> first = VersionClasspath.prepare(spec, version, log, cache);
    assertEquals(List.of(project.resolve("target/classes").toAbsolutePath().toString(), jar.toString()), first);
    assertEquals(first, VersionClasspath.prepare(spec, version, log, cache));
    assertEquals(1, Files.readAllLines(asked).size(), "the second run read the kept class path");

    Files.writeString(project.resolve("pom.xml"), "<project><dependencies/></project>");
    VersionClasspath.prepare(spec, version, log, cache);
    assertEquals(2, Files.readAllLines(asked).size(), "a changed pom asks again");

    Files.delete(jar);
    VersionClasspath.prepare(spec, version, log, cache);
    assertEquals(3, Files.readAllLines(asked).size(), "a kept entry that is gone asks again");

    // a kept class path not sealed by this user's key (planted in the project's .optkit/) is never used
    Files.createFile(jar);
    List<Path> kept;
    try (var files = Files.list(cache.path())) {
      kept = files.toList();
    }
    assertEquals(2, kept.size(), "one kept class path per pom content: " + kept);
    for (Path file : kept) {
      Files.writeString(file, dir.resolve("planted.jar") + "\n");
    }
    assertEquals(first, VersionClasspath.prepare(spec, version, log, cache));
    assertEquals(4, Files.readAllLines(asked).size(), "a doctored class path asks the build tool again");
  }

  @Test
  void mavensColourResetsDoNotStickToTheFirstClassPathEntry() {
    // what `mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout` prints with Maven 3.8
    String printed = "\u001B[0m/root/.m2/h2.jar:/root/.m2/junit.jar\n\u001B[0m\u001B[0m";
    assertEquals("/root/.m2/h2.jar:/root/.m2/junit.jar\n", VersionClasspath.withoutTerminalEscapes(printed));
  }
}
