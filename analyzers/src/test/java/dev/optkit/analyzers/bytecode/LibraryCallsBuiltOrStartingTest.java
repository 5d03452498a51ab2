package dev.optkit.analyzers.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library calls that do I/O stay sites: a generic answer erased to Object, a fluent send answering itself, a main
 * running a query made of its arguments (cases a hostile review found against the builder and start-up readers).
 */
class LibraryCallsBuiltOrStartingTest {
  @TempDir Path temp;

  private static Assessment assess(Path root, List<Path> jars, Path cache) {
    OptkitConfig config = OptkitConfig.defaults();
    Assessor.Options options = new Assessor.Options(List.of(root), config.exclude(), false, jars, false, 1, true,
        config, "test", cache);
    return new Assessor().assess(options, Assessor.Progress.NONE);
  }

  private static List<String> io(Assessment assessment) {
    return assessment.findings().stream()
        .filter(f -> f.category() == Category.DB_QUERY || f.category() == Category.API_CALL)
        .map(Finding::snippet).sorted().toList();
  }

  private Path project(String name, String file, String source) throws Exception {
    Path root = temp.resolve(name);
    Files.createDirectories(root.resolve("src/main/java/app"));
    Files.writeString(root.resolve("src/main/java/app/" + file), source);
    return root;
  }

  /** {@code <T> T fetch(String, Class<T>)} erases to Object, which every class extends: not a builder. */
  @Test
  void aGenericAnswerErasedToObjectIsNotASetterAnsweringItself() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("rest-1.0.jar"), Map.of(
        "com/acme/rest/Rest.java", """
            package com.acme.rest;
            public class Rest {
              public <T> T fetch(String host, Class<T> type) throws java.io.IOException {
                new java.net.Socket(host, 80).getOutputStream().write(1);
                return null;
              }
            }
            """));
    Path root = project("generic", "Users.java", """
        package app;
        import com.acme.rest.Rest;
        public class Users {
          private final Rest rest = new Rest();
          public String user(String host) throws Exception {
            return rest.fetch(host, String.class);
          }
        }
        """);
    assertEquals(List.of("rest.fetch(host, String.class)"), io(assess(root, List.of(jar), temp.resolve("cache"))));
  }

  /**
   * Vert.x 3's @Fluent style: MailClient.sendMail, KafkaProducer.send, NetSocket.write answer the object itself and are
   * the I/O; a send answering its own type in a loop is still a call per element.
   */
  @Test
  void aFluentSendThatAnswersItselfIsStillIo() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("mail-1.0.jar"), Map.of(
        "com/acme/mail/Mailer.java", """
            package com.acme.mail;
            public class Mailer {
              public Mailer send(String to) throws java.io.IOException {
                new java.net.Socket("smtp", 25).getOutputStream().write(to.getBytes());
                return this;
              }
            }
            """));
    Path root = project("mail", "Notify.java", """
        package app;
        import com.acme.mail.Mailer;
        public class Notify {
          private final Mailer mailer = new Mailer();
          public void all(java.util.List<String> people) throws Exception {
            for (String to : people) {
              mailer.send(to);
            }
          }
        }
        """);
    assertEquals(List.of("mailer.send(to)"), io(assess(root, List.of(jar), temp.resolve("cache"))));
  }

  /**
   * A library method that makes a function and returns it (OkHttp's {@code EventSources.createFactory}, whose lambda
   * connects when the factory is called) connects nothing itself (a blind trial's two SSE false positives). The near
   * miss: one that hands the function it makes to a method that runs it is that I/O.
   */
  @Test
  void aFunctionALibraryMakesAndReturnsIsNotRunByMakingIt() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("sse-1.0.jar"), Map.of(
        "com/acme/sse/Sources.java", """
            package com.acme.sse;
            public final class Sources {
              public interface Factory { void open(); }
              public static Factory createFactory(String host) {
                return () -> connect(host);
              }
              public static void openNow(String host) {
                run(() -> connect(host));
              }
              static void run(Runnable task) { task.run(); }
              static void connect(String host) {
                try {
                  new java.net.Socket(host, 80).close();
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
            }
            """));
    Path root = project("sse", "Stream.java", """
        package app;
        import com.acme.sse.Sources;
        public class Stream {
          public Sources.Factory factory(String host) {
            return Sources.createFactory(host);
          }
          public void now(String host) {
            Sources.openNow(host);
          }
        }
        """);
    assertEquals(List.of("Sources.openNow(host)"), io(assess(root, List.of(jar), temp.resolve("cache"))));
  }

  /**
   * A library's factory of proxies ({@code Jdbi.onDemand(Dao.class)}) makes an invocation handler that opens a
   * connection when a proxy's method is called, and hands it to {@code Proxy.newProxyInstance}, which only keeps it:
   * making the proxy runs no query (a blind trial's 19 {@code onDemand} lines, each reported as one). The near miss:
   * a factory that queries before it makes the proxy is that I/O.
   */
  @Test
  void aProxysInvocationHandlerRunsWhenTheProxyIsCalledNotWhereItIsMade() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("proxydb-1.0.jar"), Map.of(
        "com/acme/proxydb/Db.java", """
            package com.acme.proxydb;
            import java.lang.reflect.InvocationHandler;
            import java.lang.reflect.Proxy;
            public final class Db {
              public <T> T onDemand(Class<T> type) {
                InvocationHandler handler = (proxy, method, args) -> query(method.getName());
                return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
              }
              public <T> T attach(Class<T> type) throws java.sql.SQLException {
                query("SELECT 1");
                return onDemand(type);
              }
              static Object query(String name) throws java.sql.SQLException {
                return java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().executeQuery(name);
              }
            }
            """));
    Path root = project("proxydb", "Daos.java", """
        package app;
        import com.acme.proxydb.Db;
        public class Daos {
          private final Db db = new Db();
          public Runnable dao() {
            return db.onDemand(Runnable.class);
          }
          public Runnable checked() throws Exception {
            return db.attach(Runnable.class);
          }
        }
        """);
    assertEquals(List.of("db.attach(Runnable.class)"), io(assess(root, List.of(jar), temp.resolve("cache"))));
  }

  /** A CLI's main running a delete for the id it is given is a query, not start-up. */
  @Test
  void aMainThatRunsAQueryWithItsArgumentsStillQueries() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("db-1.0.jar"), Map.of(
        "com/acme/db/Db.java", """
            package com.acme.db;
            public class Db {
              public static int count(String sql) throws Exception {
                return java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().executeUpdate(sql);
              }
            }
            """));
    Path root = project("cli", "Purge.java", """
        package app;
        import com.acme.db.Db;
        public class Purge {
          public static void main(String[] args) throws Exception {
            for (int i = 0; i < args.length; i++) {
              Db.count("delete from sessions where user_id = " + args[i]);
            }
          }
        }
        """);
    assertEquals(List.of("Db.count(\"delete from sessions where user_id = \" + args[i])"),
        io(assess(root, List.of(jar), temp.resolve("cache"))));
  }

  /**
   * Micronaut 1's {@code Micronaut.run(App.class)} in {@code App.main}, no arguments handed on: the program hands a
   * framework itself to start (a blind trial's nine Micronaut services, each main a query). Near miss: a class literal
   * of another class handed to a library call in main stays a query.
   */
  @Test
  void aMainHandingAFrameworkItsOwnClassStartsItAndAnotherClassIsNoStart() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("micro-1.0.jar"), Map.of(
        "com/acme/micro/Micro.java", """
            package com.acme.micro;
            public class Micro {
              public static void run(Class<?> application) throws Exception {
                java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement().executeUpdate("create table a (i int)");
              }
              public static int export(Class<?> table) throws Exception {
                return java.sql.DriverManager.getConnection("jdbc:acme:db").createStatement()
                    .executeUpdate("delete from " + table.getSimpleName());
              }
            }
            """));
    Path root = project("micro", "App.java", """
        package app;
        import com.acme.micro.Micro;
        public class App {
          public static void main(String[] args) throws Exception {
            Micro.export(Report.class);
            Micro.run(App.class);
          }
          static class Report {}
        }
        """);
    assertEquals(List.of("Micro.export(Report.class)"), io(assess(root, List.of(jar), temp.resolve("cache"))));
  }

  /**
   * The calls on a query the EntityManager made and a local keeps are no sites of their own: setting its parameters is
   * no round trip, whatever the implementation's bytecode reaches (EclipseLink's setParameter reached a connection: a
   * trial's DAOs had every setter reported as a "write", and the query at its making besides its run). The query is
   * reported once, where the chain that runs it ends.
   */
  @Test
  void aKeptJpaQuerysSettersAreNoSitesAndItRunsWhereItsChainEnds() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("jpa-2.2.jar"), Map.of(
        "javax/persistence/EntityManager.java", """
            package javax.persistence;
            public interface EntityManager { <T> TypedQuery<T> createQuery(String jpql, Class<T> type); }
            """,
        "javax/persistence/Query.java", """
            package javax.persistence;
            public interface Query { java.util.List getResultList(); }
            """,
        "javax/persistence/TypedQuery.java", """
            package javax.persistence;
            public interface TypedQuery<X> extends Query {
              TypedQuery<X> setParameter(String name, Object value);
              java.util.List<X> getResultList();
            }
            """,
        "org/acme/jpa/QueryImpl.java", """
            package org.acme.jpa;
            public class QueryImpl<X> implements javax.persistence.TypedQuery<X> {
              private java.sql.Connection connection;
              public javax.persistence.TypedQuery<X> setParameter(String name, Object value) {
                try { connection.prepareStatement("SELECT 1").executeUpdate(); } catch (java.sql.SQLException e) { }
                return this;
              }
              public java.util.List<X> getResultList() {
                try { connection.prepareStatement("SELECT 1").executeQuery(); } catch (java.sql.SQLException e) { }
                return null;
              }
            }
            """));
    Path root = project("jpa", "Exams.java", """
        package app;
        import javax.persistence.EntityManager;
        import javax.persistence.TypedQuery;
        public class Exams {
          private EntityManager em;
          public java.util.List<String> byAuthor(long author) {
            TypedQuery<String> query = em.createQuery("SELECT e.name FROM Exam e WHERE e.author = :a", String.class);
            return query.setParameter("a", author).getResultList();
          }
        }
        """);
    assertEquals(List.of("query.setParameter(\"a\", author).getResultList()"),
        io(assess(root, List.of(jar), temp.resolve("cache"))));
  }

  /**
   * A library call answering the application's container (Guice's injector) starts the application: what its bytecode
   * reaches (the server it opens) is the start-up, not a request (a trial's gateway, Airlift's Bootstrap.initialize()).
   * Near miss: the same library's call answering something else that opens a socket stays a site.
   */
  @Test
  void aCallAnsweringTheApplicationsContainerStartsItAndIsNoRequest() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("boot-1.0.jar"), Map.of(
        "com/google/inject/Injector.java", """
            package com.google.inject;
            public interface Injector { }
            """,
        "com/acme/boot/Bootstrap.java", """
            package com.acme.boot;
            public class Bootstrap {
              public com.google.inject.Injector initialize() throws java.io.IOException {
                new java.net.Socket("localhost", 8080).getOutputStream().write(1);
                return null;
              }
              public String announce() throws java.io.IOException {
                new java.net.Socket("registry", 80).getOutputStream().write(1);
                return "ok";
              }
            }
            """));
    Path root = project("boot", "Launcher.java", """
        package app;
        import com.acme.boot.Bootstrap;
        public class Launcher {
          public void start() throws Exception {
            Bootstrap app = new Bootstrap();
            app.initialize();
            app.announce();
          }
        }
        """);
    assertEquals(List.of("app.announce()"), io(assess(root, List.of(jar), temp.resolve("cache"))));
  }

  /**
   * A server's own plumbing is no request: registering a route, answering its own request, whatever the framework's
   * bytecode reaches through them (a trial's Vert.x server had 131 such calls reported, vert.x-core reaching a socket
   * and its cluster's map). Near miss: a library call of another type that opens a socket stays a site.
   */
  @Test
  void aServersRoutesAndItsOwnResponsesAreNoRequests() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("vertx-web-4.5.jar"), Map.of(
        "io/vertx/ext/web/Route.java", """
            package io.vertx.ext.web;
            public class Route {
              public Route handler(Runnable handler) throws java.io.IOException {
                new java.net.Socket("cluster", 5701).getOutputStream().write(1);
                return this;
              }
            }
            """,
        "io/vertx/core/http/HttpServerResponse.java", """
            package io.vertx.core.http;
            public class HttpServerResponse {
              public void end(String body) throws java.io.IOException {
                new java.net.Socket("cluster", 5701).getOutputStream().write(1);
              }
            }
            """,
        "io/acme/Registry.java", """
            package io.acme;
            public class Registry {
              public void announce() throws java.io.IOException {
                new java.net.Socket("registry", 80).getOutputStream().write(1);
              }
            }
            """));
    Path root = project("server", "Api.java", """
        package app;
        public class Api {
          public void start(io.vertx.ext.web.Route route, io.vertx.core.http.HttpServerResponse response,
              io.acme.Registry registry) throws Exception {
            route.handler(() -> { });
            response.end("ok");
            registry.announce();
          }
        }
        """);
    assertEquals(List.of("registry.announce()"), io(assess(root, List.of(jar), temp.resolve("cache"))));
  }

  /**
   * A call on a local its one assignment makes ({@code Resource r = new UrlResource(url)}) runs the made class's
   * method, whose bytecode may do the I/O the declared interface's abstract method cannot show (a blind trial:
   * Spring's {@code UrlResource.exists()} sends an HTTP HEAD, unseen when the local was declared a {@code Resource}).
   * Near miss: a local made as a class whose method does no I/O is no call of the interface's other implementations.
   */
  @Test
  void aCallOnALocalItsOneAssignmentMakesRunsTheMadeClassesMethod() throws Exception {
    Path jar = LibraryBytecodeIoTest.libraryJar(temp.resolve("files-1.0.jar"), Map.of(
        "com/acme/files/Resource.java", """
            package com.acme.files;
            public interface Resource { boolean exists(); }
            """,
        "com/acme/files/UrlResource.java", """
            package com.acme.files;
            public class UrlResource implements Resource {
              private final String host;
              public UrlResource(String host) { this.host = host; }
              public boolean exists() {
                try { new java.net.Socket(host, 80).close(); return true; } catch (java.io.IOException e) { return false; }
              }
            }
            """,
        "com/acme/files/MemoryResource.java", """
            package com.acme.files;
            public class MemoryResource implements Resource {
              public boolean exists() { return true; }
            }
            """));
    Path root = project("made", "Files.java", """
        package app;
        import com.acme.files.MemoryResource;
        import com.acme.files.Resource;
        import com.acme.files.UrlResource;
        public class Files {
          public boolean remote(String host) {
            Resource resource = new UrlResource(host);
            return resource.exists();
          }
          public boolean local() {
            Resource memory = new MemoryResource();
            return memory.exists();
          }
        }
        """);
    assertEquals(List.of("resource.exists()"), io(assess(root, List.of(jar), temp.resolve("cache"))));
  }
}
