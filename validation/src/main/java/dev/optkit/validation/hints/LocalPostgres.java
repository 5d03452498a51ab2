package dev.optkit.validation.hints;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster: made by {@code initdb} in a temporary directory, started on a free loopback port
 * with no Unix socket, its superuser's password random and asked for (no trust login another local user could take),
 * stopped and deleted on {@link #close}. PostgreSQL refuses to run as root: there it runs as the {@code postgres}
 * user the packages create (else {@code nobody}) through {@code runuser}.
 */
public final class LocalPostgres implements AutoCloseable {
  /** Where the server's binaries are and whether HypoPG is installed for them. */
  public record Installation(Path bin, boolean hypopg) {}

  private final Installation installation;
  private final Path directory;
  private final List<String> as;
  private final Process server;
  private final int port;
  private final String password;
  private final Thread onExit;

  private LocalPostgres(Installation installation, Path directory, List<String> as, Process server, int port,
      String password) {
    this.installation = installation;
    this.directory = directory;
    this.as = as;
    this.server = server;
    this.port = port;
    this.password = password;
    this.onExit = new Thread(this::stop, "optkit-postgres-stop");
    Runtime.getRuntime().addShutdownHook(onExit);
  }

  /**
   * The PostgreSQL server installed here: {@code OPTKIT_PG_BINDIR}, else the newest
   * {@code /usr/lib/postgresql/N/bin} (Debian, Ubuntu) or {@code /usr/pgsql-N/bin} (RHEL) holding {@code postgres} and
   * {@code initdb}; empty when there is none.
   */
  public static Optional<Installation> find() {
    List<Path> candidates = new ArrayList<>();
    String given = System.getenv("OPTKIT_PG_BINDIR");
    if (given != null && !given.isBlank()) {
      candidates.add(Path.of(given));
    } else {
      candidates.addAll(children(Path.of("/usr/lib/postgresql"), "*"));
      candidates.addAll(children(Path.of("/usr"), "pgsql-*"));
      candidates.replaceAll(dir -> dir.getFileName().toString().equals("bin") ? dir : dir.resolve("bin"));
      candidates.sort(Comparator.comparingInt(LocalPostgres::version).reversed());
    }
    for (Path bin : candidates) {
      if (Files.isExecutable(bin.resolve("postgres")) && Files.isExecutable(bin.resolve("initdb"))) {
        return Optional.of(new Installation(bin, hypopgBeside(bin)));
      }
    }
    return Optional.empty();
  }

  private static List<Path> children(Path dir, String glob) {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
      entries.forEach(found::add);
    } catch (IOException | RuntimeException absent) {
      // no such layout here
    }
    return found;
  }

  /** The major version a bin directory's path names ({@code /usr/lib/postgresql/15/bin}: 15), 0 when none. */
  private static int version(Path bin) {
    String name = bin.getParent() == null ? "" : bin.getParent().getFileName().toString();
    int value = 0;
    for (char c : name.toCharArray()) {
      if (c >= '0' && c <= '9' && value < 10_000) {
        value = value * 10 + (c - '0');
      }
    }
    return value;
  }

  /** Whether HypoPG's control file is in the extension directory of this server ({@code pg_config --sharedir}). */
  private static boolean hypopgBeside(Path bin) {
    try {
      String shared = run(List.of(bin.resolve("pg_config").toString(), "--sharedir"), null).strip();
      return Files.exists(Path.of(shared, "extension", "hypopg.control"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Makes and starts a cluster; its superuser is {@code postgres}, with {@link #connect}'s password. */
  public static LocalPostgres start(Installation installation) throws IOException {
    Path directory = Files.createTempDirectory("optkit-pg-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    List<String> as = List.of();
    try {
      if (isRoot()) {
        String user = userNamed("postgres").isPresent() ? "postgres" : "nobody";
        UserPrincipal owner = userNamed(user).orElseThrow(() -> new IOException(
            "optkit runs as root, and PostgreSQL does not: neither a postgres nor a nobody user exists to run it as"));
        Files.setOwner(directory, owner);
        as = List.of("runuser", "-u", user, "--");
      }
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Path passwordFile = directory.resolve("password");
      Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
      if (isRoot()) {
        Files.setOwner(passwordFile, Files.getOwner(directory));
      }
      Path data = directory.resolve("data");
      List<String> initdb = new ArrayList<>(as);
      initdb.addAll(List.of(installation.bin().resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
          "--auth=scram-sha-256", "--pwfile=" + passwordFile, "-E", "UTF8", "--locale=C", "--no-sync",
          "--no-instructions"));
      run(initdb, directory);
      Files.delete(passwordFile);
      int port = freePort();
      List<String> postgres = new ArrayList<>(as);
      postgres.addAll(List.of(installation.bin().resolve("postgres").toString(), "-D", data.toString(),
          "-p", String.valueOf(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
          "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off", "-c", "max_connections=8",
          "-c", "shared_buffers=16MB", "-c", "autovacuum=off", "-c", "max_parallel_workers_per_gather=0",
          "-c", "jit=off"));
      ProcessBuilder builder = new ProcessBuilder(postgres).directory(directory.toFile()).redirectErrorStream(true)
          .redirectOutput(directory.resolve("server.log").toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
      builder.environment().put("LC_ALL", "C");
      LocalPostgres started = new LocalPostgres(installation, directory, as, builder.start(), port, password);
      try {
        started.awaitReady();
      } catch (IOException | RuntimeException e) {
        started.close(); // stopped before its directory goes: pg_ctl needs it
        throw e;
      }
      return started;
    } catch (IOException | RuntimeException e) {
      deleteTree(directory);
      throw e;
    }
  }

  /** A connection to its {@code postgres} database as this user ({@code postgres}, the superuser, or another role). */
  public Connection connect(String user, String userPassword) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", userPassword);
    properties.setProperty("connectTimeout", "5");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", properties);
  }

  /** The loopback port it listens on. */
  public int port() {
    return port;
  }

  /** A connection as the superuser. */
  public Connection connectAsSuperuser() throws SQLException {
    return connect("postgres", password);
  }

  public Installation installation() {
    return installation;
  }

  /** Waits for the server to take connections: about ten seconds, or less when it exits first. */
  private void awaitReady() throws IOException {
    SQLException last = null;
    for (int attempt = 0; attempt < 200; attempt++) {
      if (!server.isAlive()) {
        throw new IOException("PostgreSQL stopped while starting: " + logTail());
      }
      try (Connection connection = connectAsSuperuser();
          java.sql.Statement statement = connection.createStatement();
          java.sql.ResultSet data = statement.executeQuery("SHOW data_directory")) {
        // the server on the port is the one started here, not another local user's that took the port first
        data.next();
        if (!Path.of(data.getString(1)).toRealPath().equals(directory.resolve("data").toRealPath())) {
          throw new IOException("another PostgreSQL answered on port " + port + " (data directory " + data.getString(1)
              + "): optkit stops");
        }
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        server.waitFor(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while PostgreSQL started", e);
      }
    }
    throw new IOException("PostgreSQL took no connection in 10 s: " + (last == null ? "" : last.getMessage()));
  }

  private String logTail() {
    try {
      String log = Files.readString(directory.resolve("server.log"), StandardCharsets.UTF_8);
      return log.length() > 2_000 ? log.substring(log.length() - 2_000) : log;
    } catch (IOException | RuntimeException e) {
      return "(no log)";
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs it
    }
  }

  private synchronized void stop() {
    if (server.isAlive()) {
      List<String> stop = new ArrayList<>(as);
      stop.addAll(List.of(installation.bin().resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
          "-m", "fast", "-w", "-t", "20", "stop"));
      try {
        run(stop, directory);
        server.waitFor(5, TimeUnit.SECONDS);
      } catch (IOException | RuntimeException e) {
        // stopped below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server.destroyForcibly();
    }
    deleteTree(directory);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static Optional<UserPrincipal> userNamed(String name) {
    try {
      return Optional.of(Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(name));
    } catch (IOException | RuntimeException absent) {
      return Optional.empty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Runs a command to its end (two minutes at most), its output its answer; a failure names the command's output. */
  private static String run(List<String> command, Path directory) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
    builder.environment().put("LC_ALL", "C");
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish in 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted", e);
    }
    if (process.exitValue() != 0) {
      String tail = output.length() > 1_000 ? output.substring(output.length() - 1_000) : output;
      throw new IOException(Path.of(command.get(command.indexOf("--") + 1)).getFileName() + " failed (exit "
          + process.exitValue() + "): " + tail.strip());
    }
    return output;
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (var paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // left in the temporary directory
        }
      });
    } catch (IOException | RuntimeException e) {
      // left in the temporary directory
    }
  }
}
