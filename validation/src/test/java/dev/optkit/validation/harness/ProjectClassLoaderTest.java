package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectClassLoaderTest {
  @TempDir Path dir;

  @Test
  void theProjectSeesItsOwnClassesAndTheJdkButNeverTheHarnessOrItsLibraries() throws Exception {
    // a library both sides have: the project's copy is its own class, not the harness's
    Path junitJar = Path.of(Test.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path classpath = dir.resolve("classpath.txt");
    ProjectClassLoader.write(List.of(junitJar.toString(), ""), classpath);
    assertEquals(List.of(junitJar.toString(), ""), Files.readAllLines(classpath));

    ClassLoader project = ProjectClassLoader.of(classpath);
    Class<?> projectsTest = project.loadClass(Test.class.getName());
    assertNotSame(Test.class, projectsTest);
    assertEquals(project, projectsTest.getClassLoader());
    assertEquals(String.class, project.loadClass("java.lang.String"));
    assertEquals(java.sql.Connection.class, project.loadClass("java.sql.Connection"), "platform modules are shared");
    assertThrows(ClassNotFoundException.class, () -> project.loadClass(HostMain.class.getName()));
    assertThrows(ClassNotFoundException.class, () -> project.loadClass("com.fasterxml.jackson.databind.ObjectMapper"));
  }
}
