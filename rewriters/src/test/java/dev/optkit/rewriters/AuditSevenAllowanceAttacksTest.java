package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Caches a hostile review made the seventh audit's allowances plan (type-variable repositories and
 * writers inherited by beans, Spring Boot's class proxies, scalar queries, method references on fields;
 * 2026-11-25, evening), each unsafe at run time or breaking the application's start. The projects, pom
 * and configuration included, are under {@code src/test/resources/attacks28/}, as the reviewer wrote them.
 */
class AuditSevenAllowanceAttacksTest {
  @TempDir Path dir;

  private MigrationPlan attack(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/attacks28/" + name).plan();
  }

  private static Optional<CachingTarget> target(MigrationPlan plan, String displayName) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(displayName)).findFirst();
  }

  /**
   * The inherited writer runs without a proxy: on a subclass made with {@code new} (a1, a1b), on an anonymous
   * subclass (a2); or its eviction would make Spring subclass a final bean (a13).
   */
  @ParameterizedTest
  @ValueSource(strings = {"a1", "a1b", "a2", "a13"})
  void aWriterInheritedByObjectsNoProxyWrapsCarriesNoEviction(String attack) {
    MigrationPlan plan = attack(attack);
    for (CachingTarget target : plan.targets()) {
      assertFalse(target.evictions().stream().anyMatch(e -> e.writer().fact().ownerType().endsWith("AbstractService")),
          target.method().fact().displayName() + " evicted by an inherited writer no proxy wraps: " + target.evictions());
    }
    if (attack.startsWith("a1")) {
      // the eviction goes to the bean whose method makes the object and calls its update(): ImportController.imp()
      target(plan, "ProductService.getOwner").ifPresent(target -> assertTrue(target.evictions().stream()
          .anyMatch(e -> e.writer().fact().displayName().equals("ImportController.imp")), target.evictions().toString()));
    }
  }

  /**
   * A bean injected by its class gets a JDK proxy: Boot told not to proxy classes (b1, b1b), Boot's AOP
   * auto-configuration, which forces class proxies, turned off (b1c in properties, b1d nested in YAML), a plain Spring
   * test context in a Boot project (b3b), a test context through the project's meta-annotation (b6).
   */
  @ParameterizedTest
  @ValueSource(strings = {"b1", "b1b", "b1c", "b1d", "b3b", "b6"})
  void aJdkProxyWhereTheBeanIsInjectedByItsClassRefuses(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(target(plan, "ProductStore.name").isPresent(), plan.targets().toString());
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("name("))
        .map(dev.optkit.rewriters.caching.Refusal::reason).findFirst().orElse("(no refusal)");
    assertTrue(reason.contains("may be a JDK proxy of its interfaces"), reason);
  }

  /**
   * Both settings said true, as Boot's defaults are: still refused, as Boot compares the value as written and optkit
   * does not (the plain-Spring review's (2026-11-29) f7: {@code "true "} with a trailing space made JDK proxies) (b1e).
   */
  @Test
  void bootSettingsSaidAtAllRefuse() {
    MigrationPlan plan = attack("b1e");
    assertFalse(target(plan, "ProductStore.name").isPresent(), plan.targets().toString());
  }

  /**
   * The aop settings where Boot reads them beyond application files (the plain-Spring review of 2026-11-29, f7b-d): a
   * file {@code spring.config.import} names, one {@code @PropertySource} names (relaxed name), default properties
   * set in code, and an imported config server whose properties nobody here can read. Without them, b1e's project
   * (both settings taken out) is cached.
   */
  @ParameterizedTest
  @ValueSource(strings = {"import", "property-source", "defaults", "config-server", "imported-yaml", "config-tree-list",
      "pom-relaxed", "application-json", "deep", "jvm-config"})
  void bootSettingsBeyondTheApplicationFilesRefuse(String where) {
    MigrationFixture project = new MigrationFixture(dir.resolve(where)).resources("/attacks28/b1e")
        .file("src/main/resources/application.yml", "spring:\n  application:\n    name: shop\n");
    switch (where) {
      case "import" -> project.file("src/main/resources/application.yml", "spring:\n  config:\n    import: classpath:extra.properties\n")
          .file("src/main/resources/extra.properties", "spring.aop.proxy-target-class=false\n");
      case "property-source" -> project.file("src/main/resources/aop.properties", "spring.aop.proxyTargetClass=false\n")
          .file("src/main/java/shop/App.java", "package shop;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n"
              + "@SpringBootApplication\n@org.springframework.context.annotation.PropertySource(\"classpath:aop.properties\")\npublic class App {}\n");
      case "defaults" -> project.file("src/main/java/shop/App.java", """
          package shop;
          import java.util.Map;
          import org.springframework.boot.SpringApplication;
          import org.springframework.boot.autoconfigure.SpringBootApplication;
          @SpringBootApplication
          public class App {
            public static void main(String[] args) {
              SpringApplication app = new SpringApplication(App.class);
              app.setDefaultProperties(Map.of("spring.aop.proxy-target-class", "false"));
              app.run(args);
            }
          }
          """);
      case "config-server" -> project.file("src/main/resources/application.yml",
          "spring:\n  config:\n    import: optional:configserver:http://config:8888\n");
      // the hostile review of 2026-11-29 (hr36)'s f7e-f7i
      case "imported-yaml" -> project.file("src/main/resources/application.yml", "spring:\n  config:\n    import: classpath:proxies.yml\n")
          .file("src/main/resources/proxies.yml", "spring:\n  aop:\n    proxy-target-class: false\n");
      case "config-tree-list" -> project.file("src/main/resources/application.yml",
          "spring:\n  config:\n    import:\n      - optional:configtree:config/tree/\n");
      case "pom-relaxed" -> project.file("pom.xml", resource("/attacks28/b1e/pom.xml").replace("</project>",
          "<properties><argLine>-Dspring.aop.proxyTargetClass=false</argLine></properties>\n</project>"));
      case "application-json" -> project.file("docker-compose.yml", "services:\n  app:\n    environment:\n"
          + "      SPRING_APPLICATION_JSON: '{\"spring\":{\"aop\":{\"proxy-target-class\":false}}}'\n");
      case "deep" -> project.file("src/main/resources/com/acme/shop/web/config/proxies.properties",
          "spring.aop.proxy-target-class=false\n");
      default -> project.file(".mvn/jvm.config", "-Dspring.aop.proxy-target-class=false\n");
    }
    MigrationPlan plan = project.plan();
    assertFalse(target(plan, "ProductStore.name").isPresent(), plan.targets().toString());
    MigrationPlan plain = new MigrationFixture(dir.resolve(where + "-plain")).resources("/attacks28/b1e")
        .file("src/main/resources/application.yml", "spring:\n  application:\n    name: shop\n").plan();
    assertTrue(target(plain, "ProductStore.name").isPresent(), plain.refusals().toString());
  }

  /** Boot's default named in a comment sets nothing (hr36's fr3, a false refusal): the project is cached. */
  @Test
  void theSettingsNamedInACommentSetNothing() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("comment")).resources("/attacks28/b1e")
        .file("src/main/resources/application.yml", "spring:\n  application:\n    name: shop\n")
        .file("src/main/java/shop/App.java", "package shop;\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n"
            + "/** Boot proxies classes: spring.aop.proxy-target-class=true is its default. */\n"
            + "@SpringBootApplication\npublic class App {}\n").plan();
    assertTrue(target(plan, "ProductStore.name").isPresent(), plan.refusals().toString());
  }

  /**
   * Files that set nothing Boot reads (halo's regression run): a resources YAML Spring cannot parse without "aop" in it,
   * a lock file over a megabyte. The project stays cached.
   */
  @Test
  void filesWithoutTheSettingsSetNothing() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("unrelated")).resources("/attacks28/b1e")
        .file("src/main/resources/application.yml", "spring:\n  application:\n    name: shop\n")
        .file("src/main/resources/initial-data.yaml", "kind: Setting\nspec: [unclosed\n  - {broken: \n")
        .file("ui/pnpm-lock.yaml", "lockfileVersion: '6.0'\n" + "packages:\n  /a@1.0.0: {}\n".repeat(100_000))
        .file("ui/package-lock.json", "{\"name\": \"ui\", \"x\": \"" + "y".repeat(2_000_000) + "\"}").plan();
    assertTrue(target(plan, "ProductStore.name").isPresent(), plan.refusals().toString());
  }

  private String resource(String path) {
    try (var in = getClass().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A boolean the project implements by loading the entity (a fragment, a repository base class) is no scalar query. */
  @ParameterizedTest
  @ValueSource(strings = {"c1", "c1b", "c5"})
  void aBooleanTheProjectComputesFromEntitiesIsNoDatabaseAnswer(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(target(plan, "Catalog.isActive").isPresent(), plan.targets().toString());
    assertFalse(target(plan, "BaseRepository.existsActive").isPresent(), plan.targets().toString());
  }

  /**
   * A mapper held in a field that returns the element itself (d2), a part of it (d1c), or hands it to a writer (d11b;
   * d11c: the writer calls it directly, {@code mapper.same(rows.get(0)).setTitle(t)}, whose write JPA's flush makes
   * was not seen, and the writer itself was cached).
   */
  @ParameterizedTest
  @ValueSource(strings = {"d2", "d1c", "d11b", "d11c"})
  void aMapperReturningTheElementKeepsItTheEntity(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(target(plan, "BookRepository.findByTitle").isPresent(), plan.targets().toString());
    target(plan, "Books.byTitle").ifPresent(target -> assertTrue(target.evictions().stream()
        .anyMatch(e -> e.writer().fact().name().equals("retitle")), "Books.byTitle not evicted by retitle()"));
  }

  /**
   * A repository typed by a type variable written through an intermediate abstract class's inherited field (a6b), a
   * getter returning the variable (a6c), a local of the variable's type (a6d), and all three at once (a6): each is
   * the bound's repository, whose save writes the product table, so the owner read is evicted by that write.
   */
  @ParameterizedTest
  @ValueSource(strings = {"a6", "a6b", "a6c", "a6d"})
  void aWriteThroughARepositoryOfATypeVariableEvictsTheRead(String attack) {
    MigrationPlan plan = attack(attack);
    for (String read : new String[] {"ProductService.getOwner", "ProductRepository.getOwnerId"}) {
      target(plan, read).ifPresent(target -> assertTrue(target.evictions().stream()
              .anyMatch(e -> Set.of("update", "touch", "set").contains(e.writer().fact().name())),
          read + " cached with no eviction by the write: " + target.evictions()));
    }
  }

  /**
   * A bean's class also made with {@code new} in production code (a3): that object's write runs without the
   * proxy, so the eviction goes to the bean method that makes it and calls the writer (ImportController.imp).
   */
  @ParameterizedTest
  @ValueSource(strings = {"a3"})
  void aBeanClassAlsoMadeWithNewEvictsWhereTheObjectIsMade(String attack) {
    MigrationPlan plan = attack(attack);
    CachingTarget owner = target(plan, "ProductService.getOwner").orElseThrow(() -> new AssertionError(plan.refusals()));
    assertTrue(owner.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("ImportController.imp")),
        owner.evictions().toString());
    target(plan, "ProductRepository.getOwnerId").ifPresent(target -> assertTrue(target.evictions().stream()
        .anyMatch(e -> e.writer().fact().displayName().equals("ImportController.imp")), target.evictions().toString()));
  }

  /**
   * Entities returned as an interface they implement ({@code List<Titled>} of {@code Book}, d2b) are entities still:
   * the handler serialises them, lazy associations and all, after the transaction.
   */
  @ParameterizedTest
  @ValueSource(strings = {"d2b"})
  void entitiesReturnedAsAnInterfaceTheyImplementAreEntities(String attack) {
    MigrationPlan plan = attack(attack);
    assertFalse(target(plan, "Books.byTitle").isPresent(), plan.targets().toString());
    assertFalse(target(plan, "BookRepository.findByTitle").isPresent(), plan.targets().toString());
  }
}
