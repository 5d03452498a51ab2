package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Trial 93's first cause (petclinic's {@code findSpecialtiesByNameIn(Set<String>)}, 3 refusals): a collection of values
 * as a parameter was "a mutable collection: not a safe cache key". Spring's cache now keys a list of values by a copy
 * made before the call, so a caller changing its list afterwards changes no key the cache holds, and the cache is bounded by weight,
 * the key's values counted with the answer's. Checked as text, and run: the stored key is another object than the
 * argument, equal to its values at the call, and weighs its values. A plain Java cache, whose key would be the
 * argument, a method changing the list it is given (itself, through a helper, or maybe through a library), a set (hostile
 * review 95), a map, and a list of mutable objects still refuse.
 */
class CollectionKeysTest {
  @TempDir Path dir;

  private static final String SPECIALTIES = """
      package shop;

      import java.util.List;
      import java.util.Set;
      import org.springframework.jdbc.core.JdbcTemplate;

      @org.springframework.stereotype.Service
      public class Specialties {
          private final JdbcTemplate jdbc;

          public Specialties(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public List<String> namesIn(List<String> names) {
              return jdbc.queryForList("SELECT name FROM specialty ORDER BY name", String.class).stream()
                      .filter(names::contains).toList();
          }

          public List<String> startingIn(String prefix, List<String> names) {
              return jdbc.queryForList("SELECT name FROM specialty ORDER BY name", String.class).stream()
                      .filter(n -> n.startsWith(prefix) && names.contains(n)).toList();
          }

          public void add(String name) {
              jdbc.update("INSERT INTO specialty (name) VALUES (?)", name);
          }
      }
      """;

  private static final String DATABASE = """
      package shop;

      import org.springframework.context.annotation.Bean;
      import org.springframework.context.annotation.Configuration;
      import org.springframework.jdbc.core.JdbcTemplate;

      @Configuration
      public class Database {
          @Bean
          public JdbcTemplate jdbcTemplate() {
              org.h2.jdbcx.JdbcDataSource source = new org.h2.jdbcx.JdbcDataSource();
              source.setURL(System.getProperty("collection.keys.url"));
              return new JdbcTemplate(source);
          }
      }
      """;

  /** Callers passing lists the JDK makes: a list of a class of the project or an anonymous one may compare its own way. */
  private static final String SEARCH = """
      package shop;

      import java.util.ArrayList;
      import java.util.List;

      @org.springframework.stereotype.Component
      public class Search {
          private final Specialties specialties;

          public Search(Specialties specialties) {
              this.specialties = specialties;
          }

          public void print(String first, String second) {
              List<String> asked = new ArrayList<>(List.of(first, second));
              System.out.println(specialties.namesIn(asked));
          }

          public void printStarting(String prefix, String name) {
              System.out.println(specialties.startingIn(prefix, List.of(name)));
          }
      }
      """;

  @Test
  void aSetOfValuesIsKeyedByACopyMadeBeforeTheCall() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir.resolve("set")).java(SPECIALTIES).java(DATABASE).java(SEARCH);
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/Specialties.java");
    assertTrue(after.contains("key = \"new java.util.ArrayList(#p0)\"") && after.contains("condition = \"#p0 != null and "),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    assertTrue(after.contains("key = \"{#p0, new java.util.ArrayList(#p1)}\"")
        && after.contains("condition = \"#p1 != null and "), after);
    assertTrue(MigrationFixture.after(plan, "src/main/java/shop/OptkitCacheConfig.java")
        .contains("registerWeighedWithKey(manager, \"optkit.Specialties.namesIn\""), "weighed with its key");
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    Path classes = fixture.compile(plan);
    String url = "jdbc:h2:mem:specialties" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    System.setProperty("collection.keys.url", url);
    try (var connection = java.sql.DriverManager.getConnection(url); var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE specialty (name VARCHAR(40))");
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      Thread.currentThread().setContextClassLoader(loader);
      context.setClassLoader(loader);
      context.register(loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.')), loader.loadClass("shop.Database"), loader.loadClass("shop.Specialties"));
      context.refresh();
      Object bean = context.getBean(loader.loadClass("shop.Specialties"));
      Method namesIn = bean.getClass().getMethod("namesIn", List.class);
      Method add = bean.getClass().getMethod("add", String.class);
      add.invoke(bean, "dentistry");
      add.invoke(bean, "radiology");
      List<String> asked = new ArrayList<>(List.of("radiology"));
      assertEquals(List.of("radiology"), namesIn.invoke(bean, asked));
      asked.add("dentistry"); // the caller changes its list after the call
      var cache = (com.github.benmanes.caffeine.cache.Cache<?, ?>) context.getBean(org.springframework.cache.CacheManager.class)
          .getCache("optkit.Specialties.namesIn").getNativeCache();
      assertEquals(Set.of(List.of("radiology")), Set.copyOf(cache.asMap().keySet()), "the key holds the values at the call");
      assertTrue(cache.asMap().keySet().stream().noneMatch(key -> key == asked), "the key is a copy, not the argument");
      assertEquals(List.of("dentistry", "radiology"), namesIn.invoke(bean, asked));
      assertEquals(List.of("radiology"), namesIn.invoke(bean, List.of("radiology")), "an equal list is answered from the cache");
      assertEquals(2, cache.estimatedSize());
      // bounded by weight, the key's values counted with the answer's: [radiology] -> [radiology] weighs 2,
      // [radiology, dentistry] -> [dentistry, radiology] weighs 4
      cache.cleanUp();
      assertEquals(6L, cache.policy().eviction().orElseThrow().weightedSize().orElseThrow());
      // a null list skips the cache: the method's own names::contains throws, as before the migration, and no copy did
      var thrown = org.junit.jupiter.api.Assertions.assertThrows(java.lang.reflect.InvocationTargetException.class,
          () -> namesIn.invoke(bean, (Object) null));
      assertTrue(thrown.getCause() instanceof NullPointerException && java.util.Arrays.stream(thrown.getCause()
          .getStackTrace()).anyMatch(frame -> frame.getClassName().startsWith("shop.Specialties")
              && !frame.getClassName().contains("$$")), java.util.Arrays.toString(thrown.getCause().getStackTrace()));
      assertEquals(2, cache.estimatedSize());
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  @Test
  void aPlainCacheAMapOrMutableElementsStillRefuse() {
    MigrationPlan plain = new MigrationFixture(dir.resolve("plain")).java(SPECIALTIES.replace(
        "@org.springframework.stereotype.Service\n", "")).java(DATABASE).plan();
    assertTrue(reasonOf(plain, "namesIn(").map(r -> r.contains("plain Java cache's key")).orElse(false),
        reasonOf(plain, "namesIn(").toString());
    // a method changing the list it is given, itself or through a helper, or handing it to code optkit cannot read: a hit
    // would skip the change
    for (String change : List.of("names.remove(\"x\");", "Trim.trim(names);", "org.example.Sets.prune(names);")) {
      MigrationPlan changed = new MigrationFixture(dir.resolve("c" + change.length())).java(SPECIALTIES.replace(
          "    public List<String> namesIn(List<String> names) {\n",
          "    public List<String> namesIn(List<String> names) {\n        " + change + "\n")).java(DATABASE).java("""
              package shop;
              public class Trim {
                  static void trim(java.util.List<String> names) { names.removeIf(String::isBlank); }
              }
              """).plan();
      assertTrue(reasonOf(changed, "namesIn(").map(r -> r.contains("its argument 'names'")
          && r.endsWith("a change a cache hit would skip")).orElse(false), change + ": " + reasonOf(changed, "namesIn("));
    }
    // a set's answer may depend on its class (review 95: a case-insensitive TreeSet's contains, a LinkedHashSet's
    // order), which no copy keeps; a map; elements that change
    for (String parameter : List.of("Set<String> names", "java.util.Collection<String> names",
        "java.util.Map<String, String> names", "List<StringBuilder> names", "List<? extends CharSequence> names")) {
      MigrationPlan other = new MigrationFixture(dir.resolve("p" + parameter.length())).java(SPECIALTIES
          .replace("public List<String> namesIn(List<String> names)", "public List<String> namesIn(" + parameter + ")")
          .replace(".filter(names::contains)", ".filter(n -> names.toString().contains(n))")).java(DATABASE).plan();
      assertTrue(other.targets().stream().map(CachingTarget::method).noneMatch(m -> m.fact().name().equals("namesIn")),
          parameter);
    }
  }

  /**
   * Hostile review 96: a caller passing an anonymous ArrayList or a list class of the project whose contains ignores
   * case (k02, k03), a list compared by identity with a sentinel (k01), and one filled by Collections.addAll (k04).
   */
  @Test
  void aListOfItsOwnClassAnIdentityComparisonOrAFillRefuse() {
    String anonymous = SEARCH.replace("new ArrayList<>(List.of(first, second));", """
        new ArrayList<>(List.of(first, second)) {
                    @Override
                    public boolean contains(Object o) {
                        return stream().anyMatch(s -> s.equalsIgnoreCase((String) o));
                    }
                };""");
    assertTrue(refusal(SPECIALTIES, anonymous).contains("Search.print() passes asked, which optkit cannot show is a "
        + "list the JDK makes"), refusal(SPECIALTIES, anonymous));
    String own = SEARCH.replace("new ArrayList<>(List.of(first, second));", "new AnyCase(List.of(first, second));")
        + "\nclass AnyCase extends java.util.Vector<String> {\n    AnyCase(java.util.List<String> words) { super(words); }\n}\n";
    assertTrue(refusal(SPECIALTIES, own).contains("Search.print() passes asked"), refusal(SPECIALTIES, own));
    String sentinel = SPECIALTIES.replace("        return jdbc.queryForList(\"SELECT name FROM specialty ORDER BY name\", String.class).stream()\n"
        + "                .filter(names::contains).toList();", "        if (names == ALL) {\n            return List.of(\"*\");\n        }\n"
        + "        return jdbc.queryForList(\"SELECT name FROM specialty ORDER BY name\", String.class).stream()\n"
        + "                .filter(names::contains).toList();").replace("    private final JdbcTemplate jdbc;",
        "    public static final List<String> ALL = new java.util.ArrayList<>();\n    private final JdbcTemplate jdbc;");
    assertTrue(sentinel.contains("names == ALL"), sentinel);
    assertTrue(refusal(sentinel, SEARCH).contains("compares its argument 'names' by identity"), refusal(sentinel, SEARCH));
    String filled = SPECIALTIES.replace("    public List<String> namesIn(List<String> names) {\n",
        "    public List<String> namesIn(List<String> names) {\n        com.google.common.collect.Iterables.addAll(names, List.of(\"x\"));\n");
    assertTrue(refusal(filled, SEARCH).contains("to addAll() as what it fills"), refusal(filled, SEARCH));
  }

  private String refusal(String specialties, String search) {
    MigrationPlan plan = new MigrationFixture(dir.resolve("r" + (specialties + search).hashCode())).java(specialties)
        .java(DATABASE).java(search).plan();
    return reasonOf(plan, "namesIn(").orElse("cached: " + plan.targets());
  }

  private static Optional<String> reasonOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }
}
