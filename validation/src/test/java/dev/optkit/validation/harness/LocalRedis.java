package dev.optkit.validation.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server of the test's own on a free loopback port, nothing written to disk. .ci/run installs
 * Debian's redis-server and sets OPTKIT_REQUIRE_REDIS, so there a missing server fails the test; elsewhere the
 * test is skipped without one. (The rewriters module's RedisServer does more: restarts, commands.)
 */
final class LocalRedis implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path directory;

  private LocalRedis(Process process, int port, Path directory) {
    this.process = process;
    this.port = port;
    this.directory = directory;
  }

  static LocalRedis start() throws IOException, InterruptedException {
    Path executable = Path.of(System.getenv().getOrDefault("REDIS_SERVER", "/usr/bin/redis-server"));
    if (!Files.isExecutable(executable)) {
      if (System.getenv("OPTKIT_REQUIRE_REDIS") != null) {
        throw new AssertionError("redis-server is not installed, and OPTKIT_REQUIRE_REDIS says this test must run");
      }
      Assumptions.assumeTrue(false, "redis-server not installed");
    }
    Path directory = Files.createTempDirectory("optkit-redis");
    for (int attempt = 0; attempt < 3; attempt++) {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      Process process = new ProcessBuilder(List.of(executable.toString(), "--port", String.valueOf(port), "--bind",
          "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString()))
          .redirectErrorStream(true).redirectOutput(directory.resolve("redis.log").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline && process.isAlive()) {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
          return new LocalRedis(process, port, directory);
        } catch (IOException notYet) {
          Thread.sleep(20);
        }
      }
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS); // the port was taken meanwhile, or it never started
    }
    throw new IOException("redis-server did not start; its log: " + Files.readString(directory.resolve("redis.log")));
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
