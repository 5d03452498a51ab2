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

  /** A module's pom: {@code packaging} as given, one plugin when {@code plugin} is not null. */
  private Path pom(String folder, String artifact, String packaging, String plugin, String... dependencies)
      throws IOException {
    StringBuilder xml = new StringBuilder("<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId>"
        + "<artifactId>" + artifact + "</artifactId><version>1</version><packaging>" + packaging + "</packaging>");
    if (plugin != null) {
      xml.append("<build><plugins><plugin><artifactId>").append(plugin).append("</artifactId></plugin></plugins></build>");
    }
    xml.append("<dependencies>");
    for (String dependency : dependencies) {
      xml.append("<dependency><groupId>shop</groupId><artifactId>").append(dependency)
          .append("</artifactId><version>1</version><scope>provided</scope></dependency>");
    }
    xml.append("</dependencies></project>");
    Path pom = dir.resolve(folder).resolve("pom.xml");
    Files.createDirectories(pom.getParent());
    Files.writeString(pom, xml);
    poms.add(pom);
    return pom;
  }

  /** A parent, a shared API, and two applications on it (a blind trial's JACQ: a client WAR and the service WAR). */
  private void twoApplications() throws IOException {
    pom(".", "parent", "pom", null);
    pom("api", "api", "jar", null);
    pom("service", "service", "war", null, "api");
    pom("web", "web", "jar", "spring-boot-maven-plugin", "api");
  }

  @Test
  void applicationsSharingAModuleNeverRunEachOthersCode() throws IOException {
    twoApplications();
    ModuleDeployments deployments = ModuleDeployments.of(dir, poms);
    assertTrue(deployments.separatesAny());
    assertFalse(deployments.mayRunTogether("web/src/main/java/A.java", "service/src/main/java/B.java"));
    assertFalse(deployments.mayRunTogether("service/src/main/java/B.java", "web/src/main/java/A.java"));
    assertTrue(deployments.mayRunTogether("web/src/main/java/A.java", "api/src/main/java/I.java"));
    // the shared module runs in both applications
    assertTrue(deployments.mayRunTogether("api/src/main/java/I.java", "service/src/main/java/B.java"));
    assertTrue(deployments.mayRunTogether("web/src/main/java/A.java", "web/src/test/java/T.java"));
  }

  /** Near miss: a module depending on both puts them together, and so does a transitive dependency. */
  @Test
  void anApplicationHoldingBothPutsThemTogether() throws IOException {
    twoApplications();
    pom("app", "app", "ear", null, "bundle");
    pom("bundle", "bundle", "jar", null, "web", "service");
    assertFalse(ModuleDeployments.of(dir, poms).separatesAny());
    assertTrue(ModuleDeployments.of(dir, poms).mayRunTogether("web/src/main/java/A.java", "service/src/main/java/B.java"));
  }

  /**
   * Nothing is apart without an application to show it: libraries only (a build whose artifacts some other build
   * deploys), a library in no application of the build, a source outside every module (a root aggregator's folder, a
   * Gradle project beside the poms, sources a plugin adds).
   */
  @Test
  void nothingIsApartWithoutAnApplicationHoldingTheCaller() throws IOException {
    pom(".", "parent", "pom", null);
    pom("api", "api", "jar", null);
    pom("store", "store", "jar", null, "api");
    pom("job", "job", "jar", null, "api");
    assertFalse(ModuleDeployments.of(dir, poms).separatesAny());
    pom("web", "web", "war", null, "api");
    ModuleDeployments deployments = ModuleDeployments.of(dir, poms);
    assertFalse(deployments.mayRunTogether("web/src/main/java/A.java", "store/src/main/java/B.java"));
    assertTrue(deployments.mayRunTogether("job/src/main/java/J.java", "store/src/main/java/B.java"));
    assertTrue(deployments.mayRunTogether("batch/src/main/java/G.java", "store/src/main/java/B.java"));
    assertTrue(deployments.mayRunTogether("web/src/main/java/A.java", "shared-src/java/S.java"));
  }

  /**
   * What the poms may not tell separates nothing: two modules of one name, a plugin that may put artifacts together, a
   * pom above the scanned folder, a reactor parent not at its relative path.
   */
  @Test
  void aBuildThatMayCombineModulesOtherwiseSeparatesNothing() throws IOException {
    twoApplications();
    Path duplicate = pom("other/web", "web", "jar", null);
    assertFalse(ModuleDeployments.of(dir, poms).separatesAny());
    poms.remove(duplicate);
    Path assembly = pom("dist", "dist", "jar", "maven-assembly-plugin");
    assertFalse(ModuleDeployments.of(dir, poms).separatesAny());
    poms.remove(assembly);
    // a copy naming a module's artifact puts it together; one naming other artifacts does not (a WAR's endorsed API)
    Path copy = dir.resolve("tools/pom.xml");
    Files.createDirectories(copy.getParent());
    String copying = "<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId><artifactId>tools</artifactId>"
        + "<version>1</version><build><plugins><plugin><artifactId>maven-dependency-plugin</artifactId><executions>"
        + "<execution><goals><goal>copy</goal></goals><configuration><artifactItems><artifactItem>"
        + "<groupId>shop</groupId><artifactId>%s</artifactId></artifactItem></artifactItems></configuration></execution>"
        + "</executions></plugin></plugins></build></project>";
    Files.writeString(copy, copying.formatted("service"));
    poms.add(copy);
    assertFalse(ModuleDeployments.of(dir, poms).separatesAny());
    Files.writeString(copy, copying.formatted("javaee-endorsed-api"));
    assertTrue(ModuleDeployments.of(dir, poms).separatesAny());
    poms.remove(copy);
    assertTrue(ModuleDeployments.of(dir, poms).separatesAny());
    assertFalse(ModuleDeployments.of(dir.resolve("web"), poms).separatesAny(), "a pom above the scan");
    Path parent = dir.resolve("parents/shop-parent/pom.xml");
    Files.createDirectories(parent.getParent());
    Files.writeString(parent, "<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId>"
        + "<artifactId>shop-parent</artifactId><version>1</version><packaging>pom</packaging></project>");
    poms.add(parent);
    Path child = dir.resolve("job/pom.xml");
    Files.createDirectories(child.getParent());
    Files.writeString(child, "<project><modelVersion>4.0.0</modelVersion><parent><groupId>shop</groupId>"
        + "<artifactId>shop-parent</artifactId><version>1</version><relativePath/></parent><artifactId>job</artifactId>"
        + "<packaging>war</packaging></project>");
    poms.add(child);
    assertFalse(ModuleDeployments.of(dir, poms).separatesAny(), "the parent's dependencies are not read");
  }

  /** A test fixture's pom under a source folder is no module: its sources stay with the module holding them. */
  @Test
  void aPomUnderASourceFolderIsNoModule() throws IOException {
    twoApplications();
    pom("web/src/test/resources/fixture", "fixture", "war", null);
    ModuleDeployments deployments = ModuleDeployments.of(dir, poms);
    assertTrue(deployments.mayRunTogether("web/src/test/resources/fixture/src/A.java", "web/src/main/java/W.java"));
    assertFalse(deployments.mayRunTogether("web/src/test/resources/fixture/src/A.java", "service/src/main/java/B.java"));
  }

  /** A Maven 4 parent written without coordinates is read, not a failure. */
  @Test
  void aParentWithoutCoordinatesIsRead() throws IOException {
    twoApplications();
    Path job = dir.resolve("job/pom.xml");
    Files.createDirectories(job.getParent());
    Files.writeString(job, "<project><modelVersion>4.1.0</modelVersion><parent/><artifactId>job</artifactId>"
        + "<packaging>war</packaging></project>");
    poms.add(job);
    ModuleDeployments deployments = ModuleDeployments.of(dir, poms);
    assertFalse(deployments.mayRunTogether("job/src/main/java/J.java", "service/src/main/java/B.java"));
  }
}
