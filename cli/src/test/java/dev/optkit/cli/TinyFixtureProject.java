package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;

/** A one-class project for validate: {@code tiny.Fixture} compiled to {@code classes}, and a workload naming it. */
final class TinyFixtureProject {
  private TinyFixtureProject() {
  }

  /** The project in {@code dir/project}: the fixture class's body, and the workload's lines after its fixture. */
  static Path create(Path dir, String fixtureBody, String workload) throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path source = Files.createDirectories(project.resolve("src/tiny")).resolve("Fixture.java");
    Files.writeString(source, "package tiny;\n\npublic class Fixture {\n" + fixtureBody + "\n}\n");
    int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d",
        project.resolve("classes").toString(), source.toString());
    assertEquals(0, compiled, "the fixture compiles");
    Files.writeString(project.resolve("workload.yaml"), """
        classpath: {build: touch built, entries: [classes]}
        fixture: {factory: tiny.Fixture#start}
        """ + workload);
    return project;
  }
}
