package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs of the migrated Spring service (RedisBackendTest's settings service), one real Redis: writes
 * through instance A interleaved with reads through instance B, each answer compared with what the
 * source holds at that moment. With the redis backend no answer differs; with local, B answers from its
 * own cache what A's write changed (the stale reads issue 25 is about). Each run's hit rate, source calls
 * saved and read latencies (HdrHistogram, as B's caller sees them, the source answering in about 2 ms)
 * are printed and written to target/two-instances.txt; docs/cache-backends.md quotes them.
 */
class TwoInstancesTest {
  private static final int SETTINGS = 20;
  private static final int ROUNDS = 1_000;
  private static final int BLOCKS = 3;

  @TempDir Path dir;
  /** The migrated, compiled service, once per backend for the whole class (two tests run the redis one). */
  @TempDir static Path builds;
  private static final Map<String, Migrated> BUILT = new java.util.HashMap<>();
  private SettingsSource source;
  private Map<String, String> stored;
  private AtomicInteger sourceReads;

  @BeforeEach
  void startSource() throws Exception {
    source = new SettingsSource(2); // a remote source's round trip: about 2 ms
    stored = source.stored;
    sourceReads = source.reads;
  }

  @AfterEach
  void stopSource() throws IOException {
    source.close();
  }

  @Test
  void withRedisNoReadThroughTheOtherInstanceIsStale() throws Exception {
    try (RedisServer redis = RedisServer.start()) {
      Run run = run("redis", redis.port());
      assertEquals(0, run.stale, run.toString());
      assertTrue(run.hits > 0, run.toString());
    }
  }

  @Test
  void withLocalCachesTheOtherInstanceAnswersStale() throws Exception {
    Run run = run("local", 0);
    assertTrue(run.stale > 0, "local caches: a write through A leaves B's entry stale: " + run);
  }

  /**
   * two-level against redis in one run: a pair of JVMs for each (each pair its own Redis and its own
   * source, so neither sees the other's writes), the same interleaving of writes through A and reads
   * through B, block by block in turn (one block each unless measuring: {@link #ALTERNATE_BLOCKS}), so that the
   * machine's load weighs on both alike. No answer through
   * B differs from the source with either; the figures (B's local and Redis hits, p50/p95 per block and
   * their ratio) go to target/two-instances.txt.
   */
  @Test
  void twoLevelAgainstRedisInAlternateBlocksNeverAnswersStale() throws Exception {
    Migrated redisBuild = migrated("redis");
    Migrated twoLevelBuild = migrated("two-level");
    try (SettingsSource redisSource = new SettingsSource(2); SettingsSource twoLevelSource = new SettingsSource(2);
        RedisServer redisServer = RedisServer.start(); RedisServer twoLevelServer = RedisServer.start()) {
      for (int i = 0; i < SETTINGS; i++) {
        redisSource.stored.put("s" + i, "v0");
        twoLevelSource.stored.put("s" + i, "v0");
      }
      try (Instance redisA = new Instance(redisSource, redisBuild.classes(), redisBuild.configClass(), redisServer.port());
          Instance redisB = new Instance(redisSource, redisBuild.classes(), redisBuild.configClass(), redisServer.port());
          Instance twoLevelA = new Instance(twoLevelSource, twoLevelBuild.classes(), twoLevelBuild.configClass(),
              twoLevelServer.port());
          Instance twoLevelB = new Instance(twoLevelSource, twoLevelBuild.classes(), twoLevelBuild.configClass(),
              twoLevelServer.port())) {
        for (int i = 0; i < SETTINGS; i++) {
          redisB.read("s" + i);
          twoLevelB.read("s" + i);
        }
        List<String> lines = new ArrayList<>();
        for (int writeEvery : new int[] {10, 100}) {
          Block redisTotal = Block.NONE;
          Block twoLevelTotal = Block.NONE;
          List<Double> p50Ratios = new ArrayList<>();
          List<Double> p95Ratios = new ArrayList<>();
          for (int block = 0; block < ALTERNATE_BLOCKS; block++) {
            long seed = writeEvery * 1000L + block; // the same interleaving for both backends
            Block redis = block(redisA, redisB, redisSource, new Random(seed), writeEvery);
            Block twoLevel = block(twoLevelA, twoLevelB, twoLevelSource, new Random(seed), writeEvery);
            redisTotal = redisTotal.plus(redis);
            twoLevelTotal = twoLevelTotal.plus(twoLevel);
            p50Ratios.add(twoLevel.p50 / redis.p50);
            p95Ratios.add(twoLevel.p95 / redis.p95);
            lines.add(String.format("two-level vs redis, a write every %d reads, block %d: redis %s; two-level %s",
                writeEvery, block + 1, redis, twoLevel));
          }
          assertEquals(0, redisTotal.stale, "redis: " + redisTotal);
          assertEquals(0, twoLevelTotal.stale, "two-level: " + twoLevelTotal);
          assertTrue(twoLevelTotal.localHits > 0, "B answers from its own level: " + twoLevelTotal);
          java.util.Collections.sort(p50Ratios);
          java.util.Collections.sort(p95Ratios);
          lines.add(String.format("two-level vs redis, a write every %d reads, %d blocks of %d: redis %s; two-level %s; "
              + "two-level/redis p50 ratio median %.2f (%.2f..%.2f), p95 ratio median %.2f (%.2f..%.2f)", writeEvery,
              ALTERNATE_BLOCKS, ROUNDS, redisTotal, twoLevelTotal, median(p50Ratios), p50Ratios.get(0),
              p50Ratios.get(p50Ratios.size() - 1), median(p95Ratios), p95Ratios.get(0), p95Ratios.get(p95Ratios.size() - 1)));
        }
        for (String line : lines) {
          System.out.println(line);
          Files.writeString(Path.of("target", "two-instances.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
      }
    }
  }

  /**
   * Blocks per backend: one in the suite, which asserts staleness and local hits only; the figures of
   * docs/cache-backends.md are measured with {@code -Doptkit.twoInstances.blocks=5}.
   */
  private static final int ALTERNATE_BLOCKS = Integer.getInteger("optkit.twoInstances.blocks", 1);

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** One block's figures: reads through B, stale answers, hits (B's local level's among them), p50 and p95 in ms. */
  private record Block(int reads, int writes, int stale, int hits, long localHits, double p50, double p95) {
    static final Block NONE = new Block(0, 0, 0, 0, 0, Double.NaN, Double.NaN);

    Block plus(Block other) {
      return new Block(reads + other.reads, writes + other.writes, stale + other.stale, hits + other.hits,
          localHits + other.localHits, Double.NaN, Double.NaN);
    }

    @Override
    public String toString() {
      return String.format("%d reads, %d writes, %d stale, hit rate %.1f%% (local level %.1f%%, Redis %.1f%%)%s", reads,
          writes, stale, 100.0 * hits / reads, 100.0 * localHits / reads, 100.0 * (hits - localHits) / reads,
          Double.isNaN(p50) ? "" : String.format(", p50 %.3f ms, p95 %.3f ms", p50, p95));
    }
  }

  private Block block(Instance a, Instance b, SettingsSource source, Random random, int writeEvery) throws IOException {
    Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
    long localBefore = b.level()[0];
    int writes = 0;
    int stale = 0;
    int hits = 0;
    for (int round = 0; round < ROUNDS; round++) {
      String name = "s" + random.nextInt(SETTINGS);
      if (random.nextInt(writeEvery) == 0) {
        a.write(name, "v" + writeEvery + "." + round + "." + random.nextInt(1000));
        writes++;
      }
      int before = source.reads.get();
      String truth = source.stored.get(name);
      String[] answer = b.read(name).split("\t");
      latencies.recordValue(Long.parseLong(answer[1]));
      if (!answer[0].equals(truth)) {
        stale++;
      }
      if (source.reads.get() == before) {
        hits++;
      }
    }
    return new Block(ROUNDS, writes, stale, hits, b.level()[0] - localBefore, latencies.getValueAtPercentile(50) / 1e6,
        latencies.getValueAtPercentile(95) / 1e6);
  }

  /** What one backend's run measured. */
  private record Run(String backend, int reads, int writes, int stale, int hits, String latency) {
    @Override
    public String toString() {
      return String.format("%s: %d reads through B, %d writes through A, %d stale answers, hit rate %.1f%% "
          + "(%d source calls saved), B's read latency %s", backend, reads, writes, stale, 100.0 * hits / reads, hits, latency);
    }
  }

  /**
   * The settings service migrated with the backend and compiled: its classes and its configuration class. Built
   * once per backend; each test starts its own JVMs, Redis and source on it.
   */
  private static Migrated migrated(String backend) throws Exception {
    Migrated built = BUILT.get(backend);
    if (built == null) {
      built = build(backend);
      BUILT.put(backend, built);
    }
    return built;
  }

  private static Migrated build(String backend) throws Exception {
    MigrationFixture fixture = new MigrationFixture(Files.createDirectories(builds.resolve(backend)))
        .file("pom.xml", RedisBackendTest.BOOT_POM).java(RedisBackendTest.SETTING).java(RedisBackendTest.SETTINGS)
        .config(OptkitConfig.defaults().withCacheBackend(backend));
    MigrationPlan plan = fixture.plan();
    assertEquals(List.of("setting"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    Path classes = fixture.compile(plan, null, List.of(RedisBackendTest.springDataRedisJar()));
    return new Migrated(classes,
        config.substring("src/main/java/".length(), config.length() - ".java".length()).replace('/', '.'));
  }

  private record Migrated(Path classes, String configClass) {}

  private Run run(String backend, int redisPort) throws Exception {
    Migrated migrated = migrated(backend);
    Path classes = migrated.classes();
    String configClass = migrated.configClass();
    for (int i = 0; i < SETTINGS; i++) {
      stored.put("s" + i, "v0");
    }
    try (Instance a = new Instance(classes, configClass, redisPort); Instance b = new Instance(classes, configClass, redisPort)) {
      Random random = new Random(25); // the same interleaving for both backends
      for (int i = 0; i < SETTINGS; i++) {
        b.read("s" + i); // warm: B holds every setting before the first write
        a.read("s" + i);
      }
      List<Run> runs = new ArrayList<>();
      for (int writeEvery : new int[] {10, 100}) {
        List<String> blocks = new ArrayList<>();
        int reads = 0;
        int writes = 0;
        int stale = 0;
        int hits = 0;
        for (int block = 0; block < BLOCKS; block++) {
          Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
          for (int round = 0; round < ROUNDS; round++) {
            String name = "s" + random.nextInt(SETTINGS);
            if (random.nextInt(writeEvery) == 0) {
              a.write(name, "v" + writeEvery + "." + block + "." + round);
              writes++;
            }
            int before = sourceReads.get();
            String truth = stored.get(name);
            String[] answer = b.read(name).split("\t");
            latencies.recordValue(Long.parseLong(answer[1]));
            reads++;
            if (!answer[0].equals(truth)) {
              stale++;
            }
            if (sourceReads.get() == before) {
              hits++;
            }
          }
          blocks.add(String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", latencies.getValueAtPercentile(50) / 1e6,
              latencies.getValueAtPercentile(95) / 1e6, latencies.getValueAtPercentile(99) / 1e6));
        }
        Run run = new Run(backend + ", a write every " + writeEvery + " reads", reads, writes, stale, hits,
            String.join("; ", blocks) + " (" + BLOCKS + " blocks of " + ROUNDS + ")");
        System.out.println("two instances, " + run);
        Files.writeString(Path.of("target", "two-instances.txt"), run + System.lineSeparator(), StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        runs.add(run);
      }
      Run all = runs.get(0);
      for (Run run : runs.subList(1, runs.size())) {
        all = new Run(backend, all.reads + run.reads, all.writes + run.writes, all.stale + run.stale, all.hits + run.hits,
            "see above");
      }
      Run run = all;
      return run;
    }
  }

  /** Uncached reads through the same service, for the figures' baseline: every read is a source call. */
  @Test
  void withoutACacheEveryReadIsASourceCall() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM)
        .java(RedisBackendTest.SETTING).java(RedisBackendTest.SETTINGS);
    MigrationPlan plan = fixture.plan();
    String config = plan.changes().stream().map(FileChange::path).filter(p -> p.endsWith("OptkitCacheConfig.java"))
        .findFirst().orElseThrow();
    Path classes = fixture.compile(plan);
    String configClass = config.substring("src/main/java/".length(), config.length() - ".java".length()).replace('/', '.');
    stored.put("s0", "v0");
    try (Instance b = new Instance(classes, configClass, 0, "-Doptkit.cache.disabled=true")) {
      Histogram latencies = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
      int before = sourceReads.get();
      for (int round = 0; round < ROUNDS; round++) {
        latencies.recordValue(Long.parseLong(b.read("s" + round % SETTINGS).split("\t")[1]));
      }
      assertEquals(ROUNDS, sourceReads.get() - before, "the switch off: every read reaches the source");
      String line = String.format("no cache (optkit.cache.disabled=true): %d reads, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms",
          ROUNDS, latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(95) / 1e6,
          latencies.getValueAtPercentile(99) / 1e6);
      System.out.println("two instances, " + line);
      Files.writeString(Path.of("target", "two-instances.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
  }

  /** A JVM running {@link InstanceProcess} on the compiled, migrated classes. */
  private final class Instance implements AutoCloseable {
    private final Process process;
    private final PrintStream commands;
    private final BufferedReader answers;
    private final Path log;

    Instance(Path classes, String configClass, int redisPort, String... jvmOptions) throws IOException {
      this(source, classes, configClass, redisPort, jvmOptions);
    }

    Instance(SettingsSource source, Path classes, String configClass, int redisPort, String... jvmOptions)
        throws IOException {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dredis.test.base=http://127.0.0.1:" + source.port()));
      command.addAll(List.of(jvmOptions));
      command.addAll(List.of("-cp", classes + java.io.File.pathSeparator + RedisBackendTest.springDataRedisJar()
          + java.io.File.pathSeparator + System.getProperty("java.class.path"),
          InstanceProcess.class.getName(), configClass, "shop.Settings", String.valueOf(redisPort)));
      Path log = Files.createTempFile(dir, "instance", ".log"); // the service's own output and any failure
      process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      this.log = log;
      commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
      answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String ready = answers.readLine();
      assertEquals("ready", ready, () -> "the instance did not start: " + readLog());
    }

    String read(String name) throws IOException {
      commands.println("read " + name);
      return answer();
    }

    /** The local level's hits and misses so far (the two-level backend; 0 and 0 otherwise). */
    long[] level() throws IOException {
      commands.println("level");
      String[] counts = answer().split("\t");
      return new long[] {Long.parseLong(counts[0]), Long.parseLong(counts[1])};
    }

    void write(String name, String value) throws IOException {
      commands.println("write " + name + " " + value);
      assertEquals("ok", answer());
    }

    private String answer() throws IOException {
      String line = answers.readLine();
      if (line == null) {
        throw new AssertionError("the instance exited: " + process.onExit().join().exitValue() + "; " + readLog());
      }
      return line;
    }

    private String readLog() {
      try {
        process.waitFor(5, TimeUnit.SECONDS);
        return Files.readString(log);
      } catch (IOException | InterruptedException e) {
        return "(no log: " + e + ")";
      }
    }

    @Override
    public void close() throws InterruptedException {
      commands.println("quit");
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
