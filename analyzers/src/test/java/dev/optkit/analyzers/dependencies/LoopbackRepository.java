package dev.optkit.analyzers.dependencies;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Maven repository (maven2 layout) a test serves itself from a folder on a loopback port, so
 * resolution is tested without the network. It answers GET and HEAD and remembers what was asked.
 */
public final class LoopbackRepository implements AutoCloseable {
  private final HttpServer server;
  private final Path folder;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final java.util.Map<String, java.util.concurrent.CountDownLatch> holds =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Map<String, java.util.concurrent.CountDownLatch> releases =
      new java.util.concurrent.ConcurrentHashMap<>();

  public LoopbackRepository(Path folder) throws IOException {
    this.folder = folder;
    Files.createDirectories(folder);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "loopback-repository");
      thread.setDaemon(true);
      return thread;
    }));
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.add(exchange.getRequestMethod() + " " + path);
      java.util.concurrent.CountDownLatch held = holds.get(path);
      if (held != null) {
        try {
          held.await(60, java.util.concurrent.TimeUnit.SECONDS); // a resolution that never asks the other: served
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Path file = folder.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
      if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      byte[] body = Files.readAllBytes(file);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
      java.util.concurrent.CountDownLatch releasing = releases.get(path);
      if (releasing != null) {
        releasing.countDown();
      }
    });
    server.start();
  }

  /** Answers a request for {@code held} only once {@code releasing} has been answered: an order of events, no timing. */
  public void holdUntilServed(String held, String releasing) {
    java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
    holds.put(held, latch);
    releases.put(releasing, latch);
  }

  public String url() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/";
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Puts a pom (and a jar, unless null) at their places in the layout of {@code folder}. */
  public static void install(Path folder, String group, String artifact, String version, String pom, Path jar)
      throws IOException {
    Path dir = folder.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(artifact + "-" + version + ".pom"), pom);
    if (jar != null) {
      Files.copy(jar, dir.resolve(artifact + "-" + version + ".jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  public static String pom(String group, String artifact, String version, String packaging, String inside) {
    return """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><packaging>%s</packaging>
          %s
        </project>
        """.formatted(group, artifact, version, packaging, inside);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
