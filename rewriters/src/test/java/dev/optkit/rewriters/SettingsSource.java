package dev.optkit.rewriters;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The source of truth of {@link TwoInstancesTest}: GET /settings/{name} answers the value after a fixed
 * delay (a remote round trip), PUT stores one. Each answer is one write on a TCP_NODELAY socket: the JDK's
 * HttpServer writes headers and body apart, and Nagle's algorithm with the client's delayed ACK added
 * some 40 ms to every answer, which would have been measured as the source's latency.
 */
final class SettingsSource implements AutoCloseable {
  final Map<String, String> stored = new ConcurrentHashMap<>();
  final AtomicInteger reads = new AtomicInteger();
  private final ServerSocket socket;
  private final ExecutorService connections = Executors.newCachedThreadPool();
  private final long delayMillis;
  /**
   * When set, the next read takes the value as it is, counts down the first latch, and answers only once the
   * second is counted down: a slow read that fetched the old value while a write goes on.
   */
  final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch[]> holdNextRead =
      new java.util.concurrent.atomic.AtomicReference<>();

  SettingsSource(long delayMillis) throws IOException {
    this.delayMillis = delayMillis;
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    connections.submit(this::accept);
  }

  int port() {
    return socket.getLocalPort();
  }

  private Void accept() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        connection.setTcpNoDelay(true);
        connections.submit(() -> serve(connection));
      } catch (IOException e) {
        return null; // closed
      }
    }
    return null;
  }

  /** HTTP/1.1 requests on one kept-alive connection, until the client closes it. */
  private Void serve(Socket connection) {
    try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
        OutputStream out = connection.getOutputStream()) {
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return null;
        }
        String[] lines = head.split("\r\n");
        String[] request = lines[0].split(" ");
        int length = 0;
        for (String line : lines) {
          int colon = line.indexOf(':');
          if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
            length = Integer.parseInt(line.substring(colon + 1).trim());
          }
        }
        byte[] body = in.readNBytes(length);
        String name = request[1].substring(request[1].lastIndexOf('/') + 1);
        byte[] answer = new byte[0];
        if (request[0].equals("PUT")) {
          stored.put(name, new String(body, StandardCharsets.UTF_8));
        } else {
          reads.incrementAndGet();
          answer = stored.getOrDefault(name, "unset").getBytes(StandardCharsets.UTF_8);
          Thread.sleep(delayMillis);
          java.util.concurrent.CountDownLatch[] hold = holdNextRead.getAndSet(null);
          if (hold != null) {
            hold[0].countDown();
            hold[1].await(10, java.util.concurrent.TimeUnit.SECONDS);
          }
        }
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        response.write(("HTTP/1.1 200 OK\r\nContent-Length: " + answer.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        response.write(answer);
        out.write(response.toByteArray()); // one write: nothing waits for an ACK
        out.flush();
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      return null; // the client went away
    }
  }

  /** The request line and headers, or null at the end of the connection. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
      if (matched == 4) {
        return head.toString(StandardCharsets.US_ASCII);
      }
      if (head.size() > 65_536) {
        throw new IOException("request head too long");
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    connections.shutdownNow();
  }

  /**
   * A source per test, at the address the migrated services read from the system property {@code redis.test.base};
   * afterwards the plain Java cache's Redis address is cleared too ({@code @RegisterExtension}).
   */
  static final class PerTest implements org.junit.jupiter.api.extension.BeforeEachCallback,
      org.junit.jupiter.api.extension.AfterEachCallback {
    SettingsSource source;

    @Override
    public void beforeEach(org.junit.jupiter.api.extension.ExtensionContext context) throws IOException {
      source = new SettingsSource(0);
      System.setProperty("redis.test.base", "http://127.0.0.1:" + source.port());
    }

    @Override
    public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
      source.close();
      System.clearProperty("redis.test.base");
      System.clearProperty("optkit.cache.redis.url");
    }
  }
}
