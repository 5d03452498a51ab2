package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.parse.ShardFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a merge of shards ({@code merge --shard-file}) must refuse besides what ShardedAssessmentTest covers: shards
 * whose facts are not those one process would extract from the merge's tree and configuration, and shard files no run
 * can have made (a CI artifact is hostile input). Each is refused with exit code 2 and a message, never merged into a
 * report that differs from one process's, never an internal error. From a hostile review of the shards.
 */
class ShardTrustTest {
  @TempDir Path dir;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static List<String> options(Path project) {
    return List.of(project.toString(), "--offline", "--no-cache");
  }

  private Path shard(Path project, int index, int count) throws Exception {
    Path file = Files.createDirectories(dir.resolve("shards")).resolve("shard-" + index + "-of-" + count);
    List<String> args = new ArrayList<>(List.of("assess"));
    args.addAll(options(project));
    args.addAll(List.of("--shard", index + "/" + count, "--shard-out", file.toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    return file;
  }

  private CliRun merge(Path project, List<Path> shards, Path json) {
    List<String> args = new ArrayList<>(List.of("merge"));
    args.addAll(options(project));
    shards.forEach(file -> args.addAll(List.of("--shard-file", file.toString())));
    args.addAll(List.of("--format", "json", "-o", json.toString()));
    return CliRun.of(args.toArray(String[]::new));
  }

  private CliRun single(Path project, Path json) {
    List<String> args = new ArrayList<>(List.of("assess"));
    args.addAll(options(project));
    args.addAll(List.of("--format", "json", "-o", json.toString()));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<String> findingIds(Path json) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode finding : MAPPER.readTree(json.toFile()).path("findings")) {
      ids.add(finding.path("ruleId").asText() + "@" + finding.path("path").asText() + ":" + finding.path("line").asInt());
    }
    return ids;
  }

  /** The larger file, so that ShardPlan gives it to shard 1 of 2 and Gateway.java to shard 2. */
  private static final String ORDERS = """
      package demo;

      import java.net.URI;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.List;

      // Orders prices each line through its gateway, one request per line; the padding below keeps this file the
      // largest of the project, so that it is shard 1's of 2 on every machine.
      // ..............................................................................................................
      // ..............................................................................................................
      public class Orders {
        private final Gateway gateway = new Gateway();

        public void price(List<String> skus) throws Exception {
          for (String sku : skus) {
            gateway.client().send(HttpRequest.newBuilder(URI.create("http://prices/" + sku)).build(),
                HttpResponse.BodyHandlers.ofString());
          }
        }
      }
      """;

  private static final String GATEWAY_OVER_HTTP = """
      package demo;

      import java.net.http.HttpClient;

      public class Gateway {
        public HttpClient client() {
          return HttpClient.newHttpClient();
        }
      }
      """;

  /** The same set of types (demo.Gateway, demo.Orders); client() now returns the gateway itself, which sends nothing. */
  private static final String GATEWAY_RECORDING = """
      package demo;

      public class Gateway {
        public Gateway client() {
          return this;
        }

        public String send(Object request, Object handler) {
          return "recorded";
        }
      }
      """;

  /**
   * Attacks: a shard made before a commit that changed only another shard's file. Orders.java (shard 1) is unchanged,
   * so its hash matches; the set of types is unchanged, so the key matches. But Orders' facts resolved
   * gateway.client().send(...) against the Gateway.java shard 1 read through the symbol solver: java.net.http's send.
   * In the merge's tree client() returns a Gateway whose send does no I/O, and one process finds nothing. optkit
   * merges shard 1's stale facts silently and reports SequentialIoLoop and RemoteApiCall one process does not: the
   * promise "a file changed since its shard read it is refused" is kept only for the shard's own files, while its
   * facts depend on every file whose types it resolved (the shard key holds the types' names, not their content).
   */
  @Test
  void aShardWhoseFilesResolvedAnotherVersionOfAnotherShardsTypeIsRefused() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path sources = Files.createDirectories(project.resolve("src/main/java/demo"));
    Files.writeString(sources.resolve("Orders.java"), ORDERS);
    Files.writeString(sources.resolve("Gateway.java"), GATEWAY_OVER_HTTP);
    Path first = shard(project, 1, 2);
    assertEquals(List.of("src/main/java/demo/Orders.java"),
        ShardFile.read(first).files().stream().map(ShardFile.Entry::path).toList(), "the plan this case rests on");

    Files.writeString(sources.resolve("Gateway.java"), GATEWAY_RECORDING); // the next commit
    Path second = shard(project, 2, 2);
    CliRun one = single(project, dir.resolve("single.json"));
    assertTrue(one.exitCode() <= 1, one.err());
    CliRun merged = merge(project, List.of(first, second), dir.resolve("merged.json"));

    assertEquals(ExitCodes.USAGE, merged.exitCode(), "merged shard 1's facts of another Gateway.java: one process finds "
        + findingIds(dir.resolve("single.json")) + ", the merge "
        + (Files.exists(dir.resolve("merged.json")) ? findingIds(dir.resolve("merged.json")) : "nothing") + "\n"
        + merged.err());    assertTrue(merged.err().contains("[shard.other-build]"), merged.err());
  }

  /**
   * Attacks: a configuration that shapes the facts but is not in the shard key. analysis.maxFileKilobytes (.optkit.yml)
   * decides which files are parsed at all (a larger one is a warning, never parsed); the shards were made with a limit
   * of 1 KB, the merge runs without it. The key holds the configuration's clients only, so the merge takes the shards'
   * "too large" outcomes and reports fewer files and findings than one process with the merge's configuration, exit 0,
   * where the docs promise shards "of another ... configuration" are refused with exit 2.
   */
  @Test
  void shardsMadeUnderAnotherFileSizeLimitAreRefused() throws Exception {
    Path project = SampleCheckout.create(Files.createDirectories(dir.resolve("checkout")), "plain-java-service");
    Path config = project.resolve(".optkit.yml");
    Files.writeString(config, "analysis:\n  maxFileKilobytes: 1\n");
    List<Path> shards = List.of(shard(project, 1, 2), shard(project, 2, 2));
    Files.delete(config);
    CliRun one = single(project, dir.resolve("single.json"));
    assertTrue(one.exitCode() <= 1, one.err());
    CliRun merged = merge(project, shards, dir.resolve("merged.json"));

    String why = Files.exists(dir.resolve("merged.json"))
        ? "merged; files failed: one process " + MAPPER.readTree(dir.resolve("single.json").toFile()).path("summary")
            .path("filesFailed") + ", the merge " + MAPPER.readTree(dir.resolve("merged.json").toFile()).path("summary")
            .path("filesFailed") + "; findings " + findingIds(dir.resolve("single.json")).size() + " vs "
            + findingIds(dir.resolve("merged.json")).size()
        : merged.err();
    assertEquals(ExitCodes.USAGE, merged.exitCode(), why);
    assertTrue(merged.err().contains("[shard.other-build]"), merged.err());
  }

  /**
   * Attacks: a planted shard file (a CI artifact) whose count no run can have: 1/2147483647. ShardFile.read accepts it
   * (1 <= index <= count) and merge sizes an array by count + 1 before it checks anything else: the int overflows and
   * merge dies with NegativeArraySizeException, exit 3 (an internal error), where a file that is no shard of a run is
   * promised exit 2 with a message. A count just under it (2147483646) asks the heap for an 8-16 GB array instead:
   * OutOfMemoryError from a file of a few bytes, before the key is even compared.
   */
  @Test
  void aShardCountNoRunCanHaveIsRefusedNotACrash() throws Exception {
    Path project = SampleCheckout.create(Files.createDirectories(dir.resolve("checkout")), "plain-java-service");
    Path planted = dir.resolve("planted-shard");
    ShardFile.write(planted, new ShardFile.Shard(ShardFile.FORMAT, "any key", 1, Integer.MAX_VALUE, "sizes", List.of()));
    CliRun merged = merge(project, List.of(planted), dir.resolve("merged.json"));
    assertEquals(ExitCodes.USAGE, merged.exitCode(), merged.err());
    assertTrue(merged.err().contains("[shard.missing]"), merged.err());
  }
}
