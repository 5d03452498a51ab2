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
        "src/contractTest/java/A.java", "src/acceptanceTests/java/A.java", "src/smoke-test/java/A.java"}) {
      assertTrue(SourceSet.isTestPath(path), path);
    }
  }

  @Test
  void mainCodeNamedLikeATestIsMainCode() {
    for (String path : new String[] {"src/main/java/a/test/A.java", "src/main/java/it/A.java",
        "src/main/java/a/IntegrationTest.java", "testing/src/main/java/A.java", "src/iterator/A.java",
        "mysrc/test/java/A.java", "src/tests/A.java"}) {
      assertFalse(SourceSet.isTestPath(path), path);
    }
  }
}
