package dev.optkit.analyzers.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MavenPomTest {
  @Test
  void aPomNamedRelativeToTheWorkingDirectoryReachesItsParent() {
    // assess run from inside a project names its pom "pom.xml", whose Path has no parent folder; this module's
    // pom (the working directory of its tests) has optkit's parent pom one folder up
    Optional<MavenPom> pom = MavenPom.read(Path.of("pom.xml"));
    assertTrue(pom.isPresent());
    assertEquals(2, pom.get().files().size(), pom.get().files().toString());
    assertEquals(Path.of("../pom.xml"), pom.get().files().get(1));
  }
}
