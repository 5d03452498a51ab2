package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configuration migrate writes for Spring before 5.2.8, run on that Spring: the migrated DAO and OptkitCacheConfig
 * compiled for Java 8 against Spring 5.1.20, 5.0.20 or 4.3.30 alone (the jars the build copies to target/spring-5.1,
 * target/spring-5.0 and target/spring-4.3), in a Spring context of that version over H2 with DataSourceTransactionManager, the transaction
 * interceptor outside or inside the cache interceptor (src/test/resources/spring-before-528-runtime/harness). After
 * each write, committed, rolled back, or overlapping a load, the cache serves what the database holds. Spring 5.1 runs
 * in a class loader of its own; Spring 4.3's and 5.0's CGLIB defines classes through ClassLoader.defineClass, which Java 17
 * opens only to a JVM started with java.lang opened, so they run in one.
 */
class SpringBefore528RuntimeTest {
  private static final String HARNESS = "/spring-before-528-runtime/harness/";

  @TempDir Path dir;

  /** The countries DAO of SpringBefore528Test, its write in a transaction of its own. */
  private static MigrationFixture countries(Path root, String springVersion, String moreDependencies) {
    return new MigrationFixture(root).file("pom.xml", SpringBefore528Test.pom(springVersion, moreDependencies))
        .java(MigrationSafetyTest.bean("CountryDao", "Repository", """
            import org.springframework.stereotype.Repository;
            import org.springframework.transaction.annotation.Transactional;""", """
                public String countryName(String code) {
                    return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
                }

                @Transactional
                public void rename(String code, String name) {
                    jdbc.update("UPDATE country SET name = ? WHERE code = ?", name, code);
                }
            """));
  }

  private static List<Path> jars(String... folders) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String folder : folders) {
      try (Stream<Path> files = Files.list(Path.of("target", folder))) {
        files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
      }
    }
    return jars;
  }

  /** The migrated code and these harness classes, compiled for Java 8 against the jars alone. */
  private Path compiled(MigrationFixture fixture, List<Path> jars, String... harness) throws IOException {
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("countryName"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().toString());
    Path migrated = fixture.compileAgainstOnly(plan, "8", jars);
    Path sources = Files.createDirectories(dir.resolve("harness-sources/harness"));
    List<String> arguments = new ArrayList<>(List.of("-d", migrated.toString(), "-proc:none", "--release", "8",
        "-Xlint:-options", "-cp", migrated + File.pathSeparator + String.join(File.pathSeparator,
            jars.stream().map(Path::toString).toList())));
    for (String name : harness) {
      try (InputStream source = getClass().getResourceAsStream(HARNESS + name + ".java")) {
        Path file = sources.resolve(name + ".java");
        Files.write(file, source.readAllBytes());
        arguments.add(file.toString());
      }
    }
    java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));
    assertEquals("", status == 0 ? "" : diagnostics.toString(StandardCharsets.UTF_8), "the harness must compile");
    return migrated;
  }

  /** A class loader of the classes and the jars alone, above the JDK's platform classes (java.sql for H2). */
  private static URLClassLoader isolated(Path classes, List<Path> jars) throws IOException {
    List<URL> urls = new ArrayList<>(List.of(classes.toUri().toURL()));
    for (Path jar : jars) {
      urls.add(jar.toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  @SuppressWarnings("unchecked")
  private static <T> T call(URLClassLoader loader, String type, String method, Object... arguments) throws Exception {
    Class<?>[] parameters = new Class<?>[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      parameters[i] = arguments[i] instanceof Boolean ? boolean.class : arguments[i].getClass();
    }
    ClassLoader caller = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(loader);
    try {
      return (T) loader.loadClass(type).getMethod(method, parameters).invoke(null, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      Thread.currentThread().setContextClassLoader(caller);
    }
  }

  /** Spring 4.3 in a JVM of its own, java.lang opened to its CGLIB: the harness's lines, name TAB answer. */
  private static Map<String, String> inOwnJvm(Path classes, List<Path> jars, boolean transactionOuter)
      throws IOException, InterruptedException {
    List<String> classPath = new ArrayList<>(List.of(classes.toString()));
    jars.forEach(jar -> classPath.add(jar.toString()));
    Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-cp", String.join(File.pathSeparator, classPath),
        "harness.Interleavings", Boolean.toString(transactionOuter)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, java.waitFor(), out);
    Map<String, String> served = new LinkedHashMap<>();
    out.lines().map(line -> line.split("\t", 2)).filter(parts -> parts.length == 2)
        .forEach(parts -> served.put(parts[0], parts[1]));
    return served;
  }

  /** What the cache served after each write is what the database holds. */
  private static void assertFresh(Map<String, String> served, boolean transactionOuter) {
    assertEquals(transactionOuter ? "TransactionInterceptor,CacheInterceptor" : "CacheInterceptor,TransactionInterceptor",
        served.get("advisors"));
    assertEquals("Francia", served.get("readAfterCommittedWrite"), "a read after a committed write");
    assertEquals("Francia", served.get("ownWriteInTransaction"), "a transaction reads its own write");
    assertEquals("Francia", served.get("readAfterThatTransaction"));
    assertEquals("Espagne", served.get("ownWriteAfterOwnRead"), "a transaction that read before its write reads it");
    assertEquals("Espagne", served.get("readAfterThatSecondTransaction"));
    assertEquals("France database:France", served.get("readAfterRolledBackWrite"), "a rolled-back write is not cached");
    assertEquals("Committed database:Committed", served.get("readAfterWriteThatThrewAndCommitted"),
        "a write whose method threw a checked exception commits, with no eviction after it");
    assertEquals("France", served.get("loadOverlappingWriteReturned"), "the load read the row before the write");
    assertEquals("Francia", served.get("readAfterLoadOverlappingWrite"), "a load that overlapped a write is not stored");
  }

  @ParameterizedTest(name = "transaction interceptor outer: {0}")
  @ValueSource(booleans = {true, false})
  void onSpring51TheCacheServesWhatTheDatabaseHoldsAfterEachWrite(boolean transactionOuter) throws Exception {
    List<Path> jars = jars("spring-5.1", "spring-runtime");
    Path classes = compiled(countries(dir, "5.1.20.RELEASE", ""), jars, "Interleavings");
    try (URLClassLoader loader = isolated(classes, jars)) {
      assertFresh(call(loader, "harness.Interleavings", "run", transactionOuter), transactionOuter);
    }
  }

  /** Spring Framework 5.0, Spring Boot 2.0's: the version between the two above. */
  @ParameterizedTest(name = "transaction interceptor outer: {0}")
  @ValueSource(booleans = {true, false})
  void onSpring50TheCacheServesWhatTheDatabaseHoldsAfterEachWrite(boolean transactionOuter) throws Exception {
    List<Path> jars = jars("spring-5.0", "spring-runtime");
    Path classes = compiled(countries(dir, "5.0.20.RELEASE", ""), jars, "Interleavings");
    // its CGLIB defines classes as 4.3's does: a JVM of its own that opens java.lang to it
    assertFresh(inOwnJvm(classes, jars, transactionOuter), transactionOuter);
  }

  @ParameterizedTest(name = "transaction interceptor outer: {0}")
  @ValueSource(booleans = {true, false})
  void onSpring43TheCacheServesWhatTheDatabaseHoldsAfterEachWrite(boolean transactionOuter) throws Exception {
    List<Path> jars = jars("spring-4.3", "spring-runtime");
    Path classes = compiled(countries(dir, "4.3.30.RELEASE", ""), jars, "Interleavings");
    assertFresh(inOwnJvm(classes, jars, transactionOuter), transactionOuter);
  }

  /**
   * Spring Boot 2 tags a cache's meters cacheManager (Boot 3: cache.manager): the configuration's binding and Boot's own
   * share one set of tag keys, so Prometheus takes both (one meter per id) instead of failing the application's start.
   */
  @Test
  void itsCacheMetersAndSpringBoot21sOwnShareTheirTagKeysInPrometheus() throws Exception {
    List<Path> jars = jars("spring-5.1", "spring-runtime", "spring-boot-2.1");
    // a Spring Boot 2.1.11 module (its BOM imported), whose binder's tag key the configuration takes
    String bootPom = SpringBefore528Test.pom("5.1.20.RELEASE", """
        <dependency>
          <groupId>io.micrometer</groupId>
          <artifactId>micrometer-core</artifactId>
          <version>1.1.19</version>
        </dependency>""").replace("<dependencies>", """
        <dependencyManagement><dependencies><dependency>
          <groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-dependencies</artifactId>
          <version>2.1.11.RELEASE</version>
          <type>pom</type>
          <scope>import</scope>
        </dependency></dependencies></dependencyManagement>
        <dependencies>""".strip());
    Path classes = compiled(countries(dir, "5.1.20.RELEASE", "").file("pom.xml", bootPom), jars, "BootCacheMetrics");
    try (URLClassLoader loader = isolated(classes, jars)) {
      Set<String> ids = call(loader, "harness.BootCacheMetrics", "bind");
      assertEquals(Set.of(
          "cache=optkit.CountryDao.countryName,cacheManager=optkit,name=optkit.CountryDao.countryName,result=hit",
          "cache=optkit.CountryDao.countryName,cacheManager=optkit,name=optkit.CountryDao.countryName,result=miss"),
          ids);
    }
  }
}
