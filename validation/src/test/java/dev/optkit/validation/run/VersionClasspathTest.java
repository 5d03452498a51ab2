package dev.optkit.validation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VersionClasspathTest {

  @Test
  void mavensColourResetsDoNotStickToTheFirstClassPathEntry() {
    // what `mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout` prints with Maven 3.8
    String printed = "\u001B[0m/root/.m2/h2.jar:/root/.m2/junit.jar\n\u001B[0m\u001B[0m";
    assertEquals("/root/.m2/h2.jar:/root/.m2/junit.jar\n", VersionClasspath.withoutTerminalEscapes(printed));
  }
}
