package dev.optkit.rewriters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real redis-server of its own for a test, on a free loopback port, with nothing written to disk
 * ({@code --save '' --appendonly no}); stopped by {@link #close()}. .ci/run installs Debian's
 * redis-server and sets OPTKIT_REQUIRE_REDIS, so there a missing server fails the test; elsewhere
 * the test is skipped when redis-server is not installed.
 */
final class RedisServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path directory;

  private RedisServer(Process process, int port, Path directory) {
    this.process = process;
    this.port = port;
    this.directory = directory;
  }

  static RedisServer start() throws IOException, InterruptedException {
    return start(0);
  }

  /** A new, empty server on the port this one had, once this one is closed: Redis restarted. */
  RedisServer restarted() throws IOException, InterruptedException {
    return start(port);
  }

  /** On the given port, or on a free one (0). */
  private static RedisServer start(int fixedPort) throws IOException, InterruptedException {
    String executable = executable();
    if (executable == null) {
      if (System.getenv("OPTKIT_REQUIRE_REDIS") != null) {
        throw new AssertionError("redis-server is not installed, and OPTKIT_REQUIRE_REDIS says this test must run "
            + "(.ci/run installs it with apt-get install redis-server)");
      }
      Assumptions.assumeTrue(false, "redis-server not installed");
    }
    Path directory = Files.createTempDirectory("optkit-redis");
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = fixedPort;
      if (port == 0) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          port = socket.getLocalPort();
        }
      }
      Process process = new ProcessBuilder(List.of(executable, "--port", String.valueOf(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", directory.toString()))
          .redirectErrorStream(true).redirectOutput(directory.resolve("redis.log").toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          if (ping(port)) {
            return new RedisServer(process, port, directory);
          }
        } catch (IOException e) {
          last = e;
        }
        Thread.sleep(20);
      }
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS); // the port was taken meanwhile, or it never answered
    }
    throw new IOException("redis-server did not answer PING; its log: "
        + Files.readString(directory.resolve("redis.log")), last);
  }

  private static String executable() {
    String configured = System.getenv("REDIS_SERVER"); // a server of your choice; one that is not there is none
    if (configured != null) {
      return Files.isExecutable(Path.of(configured)) ? configured : null;
    }
    for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      for (String name : List.of("redis-server")) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    Path debian = Path.of("/usr/bin/redis-server");
    return Files.isExecutable(debian) ? debian.toString() : null;
  }

  private static boolean ping(int port) throws IOException {
    return command(port, "PING").startsWith("+PONG");
  }

  /** One inline command's first reply line. */
  static String command(int port, String command) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder reply = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0 && c != '\n') {
        reply.append((char) c);
      }
      return reply.toString().strip();
    }
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
    if (!Files.exists(directory)) {
      return; // closed before
    }
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
