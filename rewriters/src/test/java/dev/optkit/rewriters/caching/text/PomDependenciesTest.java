package dev.optkit.rewriters.caching.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PomDependenciesTest {
  private static final List<PomDependencies.Dependency> CAFFEINE =
      List.of(new PomDependencies.Dependency("com.github.ben-manes.caffeine", "caffeine", "3.2.0"));

  @Test
  void addsToTheProjectsOwnDependenciesPastCommentsManagementAndProfiles() {
    String before = """
        <project>
          <!-- <dependencies></dependencies> in a comment -->
          <description><![CDATA[ </dependencies> ]]></description>
          <dependencyManagement>
            <dependencies>
              <dependency><groupId>x</groupId><artifactId>managed</artifactId></dependency>
            </dependencies>
          </dependencyManagement>
          <profiles>
            <profile><dependencies><dependency><artifactId>caffeine</artifactId></dependency></dependencies></profile>
          </profiles>
          <dependencies>
            <dependency>
              <groupId>org.h2</groupId>
              <artifactId>h2</artifactId>
            </dependency>
          </dependencies>
        </project>
        """;
    String after = PomDependencies.add(before, CAFFEINE).orElseThrow();
    assertEquals(before.replace("""
              <artifactId>h2</artifactId>
            </dependency>
        """, """
              <artifactId>h2</artifactId>
            </dependency>
            <dependency>
              <groupId>com.github.ben-manes.caffeine</groupId>
              <artifactId>caffeine</artifactId>
              <version>3.2.0</version>
            </dependency>
        """), after);
  }

  @Test
  void fourSpaceIndentationAtTheTopLevelIsKept() {
    // spring-petclinic-rest: <dependencies> one level down, four spaces a level (half its indent would be two)
    String before = "<project>\n    <dependencies>\n        <dependency>\n            <groupId>org.h2</groupId>\n"
        + "            <artifactId>h2</artifactId>\n        </dependency>\n    </dependencies>\n</project>\n";
    String after = PomDependencies.add(before, CAFFEINE).orElseThrow();
    assertEquals(before.replace("    </dependencies>", "        <dependency>\n"
        + "            <groupId>com.github.ben-manes.caffeine</groupId>\n            <artifactId>caffeine</artifactId>\n"
        + "            <version>3.2.0</version>\n        </dependency>\n    </dependencies>"), after);
  }

  @Test
  void aPomWithoutDependenciesGetsASectionAndCrlfIsKept() {
    String before = "<project>\r\n    <modelVersion>4.0.0</modelVersion>\r\n</project>\r\n";
    String after = PomDependencies.add(before, CAFFEINE).orElseThrow();
    assertEquals("<project>\r\n    <modelVersion>4.0.0</modelVersion>\r\n    <dependencies>\r\n"
        + "        <dependency>\r\n            <groupId>com.github.ben-manes.caffeine</groupId>\r\n"
        + "            <artifactId>caffeine</artifactId>\r\n            <version>3.2.0</version>\r\n"
        + "        </dependency>\r\n    </dependencies>\r\n</project>\r\n", after);
  }

  @Test
  void aDependencyDeclaredForRuntimeOnlyBecomesOneTheCodeCompilesAgainst() {
    // spring-petclinic declares caffeine with <scope>runtime</scope>: the generated configuration would not compile
    String before = """
        <project>
          <dependencyManagement><dependencies><dependency>
            <artifactId>caffeine</artifactId><scope>runtime</scope>
          </dependency></dependencies></dependencyManagement>
          <dependencies>
            <dependency>
              <groupId>com.github.ben-manes.caffeine</groupId>
              <artifactId>caffeine</artifactId>
              <scope>runtime</scope>
            </dependency>
            <dependency>
              <groupId>org.h2</groupId>
              <artifactId>h2</artifactId>
              <scope>runtime</scope>
            </dependency>
          </dependencies>
        </project>
        """;
    String after = PomDependencies.add(before, CAFFEINE).orElseThrow();
    assertEquals(before.replaceFirst("(<artifactId>caffeine</artifactId>\n) *<scope>runtime</scope>\n", "$1"), after);
    assertTrue(after.contains("<artifactId>caffeine</artifactId><scope>runtime</scope>"), "management untouched");
    assertEquals(Optional.empty(), PomDependencies.add(after, CAFFEINE), "nothing more to do");
    // compile and provided scopes are on the compile class path already
    assertEquals(Optional.empty(), PomDependencies.add(after.replace("<artifactId>caffeine</artifactId>\n",
        "<artifactId>caffeine</artifactId>\n      <scope>provided</scope>\n"), CAFFEINE));
  }

  @Test
  void nothingIsAddedWhenPresentOrWhenThePomIsNotXml() {
    String present = "<project><dependencies><dependency><artifactId> caffeine </artifactId></dependency>"
        + "</dependencies></project>";
    assertEquals(Optional.empty(), PomDependencies.add(present, CAFFEINE));
    assertEquals(Optional.empty(), PomDependencies.add("<project><dependencies>", CAFFEINE));
    assertTrue(PomDependencies.add("<!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><project>&x;</project>",
        CAFFEINE).isEmpty());
  }
}
