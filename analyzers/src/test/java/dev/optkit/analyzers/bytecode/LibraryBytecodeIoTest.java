package dev.optkit.analyzers.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls into library methods the catalogue does not name, decided from the library's bytecode:
 * the library is compiled here into a jar, and a project calls it.
 */
public class LibraryBytecodeIoTest {
  @TempDir Path temp;

  /** A remote client that opens a socket two calls down, through an interface; and its near-misses. */
  static final Map<String, String> WIRE = Map.of(
      "com/acme/wire/Wire.java", """
          package com.acme.wire;
          public class Wire {
            private final Transport transport = new SocketTransport();
            public String fetch(String host) throws java.io.IOException { return new Hop(transport).go(host); }
            public String format(String host) { return "http://" + host + ":8080/users?id=" + host.length(); }
            public int twice(int value) { return value * 2; }
            public String read(String text) { return text.trim(); }
            public String read(Integer port) throws java.io.IOException { return transport.open("localhost", port); }
          }
          """,
      "com/acme/wire/Hop.java", """
          package com.acme.wire;
          class Hop {
            private final Transport transport;
            Hop(Transport transport) { this.transport = transport; }
            String go(String host) throws java.io.IOException { return transport.open(host, 80); }
          }
          """,
      "com/acme/wire/Transport.java", """
          package com.acme.wire;
          interface Transport { String open(String host, int port) throws java.io.IOException; }
          """,
      "com/acme/wire/SocketTransport.java", """
          package com.acme.wire;
          class SocketTransport implements Transport {
            public String open(String host, int port) throws java.io.IOException {
              try (java.net.Socket socket = new java.net.Socket(host, port)) {
                return socket.getInetAddress().toString();
              }
            }
          }
          """,
      "com/acme/wire/WireBuilder.java", """
          package com.acme.wire;
          public class WireBuilder {
            private String host;
            public WireBuilder host(String value) { this.host = value; return this; }
            public Wire build() { return new Wire(); }
          }
          """,
      "com/acme/store/Store.java", """
          package com.acme.store;
          public class Store {
            private final javax.sql.DataSource dataSource;
            public Store(javax.sql.DataSource dataSource) { this.dataSource = dataSource; }
            public int count(String table) throws java.sql.SQLException {
              try (java.sql.Connection c = dataSource.getConnection();
                   java.sql.PreparedStatement p = c.prepareStatement("select count(*) from " + table);
                   java.sql.ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
              }
            }
          }
          """);

  private static final String SERVICE = """
      package app;
      import com.acme.store.Store;
      import com.acme.wire.Wire;
      import com.acme.wire.WireBuilder;
      import java.util.List;
      public class Service {
        private final Wire wire = new WireBuilder().host("users").build();
        private final Store store;
        public Service(Store store) { this.store = store; }
        public String remote(String host) throws Exception { return wire.fetch(host); }
        public String url(String host) { return wire.format(host); }
        public int doubled(int value) { return wire.twice(value); }
        public String trimmed(String text) { return wire.read(text); }
        public WireBuilder builder() { return new WireBuilder().host("orders"); }
        public int rows() throws Exception { return store.count("users"); }
        public void each(List<String> hosts) throws Exception {
          for (String host : hosts) {
            wire.fetch(host);
          }
        }
      }
      """;

  @Test
  void callsIntoLibraryMethodsThatReachIoAreFindingsWithTheirBasis() throws Exception {
    Path jar = libraryJar(temp.resolve("acme-1.0.jar"), WIRE);
    Path cache = temp.resolve("cache");
    Assessment assessment = assess(project(), List.of(jar), cache);

    List<Finding> remote = assessment.findings().stream().filter(f -> f.category() == Category.API_CALL).toList();
    assertEquals(List.of("wire.fetch(host)", "wire.fetch(host)"), remote.stream().map(Finding::snippet).sorted().toList());
    for (Finding finding : remote) {
      assertEquals("bytecode reaches new java.net.Socket", finding.details().get("basis"));
      assertEquals("library-bytecode", finding.details().get("client"));
      assertEquals("medium", finding.confidence().id());
    }
    List<Finding> queries = assessment.findings().stream().filter(f -> f.category() == Category.DB_QUERY).toList();
    assertEquals(1, queries.size(), queries.toString());
    assertEquals("store.count(\"users\")", queries.get(0).snippet());
    assertEquals("bytecode reaches java.sql.PreparedStatement.executeQuery", queries.get(0).details().get("basis"));
    assertEquals("read", queries.get(0).details().get("access"));
    // the loop over wire.fetch is I/O per iteration
    assertTrue(assessment.findings().stream().anyMatch(f -> f.category() == Category.IO_LOOP
        && f.enclosingMethod().startsWith("each")), assessment.findings().toString());
    // near-misses: a URL only formatted, a pure method, a builder, an overload set one of which is pure
    for (Finding finding : assessment.findings()) {
      for (String quiet : List.of("format", "twice", "read(", "host(", "build(")) {
        assertTrue(!finding.snippet().contains(quiet) || finding.category() == Category.CACHEABLE_READ,
            "no I/O in " + finding.snippet());
      }
    }
    assertTrue(assessment.warnings().isEmpty(), assessment.warnings().toString());
  }

  /**
   * A library's types imported on demand ({@code import com.acme.wire.*}) are its types, as imported by name: a trial's
   * Azure table client, imported so, had none of its ten round trips found (the names were read as the file's own
   * package's).
   */
  @Test
  void aLibraryTypeImportedOnDemandIsThatType() throws Exception {
    Path jar = libraryJar(temp.resolve("acme-1.0.jar"), WIRE);
    Path root = temp.resolve("on-demand");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/Service.java"), SERVICE
        .replace("import com.acme.store.Store;\nimport com.acme.wire.Wire;\nimport com.acme.wire.WireBuilder;\n",
            "import com.acme.store.*;\nimport com.acme.wire.*;\n"));
    assertTrue(Files.readString(root.resolve("src/main/java/app/Service.java")).contains("import com.acme.wire.*;"),
        "the premise: the service imports the library on demand");
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of("store.count(\"users\")", "wire.fetch(host)", "wire.fetch(host)"), assessment.findings().stream()
        .filter(f -> f.category() == Category.API_CALL || f.category() == Category.DB_QUERY).map(Finding::snippet)
        .sorted().toList());
  }

  /**
   * A member type inherited from a project superclass comes before an on-demand import's (JLS 6.4.1): the project's
   * {@code Wire}, not the library's, is meant, and its pure {@code fetch} is no request (a hostile review's false loop).
   */
  @Test
  void anInheritedProjectMemberTypeComesBeforeAnOnDemandImportsClass() throws Exception {
    Path jar = libraryJar(temp.resolve("acme-1.0.jar"), WIRE);
    Path root = temp.resolve("inherited");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/Base.java"), """
        package app;
        public class Base {
          public static class Wire { public String fetch(String host) { return host.trim(); } }
        }
        """);
    Files.writeString(root.resolve("src/main/java/app/Service.java"), """
        package app;
        import com.acme.wire.*;
        import java.util.List;
        public class Service extends Base {
          private final Wire wire = new Wire();
          public void each(List<String> hosts) {
            for (String host : hosts) {
              wire.fetch(host);
            }
          }
        }
        """);
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of(), assessment.findings().stream().filter(f -> f.category() == Category.API_CALL
        || f.category() == Category.IO_LOOP).toList());
  }

  /**
   * A trace sink is a plug-in point: nine implementations, one of which ships the trace over a
   * socket. Following every override would make each trace call I/O; a resource read through
   * URL.openStream (jar:, file:) is no request either.
   */
  private static Map<String, String> plugins() {
    Map<String, String> sources = new java.util.TreeMap<>();
    StringBuilder picks = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      String body = i == 8
          ? "try (java.net.Socket s = new java.net.Socket(\"trace-host\", 9000)) { s.getOutputStream().write(1); }"
          : "System.out.print(line);";
      sources.put("com/acme/trace/Sink" + i + ".java", "package com.acme.trace;\n"
          + "class Sink" + i + " implements Sink { public void write(String line) throws java.io.IOException { " + body + " } }\n");
      picks.append("if (kind == ").append(i).append(") return new Sink").append(i).append("();\n");
    }
    sources.put("com/acme/trace/Sink.java", "package com.acme.trace;\npublic interface Sink { void write(String line) throws java.io.IOException; }\n");
    sources.put("com/acme/trace/Tracer.java", "package com.acme.trace;\npublic class Tracer {\n"
        + "  static Sink pick(int kind) {\n" + picks + "    return new Sink0();\n  }\n"
        + "  public void trace(String line) throws java.io.IOException { pick(line.length() % 9).write(line); }\n"
        + "  public String resource(String name) throws java.io.IOException {\n"
        + "    try (java.io.InputStream in = Tracer.class.getResource(name).openStream()) { return new String(in.readAllBytes()); }\n"
        + "  }\n}\n");
    return sources;
  }

  @Test
  void aPlugInPointAndAResourceReadAreNotIo() throws Exception {
    Path jar = libraryJar(temp.resolve("trace-1.0.jar"), plugins());
    Path root = temp.resolve("traced");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/Audit.java"), """
        package app;
        import com.acme.trace.Tracer;
        public class Audit {
          private final Tracer tracer = new Tracer();
          public void record(String line) throws Exception { tracer.trace(line); }
          public String banner() throws Exception { return tracer.resource("/banner.txt"); }
        }
        """);
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of(), assessment.findings().stream().filter(f -> f.category() == Category.API_CALL
        || f.category() == Category.DB_QUERY).map(Finding::snippet).toList());
  }

  /**
   * JGit's shape (recall study, issue 26: 128 wrong findings): a local buffer whose close() only frees memory, and an
   * anonymous subclass in a transport that uploads on close(). Class-hierarchy analysis took every buffer.close() for
   * an upload; an anonymous class's override runs only on the object its own code made and handed out, so a call on
   * the base type is not followed into it. The transport's own put, which makes and closes it, still is I/O.
   */
  @Test
  void anAnonymousSubclassesOverrideIsNotEveryCallsTarget() throws Exception {
    Path jar = libraryJar(temp.resolve("git-1.0.jar"), Map.of(
        "com/acme/git/Buffer.java", """
            package com.acme.git;
            public class Buffer {
              protected final StringBuilder held = new StringBuilder();
              public void write(String text) { held.append(text); }
              public void close() throws java.io.IOException { held.setLength(0); }
            }
            """,
        "com/acme/git/Walk.java", """
            package com.acme.git;
            public class Walk {
              public String parse(String id) throws java.io.IOException {
                Buffer buffer = new Buffer();
                buffer.write(id);
                buffer.close();
                return id;
              }
            }
            """,
        "com/acme/git/S3.java", """
            package com.acme.git;
            public class S3 {
              public Buffer beginPut(String key) {
                return new Buffer() {
                  @Override public void close() throws java.io.IOException {
                    try (java.net.Socket s = new java.net.Socket("s3", 443)) { s.getOutputStream().write(held.length()); }
                  }
                };
              }
              public void put(String key, String text) throws java.io.IOException {
                Buffer out = beginPut(key);
                out.write(text);
                out.close();
              }
            }
            """));
    Path root = temp.resolve("git");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/History.java"), """
        package app;
        import com.acme.git.S3;
        import com.acme.git.Walk;
        public class History {
          private final Walk walk = new Walk();
          private final S3 s3 = new S3();
          public String commit(String id) throws Exception { return walk.parse(id); }
          public void upload(String key) throws Exception { s3.put(key, "pack"); }
        }
        """);
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of("s3.put(key, \"pack\")"), assessment.findings().stream()
        .filter(f -> f.category() == Category.API_CALL || f.category() == Category.DB_QUERY).map(Finding::snippet).toList());
  }

  /** A small query library: {@code db.open().query(sql).fetch()} runs the query, {@code label(..).text()} does not. */
  private static final Map<String, String> LITE = Map.of(
        "com/acme/lite/Db.java", """
            package com.acme.lite;
            public class Db {
              private final javax.sql.DataSource source;
              public Db(javax.sql.DataSource source) { this.source = source; }
              public Session open() { return new Session(source); }
            }
            """,
        "com/acme/lite/Session.java", """
            package com.acme.lite;
            public class Session implements AutoCloseable {
              private final javax.sql.DataSource source;
              Session(javax.sql.DataSource source) { this.source = source; }
              public Query query(String sql) { return new Query(source, sql); }
              public Query label(String text) { return new Query(null, text); }
              public void close() {}
            }
            """,
        "com/acme/lite/Query.java", """
            package com.acme.lite;
            public class Query {
              private final javax.sql.DataSource source;
              private final String sql;
              Query(javax.sql.DataSource source, String sql) { this.source = source; this.sql = sql; }
              public int fetch() throws java.sql.SQLException {
                try (java.sql.Connection c = source.getConnection(); java.sql.PreparedStatement p = c.prepareStatement(sql);
                     java.sql.ResultSet r = p.executeQuery()) {
                  return r.next() ? r.getInt(1) : 0;
                }
              }
              public String text() { return sql.trim(); }
            }
            """);

  /**
   * The recall study's SparkAndSql2o: {@code con.createQuery(sql).addParameter(..).executeUpdate()} written in a loop's
   * body was a query "once per loop iteration", but the loop was no finding: its links are no project calls, so the
   * loop's own calls did not list them. The same chain as the loop's iterable runs once: no loop finding for that.
   */
  @Test
  void aLibraryChainInALoopsBodyIsTheLoopsIo() throws Exception {
    Path jar = libraryJar(temp.resolve("lite-1.0.jar"), LITE);
    Path root = temp.resolve("loops");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/Counts.java"), """
        package app;
        import com.acme.lite.Db;
        import java.util.List;
        public class Counts {
          private final Db db;
          public Counts(Db db) { this.db = db; }
          public int each(List<String> tables) throws Exception {
            int total = 0;
            for (String table : tables) {
              total += db.open().query("select count(*) from " + table).fetch();
            }
            return total;
          }
          public int once(List<String> labels) throws Exception {
            int total = 0;
            for (int n = db.open().query("select count(*) from users").fetch(); n > 0; n--) {
              total += labels.size();
            }
            return total;
          }
        }
        """);
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of("each(List<String>)"), assessment.findings().stream()
        .filter(f -> f.category() == Category.IO_LOOP).map(Finding::enclosingMethod).toList());
  }

  /**
   * Sql2o's and Unirest's shape (recall study, issue 26: 34 of 50 missed calls): the I/O is a link of a fluent chain
   * rooted at the library's object ({@code db.open().query(sql).fetch()}), and in a try-with-resources connection.
   * A chain of the JDK's (a stream) or of a builder that does no I/O is no site.
   */
  @Test
  void linksOfALibrarysChainAreLookedUp() throws Exception {
    Path jar = libraryJar(temp.resolve("lite-1.0.jar"), LITE);
    Path root = temp.resolve("lite");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/Counts.java"), """
        package app;
        import com.acme.lite.Db;
        import com.acme.lite.Session;
        import java.util.List;
        public class Counts {
          private final Db db;
          public Counts(Db db) { this.db = db; }
          public int users() throws Exception { return db.open().query("select count(*) from users").fetch(); }
          public int orders() throws Exception {
            try (Session session = db.open()) { return session.query("select count(*) from orders").fetch(); }
          }
          public String label() { return db.open().label(" x ").text(); }
          public int lengths(List<String> words) { return words.stream().mapToInt(String::length).sum(); }
        }
        """);
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of("db.open().query(\"select count(*) from users\").fetch()",
            "session.query(\"select count(*) from orders\").fetch()"),
        assessment.findings().stream().filter(f -> f.category() == Category.DB_QUERY).map(Finding::snippet).sorted().toList());
    assertEquals(List.of(), assessment.findings().stream().filter(f -> f.category() == Category.API_CALL)
        .map(Finding::snippet).toList());
  }

  /**
   * The recall study's ToSIMPLE: {@code getHibernateTemplate().save(user)} in a DAO extending Spring's
   * {@code HibernateDaoSupport} calls what a getter inherited from a library superclass hands back; the call was not
   * looked up (19 queries and a loop lost). A link of no I/O on the same getter's answer stays no site.
   */
  @Test
  void aCallOnWhatAnInheritedLibraryGetterReturnsIsLookedUp() throws Exception {
    Path jar = libraryJar(temp.resolve("orm-1.0.jar"), Map.of(
        "com/acme/orm/Template.java", """
            package com.acme.orm;
            public class Template {
              private final javax.sql.DataSource source;
              public Template(javax.sql.DataSource source) { this.source = source; }
              public int save(String row) throws java.sql.SQLException {
                try (java.sql.Connection c = source.getConnection();
                     java.sql.PreparedStatement p = c.prepareStatement("insert into rows values (?)")) {
                  p.setString(1, row);
                  return p.executeUpdate();
                }
              }
              public String label(String row) { return row.trim(); }
            }
            """,
        "com/acme/orm/DaoSupport.java", """
            package com.acme.orm;
            public abstract class DaoSupport {
              private Template template;
              public final Template getTemplate() { return template; }
              public final void setTemplate(Template template) { this.template = template; }
            }
            """));
    Path root = temp.resolve("orm");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/UserDao.java"), """
        package app;
        import com.acme.orm.DaoSupport;
        public class UserDao extends DaoSupport {
          public int save(String user) throws Exception { return getTemplate().save(user); }
          public int saveThis(String user) throws Exception { return this.getTemplate().save(user); }
          public String label(String user) { return getTemplate().label(user); }
        }
        """);
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of("getTemplate().save(user)", "this.getTemplate().save(user)"),
        assessment.findings().stream().filter(f -> f.category() == Category.DB_QUERY).map(Finding::snippet).sorted().toList());
  }

  /**
   * The recall study's ToSIMPLE: {@code this.getSession()} of Spring's {@code HibernateDaoSupport} reaches
   * {@code Statement.executeUpdate} through what it may set up, but it hands out a client; the calls made on that are the
   * queries. A library method answering a type the catalogue names is no site; one answering a value still is.
   */
  @Test
  void aLibraryMethodHandingOutAClientIsNoSite() throws Exception {
    Path jar = libraryJar(temp.resolve("pool-1.0.jar"), Map.of(
        "com/acme/pool/Pool.java", """
            package com.acme.pool;
            public class Pool {
              private final javax.sql.DataSource source;
              public Pool(javax.sql.DataSource source) { this.source = source; }
              public java.sql.PreparedStatement prepare(String sql) throws java.sql.SQLException {
                java.sql.Connection c = source.getConnection();
                c.createStatement().executeUpdate("set search_path to app");
                return c.prepareStatement(sql);
              }
              public int run(String sql) throws java.sql.SQLException {
                try (java.sql.Connection c = source.getConnection()) { return c.createStatement().executeUpdate(sql); }
              }
            }
            """));
    Path root = temp.resolve("pool");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/Jobs.java"), """
        package app;
        import com.acme.pool.Pool;
        public class Jobs {
          private final Pool pool;
          public Jobs(Pool pool) { this.pool = pool; }
          public java.sql.PreparedStatement statement() throws Exception { return pool.prepare("select 1"); }
          public int clear() throws Exception { return pool.run("delete from jobs"); }
        }
        """);
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of("pool.run(\"delete from jobs\")"), assessment.findings().stream()
        .filter(f -> f.category() == Category.DB_QUERY).map(Finding::snippet).sorted().toList());
  }

  /**
   * Start-up is not a query: a framework's bootstrap in {@code main} ({@code Framework.run(App.class, args)}) reaches
   * sockets and databases in its bytecode, but it starts the application; the query {@code main} runs itself stays one.
   */
  @Test
  void aFrameworkBootstrapInMainIsNoQueryAndAQueryMainRunsIsOne() throws Exception {
    Path jar = libraryJar(temp.resolve("boot-1.0.jar"), Map.of(
        "com/acme/boot/Framework.java", """
            package com.acme.boot;
            public class Framework {
              public static void run(Class<?> application, String[] args) throws Exception {
                java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().execute("select 1");
                new java.net.ServerSocket(8080).accept();
              }
              public static int count(String sql) throws Exception {
                return java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().executeUpdate(sql);
              }
            }
            """));
    Path root = temp.resolve("boot");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/App.java"), """
        package app;
        import com.acme.boot.Framework;
        public class App {
          public static void main(String[] args) throws Exception {
            Framework.count("delete from sessions");
            Framework.run(App.class, args);
          }
        }
        """);
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of("Framework.count(\"delete from sessions\")"), assessment.findings().stream()
        .filter(f -> f.category() == Category.DB_QUERY || f.category() == Category.API_CALL).map(Finding::snippet)
        .sorted().toList());
  }

  /** Commons DbUtils' shape: {@code update(Connection, String, Object...)} called with two values is that method. */
  @Test
  void aVarargsMethodIsTheOverloadOfLongerCalls() throws Exception {
    Path jar = libraryJar(temp.resolve("runner-1.0.jar"), Map.of(
        "com/acme/runner/Runner.java", """
            package com.acme.runner;
            public class Runner {
              public int update(java.sql.Connection c, String sql, Object... params) throws java.sql.SQLException {
                try (java.sql.PreparedStatement p = c.prepareStatement(sql)) {
                  for (int i = 0; i < params.length; i++) { p.setObject(i + 1, params[i]); }
                  return p.executeUpdate();
                }
              }
              public String label(String text, Object... parts) { return text + parts.length; }
            }
            """));
    Path root = temp.resolve("runner");
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/Users.java"), """
        package app;
        import com.acme.runner.Runner;
        public class Users {
          private final Runner runner = new Runner();
          public int rename(java.sql.Connection c, long id, String name) throws Exception {
            return runner.update(c, "update users set name = ? where id = ?", name, id);
          }
          public int touch(java.sql.Connection c) throws Exception { return runner.update(c, "update users set seen = 1"); }
          public String tag(String text) { return runner.label(text, 1, 2, 3); }
        }
        """);
    Assessment assessment = assess(root, List.of(jar), temp.resolve("cache"));
    assertEquals(List.of("runner.update(c, \"update users set name = ? where id = ?\", name, id)",
            "runner.update(c, \"update users set seen = 1\")"),
        assessment.findings().stream().filter(f -> f.category() == Category.DB_QUERY).map(Finding::snippet).sorted().toList());
  }

  @Test
  void aJarIsReadOnceAndItsCachedGraphGivesTheSameFindings() throws Exception {
    Path jar = libraryJar(temp.resolve("acme-1.0.jar"), WIRE);
    Path cache = temp.resolve("cache");
    List<String> first = findingLines(assess(project(), List.of(jar), cache));
    List<Path> stored = cachedGraphs(cache);
    assertEquals(1, stored.size(), stored.toString());
    byte[] written = Files.readAllBytes(stored.get(0));
    assertEquals(first, findingLines(assess(project(), List.of(jar), cache)));
    assertEquals(java.util.Arrays.toString(written), java.util.Arrays.toString(Files.readAllBytes(stored.get(0))),
        "a hit is not written again");
    // a planted graph under the jar's hash, claiming nothing, is refused by its seal: the jar is read again (the
    // class path's kept graph gone, which would answer before the jar's is looked up)
    Files.write(stored.get(0), "optkit-sealed-1\nplanted".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (Path whole : keptClasspaths(cache)) {
      Files.delete(whole);
    }
    assertEquals(first, findingLines(assess(project(), List.of(jar), cache)));
  }

  @Test
  void aClassPathsKeptGraphAnswersAsTheGraphComputedFromItsJars() throws Exception {
    Path jar = libraryJar(temp.resolve("acme-1.0.jar"), WIRE);
    Path cache = temp.resolve("cache");
    // every question the index asks, answered by the graph computed and by the graph kept
    ClientCatalog catalog = OptkitConfig.defaults().catalog();
    LibraryIo computed = LibraryIo.of(List.of(jar), catalog, null);
    LibraryIo.of(List.of(jar), catalog, cache);
    LibraryIo kept = LibraryIo.of(List.of(jar), catalog, cache);
    for (String type : List.of("com.acme.wire.Wire", "com.acme.wire.WireBuilder", "com.acme.store.Store")) {
      for (String method : List.of("fetch", "format", "twice", "read", "host", "build", "count", "open", "toString")) {
        for (int arity = 0; arity < 3; arity++) {
          String call = type + "." + method + "/" + arity;
          assertEquals(computed.reached(type, method, arity), kept.reached(type, method, arity), call);
          assertEquals(computed.pathOf(type, method, arity), kept.pathOf(type, method, arity), call);
          assertEquals(computed.returnTypes(type, method, arity), kept.returnTypes(type, method, arity), call);
        }
        assertEquals(computed.declaresName(type, method), kept.declaresName(type, method), type + "." + method);
      }
    }
    assertTrue(kept.reached("com.acme.wire.Wire", "fetch", 1).isPresent(), "the kept graph answers nothing");
    assertEquals(computed.methodsAndReaching()[1], kept.methodsAndReaching()[1]);
    List<String> first = findingLines(assess(project(), List.of(jar), cache));
    assertEquals(findingLines(assess(project(), List.of(jar), null)), first, "nothing kept: computed");
    List<Path> wholes = keptClasspaths(cache);
    assertEquals(1, wholes.size(), wholes.toString());
    // the jars' own graphs are not needed by a run the class path's graph answers
    for (Path graph : cachedGraphs(cache)) {
      Files.delete(graph);
    }
    assertEquals(first, findingLines(assess(project(), List.of(jar), cache)));
    assertEquals(List.of(), cachedGraphs(cache), "no jar was read again");
    // another jar on the class path is another class path
    Path other = libraryJar(temp.resolve("other-1.0.jar"), Map.of("com/other/Util.java",
        "package com.other; public class Util { public static int one() { return 1; } }"));
    assertEquals(first, findingLines(assess(project(), List.of(jar, other), cache)));
    assertEquals(2, keptClasspaths(cache).size());
    // a damaged or planted class path graph is dropped by its seal and computed again
    for (Path whole : keptClasspaths(cache)) {
      Files.write(whole, "optkit-sealed-1\nplanted".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    assertEquals(first, findingLines(assess(project(), List.of(jar), cache)));
  }

  @Test
  void aJarsGraphIsKeptInTheLibraryCacheOfARunWithoutAFactsCache() throws Exception {
    // --no-cache: no facts cache, the user's library cache still given; the jar is read once for every project
    Path jar = libraryJar(temp.resolve("acme-1.0.jar"), WIRE);
    Path libraryCache = temp.resolve("user-cache");
    OptkitConfig config = OptkitConfig.defaults();
    Assessor.Options options = new Assessor.Options(List.of(project()), config.exclude(), false, List.of(jar), false,
        1, true, config, "test", null, null, libraryCache);
    List<String> first = findingLines(new Assessor().assess(options, Assessor.Progress.NONE));
    List<Path> stored = cachedGraphs(libraryCache);
    assertEquals(1, stored.size(), stored.toString());
    long written = Files.getLastModifiedTime(stored.get(0)).toMillis();
    assertEquals(first, findingLines(new Assessor().assess(options, Assessor.Progress.NONE)));
    assertEquals(written, Files.getLastModifiedTime(stored.get(0)).toMillis(), "a hit is not written again");
  }

  @Test
  void hostileJarsAreWarningsNeverFailures() throws Exception {
    Path good = libraryJar(temp.resolve("acme-1.0.jar"), WIRE);
    Path garbage = Files.write(temp.resolve("garbage.jar"), "not a zip at all".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path brokenClass = temp.resolve("broken.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(brokenClass))) {
      out.putNextEntry(new JarEntry("com/evil/Broken.class"));
      out.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0x7F, 0x7F, 1, 2});
      out.closeEntry();
    }
    Assessment assessment = assess(project(), List.of(garbage, brokenClass, good), temp.resolve("cache"));
    List<String> warnings = assessment.warnings().stream().map(w -> w.path() + ": " + w.message()).toList();
    assertEquals(List.of("garbage.jar: library bytecode: not a readable jar (ZipException)",
        "broken.jar: library bytecode: 1 class file(s) could not be read and were skipped"), warnings);
    assertEquals(0, assessment.summary().filesFailed());
    assertEquals(2, assessment.findings().stream().filter(f -> f.category() == Category.API_CALL).count());
  }

  private Path project() {
    Path root = temp.resolve("project");
    try {
      Files.createDirectories(root.resolve("src/main/java/app"));
      Files.writeString(root.resolve("src/main/java/app/Service.java"), SERVICE);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return root;
  }

  private static Assessment assess(Path root, List<Path> jars, Path cache) {
    OptkitConfig config = OptkitConfig.defaults();
    Assessor.Options options = new Assessor.Options(List.of(root), config.exclude(), false, jars, false, 1, true,
        config, "test", cache);
    return new Assessor().assess(options, Assessor.Progress.NONE);
  }

  private static List<String> findingLines(Assessment assessment) {
    return assessment.findings().stream().map(f -> f.ruleId() + " " + f.line() + " " + f.details().get("basis")).toList();
  }

  /** The jars' own graphs kept in the cache. */
  private static List<Path> cachedGraphs(Path cache) throws IOException {
    return keptFiles(cache).stream().filter(p -> !p.getFileName().toString().startsWith("classpath-")).toList();
  }

  /** The whole class paths' graphs kept in the cache. */
  private static List<Path> keptClasspaths(Path cache) throws IOException {
    return keptFiles(cache).stream().filter(p -> p.getFileName().toString().startsWith("classpath-")).toList();
  }

  private static List<Path> keptFiles(Path cache) throws IOException {
    try (Stream<Path> files = Files.walk(cache)) {
      return files.filter(p -> p.getParent().getFileName().toString().equals("bytecode"))
          .filter(p -> p.getFileName().toString().endsWith(".smile.gz")).sorted().toList();
    }
  }

  /** Compiles the sources with javac, against the jars of {@code classpath}, and packs the classes into a jar. */
  public static Path libraryJar(Path jar, Map<String, String> sources, Path... classpath) throws IOException {
    Path src = Files.createTempDirectory(jar.getParent(), "src");
    Path classes = Files.createTempDirectory(jar.getParent(), "classes");
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-nowarn"));
    if (classpath.length > 0) {
      arguments.addAll(List.of("-cp", String.join(java.io.File.pathSeparator,
          java.util.Arrays.stream(classpath).map(Path::toString).toList())));
    }
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)));
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
