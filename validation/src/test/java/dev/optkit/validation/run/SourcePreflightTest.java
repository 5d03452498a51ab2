package dev.optkit.validation.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.optkit.validation.spec.Workload;
import dev.optkit.validation.spec.WorkloadException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workload against the sources, before any build: what they prove missing is a usage error naming
 * what the type has; what they cannot show (a bean, a map entry, a library's type, Lombok, a subclass)
 * is left to the run. Each project here is a few source files; nothing is compiled.
 */
class SourcePreflightTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private PrintStream stderr;

  @BeforeEach
  void captureStderr() {
    stderr = System.err;
    System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStderr() {
    System.setErr(stderr);
  }

  private static final String FIXTURE = """
      package shop;

      public final class Fixture implements AutoCloseable {
        private final Pricing pricing = new Pricing();
        public final Catalog catalog = new Catalog();

        public static Fixture start() {
          return new Fixture();
        }

        public Pricing pricing() {
          return pricing;
        }

        public String get(long key) {
          return "v" + key;
        }

        @Override
        public void close() {
        }
      }
      """;

  private static final String PRICING = """
      package shop;

      public class Pricing {
        public java.math.BigDecimal getExchangeRate(String currency) {
          return java.math.BigDecimal.ONE;
        }

        public void setRate(String currency, java.math.BigDecimal rate) {
        }

        void refresh(String currency) {
        }
      }
      """;

  private static final String CATALOG = """
      package shop;

      public record Catalog(String name) {
        public Catalog() {
          this("main");
        }

        public String describe(int id) {
          return name + id;
        }
      }
      """;

  private Path project(String name) throws Exception {
    Path project = dir.resolve(name);
    write(project, "src/main/java/shop/Pricing.java", PRICING);
    write(project, "src/main/java/shop/Catalog.java", CATALOG);
    write(project, "src/test/java/shop/Fixture.java", FIXTURE);
    return project;
  }

  private static void write(Path project, String file, String text) throws Exception {
    Path path = project.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, text);
  }

  private static Workload workload(String yaml) throws Exception {
    return new ObjectMapper(new YAMLFactory()).readValue("""
        classpath: {build: mvn -q test-compile, entries: [target/classes, target/test-classes]}
        fixture: {factory: shop.Fixture#start, teardown: close}
        """ + yaml, Workload.class);
  }

  private static void check(Workload workload, Path current) throws Exception {
    SourcePreflight.check(workload, new CodeVersion("current", current), null);
  }

  private static String refused(Workload workload, Path current, Path original) {
    return assertThrows(WorkloadException.class, () -> SourcePreflight.check(workload,
        new CodeVersion(original == null ? "current" : "migrated", current),
        original == null ? null : new CodeVersion("original", original))).getMessage();
  }

  @Test
  void callsTheSourcesHaveAreAccepted() throws Exception {
    Path project = project("ok");
    assertDoesNotThrow(() -> check(workload("""
        scenarios:
          - {name: rates, target: pricing, method: getExchangeRate, args: [{value: C01}],
             writes: [{target: pricing, method: setRate, args: [{value: C01}, {value: 2}], share: 0.1}]}
          - {name: own, method: get, args: [{value: 1}]}
          - {name: field, target: catalog, method: describe, args: [{value: 1}]}
          - {name: accessor, target: catalog, method: name}
          - {name: inherited, method: hashCode}
        """), project));
    assertEquals("", printed.toString(StandardCharsets.UTF_8), "everything was checked: nothing to say");
  }

  @Test
  void aMisspeltMethodIsNamedWithWhatTheTypeHas() throws Exception {
    Path project = project("misspelt");
    String message = refused(workload("""
        scenarios: [{name: rates, target: pricing, method: getExchangeRat, args: [{value: C01}]}]
        """), project, null);
    assertEquals("scenario 'rates': shop.Pricing has no public method getExchangeRat with 1 parameter in the current "
        + "code; it has: getExchangeRate(1), setRate(2)", message.substring(0, message.indexOf(", setRate(2)") + 12));
  }

  @Test
  void theWrongParameterCountAPackagePrivateMethodAndAMissingTargetAreEachNamed() throws Exception {
    Path project = project("several");
    String message = refused(workload("""
        scenarios:
          - {name: two, target: pricing, method: getExchangeRate, args: [{value: C01}, {value: 2}]}
          - {name: hidden, target: pricing, method: refresh, args: [{value: C01}]}
          - {name: nowhere, target: prices, method: getExchangeRate, args: [{value: C01}]}
          - name: writes
            method: get
            args: [{value: 1}]
            writes: [{method: restock, args: [{value: 1}], share: 0.1}]
        """), project, null);
    assertTrue(message.startsWith("found in the sources, before any build:\n  "), message);
    assertTrue(message.contains("scenario 'two': shop.Pricing has no public method getExchangeRate with 2 parameters "
        + "in the current code; it has: getExchangeRate(1)"), message);
    assertTrue(message.contains("scenario 'hidden': shop.Pricing.refresh with 1 parameter is not public in the current "
        + "code: the harness calls public methods only"), message);
    assertTrue(message.contains("scenario 'nowhere': the fixture shop.Fixture has no entry, bean, getter or public field "
        + "'prices' in the current code; its getters and fields: pricing(), close(), start(), catalog"), message);
    assertTrue(message.contains("scenario 'writes', write restock: shop.Fixture has no public method restock with 1 "
        + "parameter in the current code"), message);
  }

  @Test
  void aMissingFixtureClassFactoryOrTeardownIsNamed() throws Exception {
    Path project = project("fixture");
    String scenarios = "scenarios: [{name: own, method: get, args: [{value: 1}]}]\n";
    String noClass = refused(new ObjectMapper(new YAMLFactory()).readValue("""
        fixture: {factory: shop.Fixtur#start}
        """ + scenarios, Workload.class), project, null);
    assertEquals("fixture class shop.Fixtur not found in the current sources (looked in src/main/java, src/test/java, "
        + "and for shop/Fixtur.java in every folder but build output; a fixture from a jar: list the jar in "
        + "classpath.entries)", noClass);

    String noFactory = refused(new ObjectMapper(new YAMLFactory()).readValue("""
        fixture: {factory: shop.Fixture#begin, teardown: clos}
        """ + scenarios, Workload.class), project, null);
    assertTrue(noFactory.startsWith("fixture factory shop.Fixture#begin: shop.Fixture has no public static method "
        + "begin() without parameters in the current code; it has: "), noFactory);

    String notStatic = refused(new ObjectMapper(new YAMLFactory()).readValue("""
        fixture: {factory: shop.Fixture#pricing}
        """ + scenarios, Workload.class), project, null);
    assertEquals("fixture factory shop.Fixture#pricing is not static in the current code", notStatic);

    String teardown = refused(new ObjectMapper(new YAMLFactory()).readValue("""
        fixture: {factory: shop.Fixture#start, teardown: clos}
        """ + scenarios, Workload.class), project, null);
    assertTrue(teardown.startsWith("fixture teardown: shop.Fixture has no public method clos with 0 parameters in the "
        + "current code; it has: close(0)"), teardown);
  }

  @Test
  void whatTheSourcesCannotShowIsLeftToTheRunInOneLine() throws Exception {
    Path project = project("unknown");
    // a library's type, a Spring context (getBean), a map, Lombok, and a class a subclass in the sources extends
    write(project, "src/main/java/shop/Remote.java", """
        package shop;
        public class Remote extends com.example.lib.Client {
        }
        """);
    write(project, "src/main/java/shop/Lombok.java", """
        package shop;
        @lombok.Getter
        public class Lombok {
          private String name;
        }
        """);
    write(project, "src/main/java/shop/Extended.java", """
        package shop;
        public class Extended {
        }
        """);
    write(project, "src/main/java/shop/Special.java", """
        package shop;
        public class Special extends Extended {
          public String special() {
            return "s";
          }
        }
        """);
    write(project, "src/test/java/shop/Fixture.java", FIXTURE.replace("public String get(long key) {", """
        public Remote remote() {
          return new Remote();
        }
        public Lombok lombok() {
          return new Lombok();
        }
        public Extended extended() {
          return new Special();
        }
        public com.example.lib.Service service() {
          return null;
        }
        public String get(long key) {"""));
    check(workload("""
        scenarios:
          - {name: library, target: service, method: anything}
          - {name: ancestors, target: remote, method: call, args: [{value: 1}]}
          - {name: lombok, target: lombok, method: getName}
          - {name: subclass, target: extended, method: special}
        """), project);
    String said = printed.toString(StandardCharsets.UTF_8);
    assertEquals(1, said.lines().count(), said);
    assertTrue(said.startsWith("optkit validate: checked in the sources before building, but for what only the run can "
        + "resolve: scenario 'library': target 'service' (its type is not in the sources); scenario 'ancestors': "
        + "shop.Remote.call (ancestors outside the sources); scenario 'lombok': shop.Lombok.getName (Lombok writes "
        + "methods its source does not show); and 1 more"), said);

    write(project, "src/test/java/shop/Context.java", """
        package shop;
        public final class Context {
          public static Context start() {
            return new Context();
          }
          public Object getBean(String name) {
            return null;
          }
        }
        """);
    write(project, "src/test/java/shop/Beans.java", """
        package shop;
        public final class Beans extends java.util.HashMap<String, Object> {
          public static Beans start() {
            return new Beans();
          }
        }
        """);
    for (String factory : new String[] {"shop.Context#start", "shop.Beans#start"}) {
      assertDoesNotThrow(() -> check(new ObjectMapper(new YAMLFactory()).readValue("fixture: {factory: " + factory
          + "}\nscenarios: [{name: bean, target: pricing, method: whatever}]\n", Workload.class), project), factory);
    }
  }

  @Test
  void aFixtureOutsideTheUsualFoldersIsFoundByItsPath() throws Exception {
    Path project = dir.resolve("handmade");
    write(project, "src/shop/Fixture.java", FIXTURE.replace("Pricing", "Object"));
    assertDoesNotThrow(() -> check(workload("scenarios: [{name: own, method: get, args: [{value: 1}]}]\n"), project));
    String message = refused(workload("scenarios: [{name: own, method: gte, args: [{value: 1}]}]\n"), project, null);
    assertTrue(message.startsWith("scenario 'own': shop.Fixture has no public method gte with 1 parameter in the current "
        + "code; it has: get(1)"), message);
  }

  @Test
  void bothVersionsAreCheckedAndEachProblemSaysWhere() throws Exception {
    Path original = project("original");
    Path migrated = project("migrated");
    Workload workload = workload("scenarios: [{name: rates, target: pricing, method: rate, args: [{value: C01}]}]\n");
    assertTrue(refused(workload, migrated, original).contains("in the original and migrated code"));

    write(migrated, "src/main/java/shop/Pricing.java", PRICING.replace("void refresh(", "public java.math.BigDecimal "
        + "rate(String c) { return null; }\n  void refresh("));
    String onlyOriginal = refused(workload, migrated, original);
    assertTrue(onlyOriginal.startsWith("scenario 'rates': shop.Pricing has no public method rate with 1 parameter in "
        + "the original code"), onlyOriginal);
  }

  @Test
  void aFixtureWrittenAfterTheBaselineIsCopiedIntoItWithTheTestSourcesItUses() throws Exception {
    Path original = dir.resolve("baseline");
    write(original, "src/main/java/shop/Pricing.java", PRICING);
    write(original, "src/main/java/shop/Catalog.java", CATALOG);
    write(original, "src/test/java/shop/PricingTest.java", "package shop;\nclass PricingTest {}\n");
    Path migrated = project("current");
    write(migrated, "src/test/java/shop/Fixture.java", FIXTURE.replace("return new Fixture();",
        "Seed.plant(); return new Fixture();"));
    write(migrated, "src/test/resources/validation.properties", "latency=5\n");
    write(migrated, "src/test/resources/other.properties", "x=1\n");
    write(migrated, "src/test/java/shop/Seed.java", "package shop;\nimport shop.support.Rates;\n"
        + "final class Seed {\n  static void plant() { Rates.load(\"/validation.properties\"); }\n}\n");
    write(migrated, "src/test/java/shop/support/Rates.java", "package shop.support;\n"
        + "public final class Rates {\n  public static void load(String settings) {}\n}\n");
    write(migrated, "src/test/java/shop/Unrelated.java", "package shop;\nclass Unrelated {}\n");
    write(migrated, "src/test/java/shop/PricingTest.java", "package shop;\nclass PricingTest { /* changed */ }\n");

    SourcePreflight.check(workload("scenarios: [{name: rates, target: pricing, method: getExchangeRate, "
        + "args: [{value: C01}]}]\n"), new CodeVersion("migrated", migrated), new CodeVersion("original", original));
    assertEquals(FIXTURE.replace("return new Fixture();", "Seed.plant(); return new Fixture();"),
        Files.readString(original.resolve("src/test/java/shop/Fixture.java")));
    assertTrue(Files.exists(original.resolve("src/test/java/shop/Seed.java")), "a helper of its package it names");
    assertTrue(Files.exists(original.resolve("src/test/java/shop/support/Rates.java")), "a test source it imports");
    assertFalse(Files.exists(original.resolve("src/test/java/shop/Unrelated.java")), "what it does not name stays out");
    assertEquals("latency=5\n", Files.readString(original.resolve("src/test/resources/validation.properties")),
        "the settings it reads");
    assertFalse(Files.exists(original.resolve("src/test/resources/other.properties")));
    assertEquals("package shop;\nclass PricingTest {}\n",
        Files.readString(original.resolve("src/test/java/shop/PricingTest.java")), "never over the baseline's file");
    assertEquals("optkit validate: original: the fixture shop.Fixture is not in the baseline: copied it from the "
        + "current code, src/test/java/shop/Fixture.java and 3 test files it uses (docs/validate.md, \"The baseline\")\n",
        printed.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aFixtureInMainSourcesIsNeverCopiedIntoTheBaseline() throws Exception {
    Path original = dir.resolve("baseline");
    write(original, "src/main/java/shop/Pricing.java", PRICING);
    write(original, "src/main/java/shop/Catalog.java", CATALOG);
    Path migrated = dir.resolve("current");
    write(migrated, "src/main/java/shop/Pricing.java", PRICING);
    write(migrated, "src/main/java/shop/Catalog.java", CATALOG);
    write(migrated, "src/main/java/shop/Fixture.java", FIXTURE);
    String message = refused(workload("scenarios: [{name: own, method: get, args: [{value: 1}]}]\n"), migrated,
        original);
    assertTrue(message.startsWith("fixture class shop.Fixture not found in the original sources"), message);
    assertFalse(Files.exists(original.resolve("src/main/java/shop/Fixture.java")), "main sources are code under test");
  }
}
