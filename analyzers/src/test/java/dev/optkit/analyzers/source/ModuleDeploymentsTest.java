package dev.optkit.analyzers.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleDeploymentsTest {
  @TempDir Path dir;
  private final List<Path> poms = new ArrayList<>();

  private void pom(String folder, String artifact, String... dependencies) throws IOException {
    StringBuilder xml = new StringBuilder("<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId>"
        + "<artifactId>" + artifact + "</artifactId><version>1</version><dependencies>");
    for (String dependency : dependencies) {
      xml.append("<dependency><groupId>shop</groupId><artifactId>").append(dependency)
          .append("</artifactId><version>1</version><scope>provided</scope></dependency>");
    }
    xml.append("</dependencies></project>");
    Path pom = dir.resolve(folder).resolve("pom.xml");
    Files.createDirectories(pom.getParent());
    Files.writeString(pom, xml);
    poms.add(pom);
  }

  /**
   * Two applications on one shared module (a blind trial's JACQ: a client WAR and the service WAR, both on
   * jacq-common): neither runs the other's code; the shared module's code runs with both.
   */
  @Test
  void applicationsSharingAModuleNeverRunEachOthersCode() throws IOException {
    pom(".", "parent");
    pom("api", "api");
    pom("service", "service", "api");
    pom("web", "web", "api");
    ModuleDeployments deployments = ModuleDeployments.of(dir, poms);
    assertTrue(deployments.separatesAny());
    assertFalse(deployments.mayRunTogether("web/src/main/java/A.java", "service/src/main/java/B.java"));
    assertFalse(deployments.mayRunTogether("service/src/main/java/B.java", "web/src/main/java/A.java"));
    assertTrue(deployments.mayRunTogether("web/src/main/java/A.java", "api/src/main/java/I.java"));
    assertTrue(deployments.mayRunTogether("api/src/main/java/I.java", "service/src/main/java/B.java"));
    assertTrue(deployments.mayRunTogether("web/src/main/java/A.java", "web/src/test/java/T.java"));
  }

  /** Near miss: a module depending on both puts them in one process, and so does a transitive dependency. */
  @Test
  void aModuleDependingOnBothPutsThemTogether() throws IOException {
    pom("api", "api");
    pom("service", "service", "api");
    pom("web", "web", "api");
    pom("app", "app", "web", "bundle");
    pom("bundle", "bundle", "service");
    ModuleDeployments deployments = ModuleDeployments.of(dir, poms);
    assertTrue(deployments.mayRunTogether("web/src/main/java/A.java", "service/src/main/java/B.java"));
  }

  /** What the poms cannot tell separates nothing: a source outside every module, two modules of one name. */
  @Test
  void whatThePomsDoNotTellSeparatesNothing() throws IOException {
    pom("api", "api");
    pom("service", "service", "api");
    pom("web", "web", "api");
    assertTrue(ModuleDeployments.of(dir, poms).mayRunTogether("tools/src/A.java", "service/src/main/java/B.java"));
    pom("other/web", "web");
    assertFalse(ModuleDeployments.of(dir, poms).separatesAny());
    assertTrue(ModuleDeployments.of(dir, poms).mayRunTogether("web/src/main/java/A.java", "service/src/main/java/B.java"));
  }

  /** A test fixture's pom under a source folder is no module: its sources stay with the module holding them. */
  @Test
  void aPomUnderASourceFolderIsNoModule() throws IOException {
    pom("api", "api");
    pom("service", "service", "api");
    pom("web", "web", "api");
    pom("web/src/test/resources/fixture", "fixture");
    ModuleDeployments deployments = ModuleDeployments.of(dir, poms);
    assertTrue(deployments.mayRunTogether("web/src/test/resources/fixture/src/A.java", "web/src/main/java/W.java"));
    assertFalse(deployments.mayRunTogether("web/src/test/resources/fixture/src/A.java", "service/src/main/java/B.java"));
  }
}
