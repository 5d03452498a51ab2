package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 73: the project's spotless check rejected the files optkit wrote and its build stopped before any test. A pom
 * (or a local parent) declaring a formatter or style check gets a note with the command that formats the code; one
 * without gets none, and neither does a plan that changes nothing.
 */
class FormatCheckersTest {
  @TempDir Path dir;

  private static final String SPOTLESS = """
        <build>
          <plugins>
            <plugin>
              <groupId>com.diffplug.spotless</groupId>
              <artifactId>spotless-maven-plugin</artifactId>
              <version>2.43.0</version>
              <executions><execution><goals><goal>check</goal></goals></execution></executions>
            </plugin>
          </plugins>
        </build>
      </project>
      """;

  private static final String NAMES = MigrationSafetyTest.bean("Names", "Service", "", """
          public String name(long id) {
              return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
          }
      """);

  private static List<String> formatNotes(MigrationPlan plan) {
    return plan.notes().stream().filter(n -> n.contains("check the format")).toList();
  }

  @Test
  void aSpotlessCheckIsNamedWithTheCommandThatFormats() {
    String pom = MigrationSafetyTest.SPRING_POM.replace("</project>\n", SPOTLESS);
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", pom).java(NAMES).plan();
    assertEquals(List.of("pom.xml uses spotless-maven-plugin, which may check the format of the code in the build: "
        + "optkit's edits follow each file's indentation, not your formatter's rules, so run `mvn spotless:apply` after "
        + "--apply"), formatNotes(plan), plan.notes().toString());
  }

  @Test
  void noFormatterNoNote() {
    MigrationPlan plan = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM).java(NAMES).plan();
    assertTrue(!plan.isEmpty(), plan.refusals().toString());
    assertEquals(List.of(), formatNotes(plan));
  }
}
