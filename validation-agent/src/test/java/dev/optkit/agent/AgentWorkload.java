package dev.optkit.agent;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a child JVM under the agent: a known number of real HTTP requests to a loopback server and
 * JDBC statements against in-memory H2. Prints what the server saw so the test can compare.
 */
public final class AgentWorkload {
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("idle")) {
      return;
    }
    AtomicInteger served = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      served.incrementAndGet();
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      javaNetHttp(base);
      urlConnections(base);
      okHttp(base);
      apacheClassic(base);
      jdbc();
    } finally {
      server.stop(0);
    }
    System.out.println("served=" + served.get());
  }

  static void javaNetHttp(String base) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < 7; i++) {
      client.send(HttpRequest.newBuilder(URI.create(base + "/send/" + i)).build(), HttpResponse.BodyHandlers.ofString());
    }
    for (int i = 0; i < 2; i++) {
      client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/async/" + i)).build(),
          HttpResponse.BodyHandlers.ofString()).join();
    }
  }

  static void okHttp(String base) throws Exception {
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
    for (int i = 0; i < 3; i++) {
      try (okhttp3.Response response = client.newCall(new okhttp3.Request.Builder().url(base + "/ok/" + i).build())
          .execute()) {
        response.body().string();
      }
    }
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  static void apacheClassic(String base) throws Exception {
    try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient client =
        org.apache.hc.client5.http.impl.classic.HttpClients.createDefault()) {
      for (int i = 0; i < 4; i++) {
        client.execute(new org.apache.hc.client5.http.classic.methods.HttpGet(base + "/apache/" + i),
            response -> org.apache.hc.core5.http.io.entity.EntityUtils.toString(response.getEntity()));
      }
    }
  }

  static void urlConnections(String base) throws Exception {
    for (int i = 0; i < 5; i++) {
      HttpURLConnection connection = (HttpURLConnection) URI.create(base + "/legacy/" + i).toURL().openConnection();
      if (connection.getResponseCode() != 200) {
        throw new IllegalStateException("unexpected status");
      }
      try (InputStream in = connection.getInputStream()) {
        in.readAllBytes();
      }
      connection.disconnect();
    }
  }

  static void jdbc() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:agent;DB_CLOSE_DELAY=-1")) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE items(id INT PRIMARY KEY, name VARCHAR(20))"); // 1
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO items VALUES (?, ?)")) {
        for (int i = 0; i < 4; i++) { // 4
          insert.setInt(1, i);
          insert.setString(2, "item" + i);
          insert.executeUpdate();
        }
        for (int i = 4; i < 7; i++) {
          insert.setInt(1, i);
          insert.setString(2, "item" + i);
          insert.addBatch();
        }
        insert.executeBatch(); // 1
      }
      try (PreparedStatement select = connection.prepareStatement("SELECT name FROM items WHERE id = ?")) {
        for (int i = 0; i < 3; i++) { // 3
          select.setInt(1, i);
          try (ResultSet rows = select.executeQuery()) {
            rows.next();
          }
        }
      }
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT nope FROM missing"); // 1, an error
      } catch (SQLException expected) {
        // counted with errors = 1
      }
    }
  }
}
