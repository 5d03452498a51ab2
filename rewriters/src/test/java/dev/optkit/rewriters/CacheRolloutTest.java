package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The percentage rollout per cache (optkit.cache.rollout.{cache}): the migrated code, compiled and run,
 * caches about the share of distinct keys it is set to, keeps the keys already in when the share
 * grows, and its writers evict whatever the share. The share is measured over 10,000 keys and checked
 * against the binomial: at p = 0.1 the count of keys in has a standard deviation of 30, at p = 0.5 of
 * 50; the bounds are five of them either side, so a uniform hash fails them about once in 1.7 million.
 */
class CacheRolloutTest {
  private static final int KEYS = 10_000;

  @TempDir Path dir;

  /** A plain Java service (the user policy: 10,000 entries, room for half the keys): reads a profile over HTTP, writes one (which invalidates the cache). */
  static final String NAMES = """
      package shop;

      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      public class Names {
          private final HttpClient http = HttpClient.newHttpClient();
          private final String base = System.getProperty("rollout.test.base");

          public String profile(String id) throws IOException, InterruptedException {
              return "name of " + id + http.send(HttpRequest.newBuilder(URI.create(base + "/names/" + id)).GET().build(),
                      HttpResponse.BodyHandlers.ofString()).body();
          }

          public void rename(String id, String name) throws IOException, InterruptedException {
              http.send(HttpRequest.newBuilder(URI.create(base + "/names/" + id))
                      .PUT(HttpRequest.BodyPublishers.ofString(name)).build(), HttpResponse.BodyHandlers.discarding());
          }
      }
      """;

  /** The same service as a Spring bean. */
  static final String NAMES_BEAN = NAMES.replace("public class Names", "@org.springframework.stereotype.Service\npublic class Names");

  private HttpServer server;
  private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

  @BeforeEach
  void startService() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/names/", exchange -> {
      String id = exchange.getRequestURI().getPath().substring("/names/".length());
      if (exchange.getRequestMethod().equals("GET")) {
        reads.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      } else {
        exchange.getRequestBody().readAllBytes();
      }
      // no body: one write per answer, which Nagle's algorithm does not hold back for the client's delayed ACK
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
    System.setProperty("rollout.test.base", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopService() {
    server.stop(0);
    System.clearProperty("rollout.test.base");
    System.clearProperty("optkit.cache.rollout.optkit.Names.profile");
  }

  /** A fixture migrated with the percentage rollout on (cache.rollout: true, --rollout): it is off by default. */
  private MigrationFixture rolledOut() {
    return new MigrationFixture(dir).config(dev.optkit.analyzers.config.OptkitConfig.defaults().withRollout());
  }

  @Test
  void plainJavaCachesATenthAtTenPercentAndKeepsThemAtFifty() throws Exception {
    MigrationFixture fixture = rolledOut().java(NAMES).createdOnce("shop.Names", "");
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("profile"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Names.java");
    assertTrue(after.contains("if (OptkitCaching.disabled() || id == null\n"
        + "                || !OptkitCaching.inRollout(\"optkit.Names.profile\", id)) {\n"
        + "            return profileUncached(id);"), after);
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object names = loader.loadClass("shop.Names").getConstructor().newInstance();
      Method read = names.getClass().getMethod("profile", String.class);
      Method write = names.getClass().getMethod("rename", String.class, String.class);
      rollsOut(id -> read.invoke(names, id), (id, value) -> write.invoke(names, id, value));
    }
  }

  /**
   * The switch reads a test resource, put where a module's tests write cached data inside a test (trial 88): on the
   * class path, every cache is off; without it, the switch is as it was.
   */
  @Test
  void theCachesAreOffWhereTheTestsMarkerIsOnTheClassPath() throws Exception {
    MigrationFixture fixture = rolledOut().java(NAMES).createdOnce("shop.Names", "");
    Path classes = fixture.compile(fixture.plan());
    Path testResources = dir.resolve("test-resources");
    java.nio.file.Files.createDirectories(testResources.resolve("META-INF/optkit"));
    java.nio.file.Files.writeString(testResources.resolve(
        dev.optkit.rewriters.caching.text.CacheSwitchFile.OFF_IN_TESTS_MARKER), "tests write their data\n");
    try (URLClassLoader tests = new URLClassLoader(new URL[] {classes.toUri().toURL(), testResources.toUri().toURL()},
            getClass().getClassLoader());
        URLClassLoader production = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      assertEquals(true, tests.loadClass("shop.OptkitCaching").getMethod("disabled").invoke(null));
      assertEquals(false, production.loadClass("shop.OptkitCaching").getMethod("disabled").invoke(null));
    }
  }

  /**
   * A project on OpenFeature: the percentage is its provider's flag (here the SDK's in-memory
   * provider), which wins over the system property (set to 100 to show it).
   */
  @Test
  void withOpenFeatureThePercentageIsTheProvidersFlag() throws Exception {
    MigrationFixture fixture = plainNamesWith("dev.openfeature", "sdk", "1.22.0");
    MigrationPlan plan = plannedProfile(fixture);
    String emergencySwitch = MigrationFixture.after(plan, "src/main/java/shop/OptkitCaching.java");
    assertTrue(emergencySwitch.contains(
        "Double flag = FLAGS.getDoubleValue(\"optkit.cache.rollout.\" + cache, Double.NaN);"), emergencySwitch);
    Path classes = fixture.compile(plan);
    dev.openfeature.sdk.OpenFeatureAPI api = dev.openfeature.sdk.OpenFeatureAPI.getInstance();
    dev.openfeature.sdk.providers.memory.InMemoryProvider flags =
        new dev.openfeature.sdk.providers.memory.InMemoryProvider(Map.of());
    api.setProviderAndWait("optkit", flags);
    System.setProperty("optkit.cache.rollout.optkit.Names.profile", "100");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object names = loader.loadClass("shop.Names").getConstructor().newInstance();
      Method read = names.getClass().getMethod("profile", String.class);
      Method write = names.getClass().getMethod("rename", String.class, String.class);
      rollsOut(id -> read.invoke(names, id), (id, value) -> write.invoke(names, id, value),
          percent -> flags.updateFlag("optkit.cache.rollout.optkit.Names.profile",
              dev.openfeature.sdk.providers.memory.Flag.builder().variant("set", percent).defaultVariant("set").build()));
    } finally {
      api.setProviderAndWait("optkit", new dev.openfeature.sdk.NoOpProvider());
    }
  }

  /** A Togglz feature named as the cache's environment variable, as a project declares one in its feature enum. */
  enum RolloutFeatures implements org.togglz.core.Feature {
    OPTKIT_CACHE_ROLLOUT_OPTKIT_NAMES_PROFILE
  }

  /**
   * A project on Togglz: the percentage is the gradual strategy's of the feature OPTKIT_CACHE_ROLLOUT_{CACHE}, read
   * through FeatureContext as the project's enums read theirs, over the system property (set to 100 to show it);
   * the feature switched off is 0 (a write still evicts), and with no such feature the property decides.
   */
  @Test
  void withTogglzThePercentageIsTheGradualFeaturesShare() throws Exception {
    MigrationFixture fixture = plainNamesWith("org.togglz", "togglz-core", "4.4.0");
    MigrationPlan plan = plannedProfile(fixture);
    String emergencySwitch = MigrationFixture.after(plan, "src/main/java/shop/OptkitCaching.java");
    assertTrue(emergencySwitch.contains("double toggled = togglzPercent(cache);"), emergencySwitch);
    Path classes = fixture.compile(plan);
    org.togglz.core.manager.FeatureManager features = rolloutFeatures();
    org.togglz.core.context.StaticFeatureManagerProvider.setFeatureManager(features);
    org.togglz.core.context.FeatureContext.clearCache();
    System.setProperty("optkit.cache.rollout.optkit.Names.profile", "100");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object names = loader.loadClass("shop.Names").getConstructor().newInstance();
      Method read = names.getClass().getMethod("profile", String.class);
      Method write = names.getClass().getMethod("rename", String.class, String.class);
      rollsOut(id -> read.invoke(names, id), (id, value) -> write.invoke(names, id, value),
          gradual(features));
      Method share = loader.loadClass("shop.OptkitCaching").getMethod("rolloutPercent", String.class);
      assertEquals(50.0, share.invoke(null, "optkit.Names.profile"), "the feature's share, over the property's 100");
      System.setProperty("optkit.cache.rollout.optkit.Names.other", "30");
      assertEquals(30.0, share.invoke(null, "optkit.Names.other"), "no feature of that cache: the property decides");
    } finally {
      System.clearProperty("optkit.cache.rollout.optkit.Names.other");
      org.togglz.core.context.StaticFeatureManagerProvider.setFeatureManager(null);
      org.togglz.core.context.FeatureContext.clearCache();
    }
  }

  @Test
  void springCachesATenthAtTenPercentAndKeepsThemAtFifty() throws Exception {
    MigrationFixture fixture = rolledOut().file("pom.xml", RedisBackendTest.BOOT_POM).java(NAMES_BEAN);
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("profile"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Names.java");
    assertTrue(after.contains("condition = \"#p0 != null and !T(shop.OptkitCaching).disabled() "
        + "and T(shop.OptkitCaching).inRollout('optkit.Names.profile', #p0)\""), after);
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    Path classes = fixture.compile(plan);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      Thread.currentThread().setContextClassLoader(loader); // SpEL finds T(shop.OptkitCaching) through it
      context.setClassLoader(loader);
      context.register(loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.')), loader.loadClass("shop.Names"));
      context.refresh();
      Object names = context.getBean(loader.loadClass("shop.Names"));
      Method read = names.getClass().getMethod("profile", String.class);
      Method write = names.getClass().getMethod("rename", String.class, String.class);
      rollsOut(id -> read.invoke(names, id), (id, value) -> write.invoke(names, id, value));
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
    }
  }

  /**
   * Togglz in a Spring application (review 75): FeatureContext found no manager without spring-web, where every cached
   * read threw, nor from a ForkJoinPool's threads. The configuration hands the switch the application's FeatureManager
   * bean, and the rollout follows that bean's feature with no provider FeatureContext could find.
   */
  @Test
  void withTogglzInSpringTheConfigurationHandsTheSwitchTheApplicationsFeatureManager() throws Exception {
    MigrationFixture fixture = rolledOut().file("pom.xml", RedisBackendTest.BOOT_POM.replace(
            "</dependencies>", "<dependency><groupId>org.togglz</groupId><artifactId>togglz-core</artifactId>"
                + "<version>4.4.0</version></dependency>\n</dependencies>"))
        .java(NAMES_BEAN);
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("profile"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    String configText = MigrationFixture.after(plan, config);
    assertTrue(configText.contains("features.ifAvailable(shop.OptkitCaching::useTogglz);"), configText);
    Path classes = fixture.compile(plan);
    org.togglz.core.manager.FeatureManager features = rolloutFeatures();
    org.togglz.core.context.StaticFeatureManagerProvider.setFeatureManager(null);
    org.togglz.core.context.FeatureContext.clearCache();
    System.setProperty("optkit.cache.rollout.optkit.Names.profile", "100");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      Thread.currentThread().setContextClassLoader(loader);
      context.setClassLoader(loader);
      context.registerBean(org.togglz.core.manager.FeatureManager.class, () -> features);
      context.register(loader.loadClass(config.substring("src/main/java/".length(), config.length() - ".java".length())
          .replace('/', '.')), loader.loadClass("shop.Names"));
      context.refresh();
      Object names = context.getBean(loader.loadClass("shop.Names"));
      Method read = names.getClass().getMethod("profile", String.class);
      Method write = names.getClass().getMethod("rename", String.class, String.class);
      rollsOut(id -> read.invoke(names, id), (id, value) -> write.invoke(names, id, value),
          gradual(features));
    } finally {
      Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
      org.togglz.core.context.FeatureContext.clearCache();
    }
  }

  /** The plain Java Names in a module whose pom has one dependency (a feature flag library). */
  private MigrationFixture plainNamesWith(String groupId, String artifactId, String version) {
    return rolledOut().file("pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId>"
            + "<artifactId>names</artifactId><version>1</version><dependencies><dependency><groupId>" + groupId
            + "</groupId><artifactId>" + artifactId + "</artifactId><version>" + version
            + "</version></dependency></dependencies></project>")
        .java(NAMES).createdOnce("shop.Names", "");
  }

  /** The plan, which caches Names.profile and nothing else. */
  private static MigrationPlan plannedProfile(MigrationFixture fixture) {
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("profile"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    return plan;
  }

  /** A feature manager of the rollout feature, its state in memory. */
  private static org.togglz.core.manager.FeatureManager rolloutFeatures() {
    return new org.togglz.core.manager.FeatureManagerBuilder().featureEnum(RolloutFeatures.class)
        .stateRepository(new org.togglz.core.repository.mem.InMemoryStateRepository())
        .userProvider(new org.togglz.core.user.NoOpUserProvider()).build();
  }

  /** Sets the rollout feature: off at 0, else on with Togglz's gradual strategy at that percentage. */
  private static Percent gradual(org.togglz.core.manager.FeatureManager features) {
    return percent -> features.setFeatureState(percent == 0
        ? new org.togglz.core.repository.FeatureState(RolloutFeatures.OPTKIT_CACHE_ROLLOUT_OPTKIT_NAMES_PROFILE, false)
        : new org.togglz.core.repository.FeatureState(RolloutFeatures.OPTKIT_CACHE_ROLLOUT_OPTKIT_NAMES_PROFILE, true)
            .setStrategyId(org.togglz.core.activation.GradualActivationStrategy.ID)
            .setParameter(org.togglz.core.activation.GradualActivationStrategy.PARAM_PERCENTAGE,
                String.valueOf((int) percent)));
  }

  interface Read {
    Object of(String id) throws Exception;
  }

  interface Write {
    void of(String id, String value) throws Exception;
  }

  interface Percent {
    void set(double percent) throws Exception;
  }

  /** 10% then 50% of 10,000 keys, measured by which second reads the service never saw. */
  private void rollsOut(Read read, Write write) throws Exception {
    rollsOut(read, write, percent -> System.setProperty("optkit.cache.rollout.optkit.Names.profile",
        String.valueOf((int) percent)));
  }

  private void rollsOut(Read read, Write write, Percent rollout) throws Exception {
    rollout.set(10);
    Set<String> inAtTen = cachedAfterTwoPasses(read);
    assertTrue(Math.abs(inAtTen.size() - 1_000) <= 150, "keys using the cache at 10%: " + inAtTen.size() + " of " + KEYS);

    rollout.set(50);
    Map<String, Integer> before = snapshot();
    for (String id : inAtTen) {
      assertEquals("name of " + id, read.of(id));
    }
    assertEquals(before, snapshot(), "a key in at 10% is still in at 50%: answered from the cache");
    Set<String> inAtFifty = cachedAfterTwoPasses(read);
    assertTrue(Math.abs(inAtFifty.size() - 5_000) <= 250, "keys using the cache at 50%: " + inAtFifty.size());
    assertTrue(inAtFifty.containsAll(inAtTen), "every key in at 10% is in at 50%");

    // a writer evicts whatever the percentage, even at 0 where no read uses the cache
    rollout.set(0);
    String kept = new TreeSet<>(inAtTen).first();
    write.of(kept, "renamed");
    rollout.set(50);
    int readsBefore = reads.get(kept).get();
    read.of(kept);
    assertEquals(readsBefore + 1, reads.get(kept).get(), "the write at 0% evicted the entry");
  }

  /** Reads every key twice; the keys whose second read was answered without the service. */
  private Set<String> cachedAfterTwoPasses(Read read) throws Exception {
    readAll(read);
    Map<String, Integer> first = snapshot();
    readAll(read);
    Map<String, Integer> second = snapshot();
    Set<String> cached = new TreeSet<>();
    for (int i = 0; i < KEYS; i++) {
      String id = "key-" + i;
      if (second.get(id).equals(first.get(id))) {
        cached.add(id);
      }
    }
    return cached;
  }

  /** Every key once, on 8 threads (each read of a key that is out is a round trip). */
  private static void readAll(Read read) throws Exception {
    java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Object>> reads = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        String id = "key-" + i;
        reads.add(pool.submit(() -> {
          assertEquals("name of " + id, read.of(id));
          return null;
        }));
      }
      for (java.util.concurrent.Future<Object> done : reads) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private Map<String, Integer> snapshot() {
    Map<String, Integer> counts = new java.util.HashMap<>();
    reads.forEach((id, count) -> counts.put(id, count.get()));
    return counts;
  }

  /** Generated code is for the project's Java, 8 at the lowest: the switch reads records by reflection. */
  @Test
  void theSwitchCompilesForJava8() throws Exception {
    Path source = dir.resolve("shop/OptkitCaching.java");
    java.nio.file.Files.createDirectories(source.getParent());
    java.nio.file.Files.writeString(source, dev.optkit.rewriters.caching.text.CacheSwitchFile.create("shop", "    ", "\n"));
    java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
    int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics, "--release", "8",
        "-Xlint:-options", "-d", dir.resolve("classes").toString(), source.toString());
    assertEquals("", status == 0 ? "" : diagnostics.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * An enum's hashCode is its identity, another in each JVM: the same constants loaded twice (as in two
   * JVMs) fall in the same buckets, as do records of them, which Object.hashCode would not give.
   */
  @Test
  void aKeysBucketIsTheSameWhereverItsClassesAreLoaded() throws Exception {
    MigrationFixture fixture = rolledOut().java(NAMES).createdOnce("shop.Names", "").java("""
        package shop;

        public record Region(String code, Zone zone) {
            public enum Zone { NORTH, SOUTH, EAST, WEST }
        }
        """);
    Path classes = fixture.compile(fixture.plan());
    List<List<Integer>> buckets = new ArrayList<>();
    List<List<Integer>> identities = new ArrayList<>();
    for (int load = 0; load < 2; load++) {
      try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
        Method bucket = loader.loadClass("shop.OptkitCaching").getMethod("bucket", String.class, Object[].class);
        Class<?> zone = loader.loadClass("shop.Region$Zone");
        Object[] zones = zone.getEnumConstants();
        var region = loader.loadClass("shop.Region").getConstructor(String.class, zone);
        List<Integer> these = new ArrayList<>();
        List<Integer> identity = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          Object key = region.newInstance("r" + i, zones[i % zones.length]);
          these.add((Integer) bucket.invoke(null, "optkit.Regions.of", new Object[] {key, zones[(i + 1) % zones.length], i}));
          identity.add(Math.floorMod(zones[i % zones.length].hashCode(), 10000));
        }
        buckets.add(these);
        identities.add(identity);
      }
    }
    assertTrue(!identities.get(0).equals(identities.get(1)), "the enum's hashCode differs between the two loads");
    assertEquals(buckets.get(0), buckets.get(1));
    assertTrue(new TreeSet<>(buckets.get(0)).size() > 350, "400 keys spread over the buckets: " + buckets.get(0));
  }
}
