package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Caches a hostile review made the session's new allowances plan (2026-11-25, night), each unsafe at
 * run time: the projects are under {@code src/test/resources/attacks/}, as the reviewer wrote them.
 */
class NewAllowanceAttacksTest {
  @TempDir Path dir;

  private static final String POM = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <groupId>shop</groupId><artifactId>shop</artifactId><version>1</version>
        <properties><maven.compiler.release>17</maven.compiler.release></properties>
        <dependencies>
          <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
          <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
          <dependency><groupId>org.springframework.data</groupId><artifactId>spring-data-jpa</artifactId><version>3.4.5</version></dependency>
          <dependency><groupId>org.springframework</groupId><artifactId>spring-web</artifactId><version>6.2.12</version></dependency>
          <dependency><groupId>org.projectlombok</groupId><artifactId>lombok</artifactId><version>1.18.34</version></dependency>
        </dependencies>
      </project>
      """;

  private MigrationFixture attack(String name) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", POM).resources("/attacks/" + name);
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  @Test
  void anInterfaceOnlyATestsDoubleImplementsIsCodeOptkitCannotRead() {
    // the production Rates is an anonymous class in a @Bean holding a rate RateAdmin changes
    MigrationPlan plan = attack("anonymous-bean-with-test-double").plan();
    assertFalse(cached(plan, "PriceService.price"), plan.targets().toString());
    String why = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("price("))
        .map(r -> r.reason()).findFirst().orElse("");
    assertTrue(why.contains("Rates.rate() has no implementation among the project's classes but a test's double"), why);
    assertFalse(why.contains("MemoryRates"), why); // the double is no state of the production read
    // without the double, the anonymous class is as much out of sight
    MigrationPlan alone = attack("anonymous-bean-with-test-double").file("src/test/java/shop/MemoryRates.java",
        "package shop;\n").plan();
    assertFalse(cached(alone, "PriceService.price"), alone.targets().toString());
  }

  @Test
  void aFluentSetterLombokWritesIsNoGetter() {
    MigrationPlan plan = attack("lombok-fluent-setter").plan();
    assertFalse(cached(plan, "FilmDao.find"), plan.targets().toString());
  }

  @Test
  void aDataKeyWhoseEqualsLeavesAFieldOutIsNoKey() {
    MigrationPlan plan = attack("data-key-with-excluded-field").plan();
    assertFalse(cached(plan, "Events.count"), plan.targets().toString());
  }

  @Test
  void aGetterASubclassOverridesToReadALazyAssociationIsNoColumn() {
    MigrationPlan plan = attack("subclass-getter-reads-lazy").plan();
    assertFalse(cached(plan, "OwnerRepository.findByName"), plan.targets().toString());
  }

  @Test
  void aProjectClassNamedLikeAJdkValueIsNoImmutableValue() {
    MigrationPlan plan = attack("project-class-named-long").plan();
    assertFalse(cached(plan, "UserDao.userNo"), plan.targets().toString());
  }

  @Test
  void aHelperPublishingTheListItMadeIntoAnotherClasssStaticChangesSharedState() {
    // namesOf() adds the list it returns to Registry.ALL: a cache hit would skip that
    MigrationPlan plan = attack("helper-publishes-into-a-static").plan();
    assertFalse(cached(plan, "GenreService.line") || cached(plan, "GenreDao.line"), plan.targets().toString());
  }

  @Test
  void aReadOfAnotherClasssMutableStaticIsStateTheKeyDoesNotCover() {
    // Registry.count, bumped by Registry.bump(); Registry.ALL, a list anyone may add to
    for (String attack : java.util.List.of("reads-another-classs-static-count", "reads-another-classs-static-list")) {
      MigrationPlan plan = attack(attack).plan();
      assertFalse(cached(plan, "GenreService.line") || cached(plan, "GenreDao.line"), attack + ": " + plan.targets());
      String why = plan.refusals().stream().map(r -> r.reason()).filter(r -> r.contains("static field of another class"))
          .findFirst().orElse(plan.refusals().toString());
      assertTrue(why.contains("reads Registry."), why);
    }
    // the true twin: a constant of another class, a capitals name of an immutable value
    MigrationPlan constant = attack("reads-another-classs-static-count")
        .file("src/main/java/shop/Registry.java", "package shop;\npublic final class Registry {\n"
            + "    public static final int COUNT = 3;\n}\n")
        .file("src/main/java/shop/GenreDao.java", new String(readAttackFile("reads-another-classs-static-count",
            "src/main/java/shop/GenreDao.java")).replace("Registry.count", "Registry.COUNT"))
        .plan();
    assertTrue(cached(constant, "GenreService.line") || cached(constant, "GenreDao.line"), constant.refusals().toString());
  }

  private static String readAttackFile(String name, String path) {
    try {
      return Files.readString(Path.of(NewAllowanceAttacksTest.class.getResource("/attacks/" + name + "/" + path).toURI()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
