package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one registry of types whose objects nobody can change, which the caching and loop proofs both ask. */
class ImmutableTypesTest {
  @TempDir Path dir;

  private ImmutableTypes registry(String... sources) {
    ProjectFixture fixture = new ProjectFixture(dir);
    for (String source : sources) {
      fixture.java(source);
    }
    return fixture.assess().index().immutableTypes();
  }

  @Test
  void jdkValuesAndRecordsOfThemCannotChangeButCollectionsAndArraysCan() {
    ImmutableTypes types = registry("""
        package shop;
        public record Price(String sku, java.math.BigDecimal amount, java.time.Instant at) {}
        """, """
        package shop;
        public record Tags(java.util.List<String> tags) {}
        """, """
        package shop;
        public record Codes(String[] codes) {}
        """);
    assertTrue(types.immutable("java.lang.String"));
    assertTrue(types.immutable("int"));
    assertTrue(types.immutable("shop.Price"));
    assertTrue(types.immutableWritten("Price"));
    assertFalse(types.immutable("shop.Tags"));
    assertFalse(types.immutable("shop.Codes"));
    assertFalse(types.immutable("java.util.List<java.lang.String>"));
    assertFalse(types.immutable("java.lang.String[]"));
    assertTrue(types.immutableWritten("Instant"));
  }

  @Test
  void aClassWithFinalFieldsCannotChangeUnlessSomethingExtendsIt() {
    String env = """
        package shop;
        public class Env {
            private static final java.util.Map<String, Env> KNOWN = new java.util.HashMap<>();
            private final String name;
            public Env(String name) { this.name = name; }
            public String getName() { return name; }
        }
        """;
    // a static field is the class's state, not its objects'
    assertTrue(registry(env).immutable("shop.Env"));
    assertFalse(registry(env, """
        package shop;
        public class CountedEnv extends Env {
            private int uses;
            public CountedEnv() { super("x"); }
        }
        """).immutable("shop.Env"));
    assertFalse(registry(env.replace("private final String name;",
        "private final String name;\n    static final Env ODD = new Env(\"odd\") { int uses; };")).immutable("shop.Env"));
    assertFalse(registry(env.replace("private final String name;", "private String name;")).immutable("shop.Env"));
    assertFalse(registry(env.replace("public class Env {", "public class Env extends java.util.Observable {"))
        .immutable("shop.Env"));
  }

  @Test
  void aStaticFieldTheClassChangesIsItsObjectsState() {
    // hostile review 106's F1: valid() reads a static set revoke() adds this object to
    String badge = """
        package shop;
        public class Badge {
            private static final java.util.Set<Badge> REVOKED = new java.util.HashSet<>();
            private final String holder;
            public Badge(String holder) { this.holder = holder; }
            public void revoke() { REVOKED.add(this); }
            public boolean valid() { return !REVOKED.contains(this); }
        }
        """;
    assertFalse(registry(badge).immutable("shop.Badge"));
    assertTrue(registry(badge.replace("    public void revoke() { REVOKED.add(this); }\n", "")).immutable("shop.Badge"));
    assertFalse(registry(badge.replace("    public void revoke() { REVOKED.add(this); }\n", "")
        .replace("private static final java.util.Set", "static final java.util.Set")).immutable("shop.Badge"));
  }

  @Test
  void lombokValueMakesFieldsFinalButNotANonFinalOneNorAProjectsOwnValue() {
    String env = """
        package shop;
        import lombok.Value;
        @Value
        public class Env {
            String name;
        }
        """;
    assertTrue(registry(env).immutable("shop.Env"));
    // hostile review 106's F3 and F4
    assertFalse(registry(env.replace("    String name;\n", "    String name;\n    @lombok.experimental.NonFinal int visits;\n"))
        .immutable("shop.Env"));
    assertFalse(registry(env.replace("import lombok.Value;\n", ""), """
        package shop;
        public @interface Value {}
        """).immutable("shop.Env"));
  }

  @Test
  void anEnumConstantWithFieldsOfItsOwnHasState() {
    String level = """
        package shop;
        public enum Level {
            LOW, HIGH;
            private final String label = name().toLowerCase();
        }
        """;
    assertTrue(registry(level).immutable("shop.Level"));
    assertFalse(registry(level.replace("HIGH;", "HIGH { private int seen; };")).immutable("shop.Level"));
  }

  @Test
  void aJdkValuesNameTheProjectAlsoDeclaresMayMeanTheProjectsType() {
    ImmutableTypes types = registry("""
        package shop;
        public class UUID {
            private String text;
        }
        """);
    assertFalse(types.immutable("java.util.UUID"));
  }
}
