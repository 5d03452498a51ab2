package dev.optkit.analyzers.source;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Test code is not the application's: findings in it are not reported as main code and migrate never
 * edits it. The source sets named by Gradle's and Maven's conventions and plugins are test code
 * (issue 24's survey: openlmis' src/integration-test and FOLIO's src/functionalTest were reported).
 */
class TestSourceSetsTest {
  @Test
  void theTestSourceSetsOfGradleAndMavenConventionsAreTestCode() {
    for (String path : new String[] {"src/test/java/a/A.java", "svc/src/integration-test/java/a/A.java",
        "src/integrationTest/java/A.java", "src/intTest/java/A.java", "mod/src/functionalTest/java/A.java",
        "src/e2eTest/java/A.java", "src/componentTest/java/A.java", "src/it/simple/src/main/java/A.java",
        "src/testFixtures/java/A.java", "src/jmh/java/A.java",
        // Gradle's test suites by their names (a trial's src/contractTest stubs were reported as production queries)
        "src/contractTest/java/A.java", "src/acceptanceTests/java/A.java", "src/smoke-test/java/A.java",
        // in any case (a trial's src/integrationtest)
        "src/integrationtest/java/A.java", "src/functionaltests/java/A.java"}) {
      assertTrue(SourceSet.isTestPath(path), path);
    }
  }

  @Test
  void mainCodeNamedLikeATestIsMainCode() {
    for (String path : new String[] {"src/main/java/a/test/A.java", "src/main/java/it/A.java",
        "src/main/java/a/IntegrationTest.java", "testing/src/main/java/A.java", "src/iterator/A.java",
        "src/latest/java/A.java", "src/Contest/A.java",
        "mysrc/main/test/java/A.java", "src/tests/A.java"}) {
      assertFalse(SourceSet.isTestPath(path), path);
    }
  }

  /**
   * Ant's and Eclipse's layout keeps a module's tests in a test folder beside its src (a trial's Ant/Ivy application had
   * its schema tool in model/test reported as a production query). Near misses: a package named test below a source
   * folder, and folders above the scanned root (an absolute path), which are the user's, not the project's.
   */
  @Test
  void aTestFolderBesideTheSourcesIsTestCodeAndAPackageNamedTestIsNot() {
    for (String path : new String[] {"model/test/com/acme/UpdateSchema.java", "test/com/acme/A.java", "tests/A.java",
        "mysrc/test/java/A.java",
        // a module's own folder below src, named with a capital as no package is (a trial's src/Common/test)
        "src/Common/test/uk/ac/A.java", "src/DataManager/tests/A.java",
        // and the helpers only its tests use (the same trial's src/Common/testutils)
        "src/Common/testutils/uk/ac/A.java", "core/test-support/com/acme/A.java"}) {
      assertTrue(SourceSet.isTestPath(path), path);
    }
    for (String path : new String[] {"model/src/com/acme/test/A.java", "src/com/acme/test/A.java",
        "src/Common/src/uk/ac/test/A.java", "src/Common/Test.java",
        "app/java/com/acme/tests/A.java", "/home/me/test/app/src/main/java/A.java", "C:/test/app/A.java"}) {
      assertFalse(SourceSet.isTestPath(path), path);
    }
  }
}
