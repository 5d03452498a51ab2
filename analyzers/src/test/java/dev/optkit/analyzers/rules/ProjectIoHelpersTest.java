package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, mechanism 3: the project's own I/O helpers. A method that hands a String parameter to a
 * client as its SQL or URL, directly or through further helpers, makes each call of it given text a
 * site of that query, with its text and kind, in assess as in migrate.
 */
class ProjectIoHelpersTest {
  @TempDir Path dir;

  /** airsonic's shape: a base DAO whose helpers log the SQL, run it through a getter's JdbcTemplate, and call each other. */
  private static final String BASE_DAO = """
      package shop;
      import java.util.List;
      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.jdbc.core.RowMapper;
      abstract class AbstractDao {
        private JdbcTemplate jdbc;
        public JdbcTemplate getJdbcTemplate() { return jdbc; }
        protected int update(String sql, Object... args) {
          int result = getJdbcTemplate().update(sql, args);
          log(sql);
          return result;
        }
        protected <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
          List<T> result = getJdbcTemplate().query(sql, mapper, args);
          log(sql);
          return result;
        }
        protected <T> T queryOne(String sql, RowMapper<T> mapper, Object... args) {
          List<T> list = query(sql, mapper, args);
          return list.isEmpty() ? null : list.get(0);
        }
        // near misses: a String parameter that is only logged, formatted or built on
        private void log(String sql) { System.out.println("ran " + sql); }
        protected String questionMarks(String columns) { return columns.replaceAll("[^,]+", "?"); }
        protected String prefix(String columns, String prefix) { return prefix + "." + columns; }
      }
      """;

  @Test
  void callsOfHelpersOfHelpersWithSqlTextAreTheQueries() {
    List<Finding> findings = new ProjectFixture(dir).java(BASE_DAO).java("""
        package shop;
        import java.util.List;
        import org.springframework.jdbc.core.RowMapper;
        class UserDao extends AbstractDao {
          private static final String COLUMNS = "id, name, email";
          private final RowMapper<String> names = (rs, n) -> rs.getString(2);
          String byId(long id) {
            return queryOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", names, id);
          }
          List<String> byTeam(long team) {
            final String sql = "SELECT " + COLUMNS + " FROM users WHERE team_id = ?";
            return query(sql, names, team);
          }
          void rename(long id, String name) {
            update("UPDATE users SET name = ? WHERE id = ?", name, id);
          }
          String marks() { return questionMarks(COLUMNS) + prefix(COLUMNS, "u"); }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(List.of("byId(long)", "byTeam(long)", "rename(long, String)"),
        byMethod.keySet().stream().sorted().toList(), "the helpers' own JDBC calls run only what their callers say: " + findings);
    assertEquals("SELECT id, name, email FROM users WHERE id = ?", byMethod.get("byId(long)").details().get("sql"));
    assertEquals("read", byMethod.get("byId(long)").details().get("access"));
    assertEquals("SELECT id, name, email FROM users WHERE team_id = ?", byMethod.get("byTeam(long)").details().get("sql"));
    assertEquals("write", byMethod.get("rename(long, String)").details().get("access"));
  }

  @Test
  void aMethodThatChangesTheTextBeforeHandingItOnIsNoHelper() {
    // near miss: the outer method runs what it makes of its parameter, not the parameter: its callers' text is not the query
    List<Finding> findings = new ProjectFixture(dir).java(BASE_DAO).java("""
        package shop;
        class AuditDao extends AbstractDao {
          int exec(String statement) { return update(statement.replace("{schema}", "audit")); }
          void purge() { exec("DELETE FROM {schema}.events"); }
        }
        """).findings(Category.DB_QUERY);
    assertEquals(List.of(), findings.stream().filter(f -> f.enclosingClass().equals("shop.AuditDao")).toList());
    // update's own JDBC call stays the query, of unknown text: one of its callers builds what it runs
    assertTrue(findings.stream().anyMatch(f -> f.enclosingMethod().equals("update(String, Object)")
        && f.details().get("sql") == null), findings.toString());
  }

  @Test
  void aHelperCallInALoopIsTheQueryPerIteration() {
    List<Finding> loops = new ProjectFixture(dir).java(BASE_DAO).java("""
        package shop;
        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.jdbc.core.RowMapper;
        class UserDao extends AbstractDao {
          private final RowMapper<String> names = (rs, n) -> rs.getString(1);
          List<String> names(List<Long> ids) {
            List<String> result = new ArrayList<>();
            for (Long id : ids) {
              result.add(queryOne("SELECT name FROM users WHERE id = ?", names, id));
            }
            return result;
          }
          String columns(List<String> columns) {
            String marks = "";
            for (String column : columns) {
              marks += questionMarks(column) + prefix(column, "u"); // near miss: formatting, no query
            }
            return marks;
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(1, loops.size(), loops.toString());
    Finding loop = loops.get(0);
    assertEquals("names(List<Long>)", loop.enclosingMethod());
    assertEquals("n-plus-one-query", loop.details().get("classification"));
    assertTrue(loop.details().get("perIteration").toString().contains("[SELECT name FROM users WHERE id = ?]"),
        loop.details().toString());
  }

  /** A project HTTP helper: the URL is its parameter, handed to java.net.http through URI.create. */
  private static final String HTTP_HELPER = """
      package shop;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      class Http {
        private final HttpClient client = HttpClient.newHttpClient();
        String getJson(String url) throws Exception {
          HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build();
          return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        }
        String get(String path) throws Exception {
          return getJson(path);
        }
        String describe(String url) { return "GET " + url; } // near miss: only formats it
      }
      """;

  @Test
  void callsOfAnHttpHelperWithUrlTextAreRemoteCallsOfThatUrl() {
    List<Finding> findings = new ProjectFixture(dir).java(HTTP_HELPER).java("""
        package shop;
        import java.util.List;
        class Catalog {
          private static final String BASE = "http://catalog.internal/api";
          private final Http http = new Http();
          String product(String sku) throws Exception { return http.getJson(BASE + "/products/" + sku); }
          String stock(String sku) throws Exception { return http.get(BASE + "/stock/" + sku); }
          String label(String sku) { return http.describe(BASE + "/products/" + sku); }
          void warm(List<String> skus) throws Exception {
            for (String sku : skus) {
              http.getJson(BASE + "/prices/" + sku);
            }
          }
        }
        """).assess().findings();
    List<Finding> calls = findings.stream().filter(f -> f.category() == Category.API_CALL).toList();
    Map<String, Finding> byMethod = calls.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(List.of("product(String)", "stock(String)", "warm(List<String>)"),
        byMethod.keySet().stream().sorted().toList(), calls.toString());
    assertEquals("http://catalog.internal/api/products/{sku}", byMethod.get("product(String)").details().get("url"));
    assertEquals("catalog.internal", byMethod.get("product(String)").details().get("host"));
    assertEquals("GET", byMethod.get("product(String)").details().get("httpMethod"));
    assertEquals("http://catalog.internal/api/stock/{sku}", byMethod.get("stock(String)").details().get("url"));
    List<Finding> loops = findings.stream().filter(f -> f.category() == Category.IO_LOOP).toList();
    assertEquals(1, loops.size(), loops.toString());
    assertEquals("independent-remote-calls", loops.get(0).details().get("classification"));
    assertTrue(loops.get(0).details().get("perIteration").toString().contains("[http://catalog.internal/api/prices/{sku}]"),
        loops.get(0).details().toString());
  }

  @Test
  void aStaticHelperOpeningAConnectionAssignedAfterItsDeclarationIsAnHttpHelper() {
    // xxl-job's XxlJobRemotingUtil.postBody: the connection is declared null, then opened on new URL(url)
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.net.HttpURLConnection;
        import java.net.URL;
        class Remoting {
          static String postBody(String url, String token) throws Exception {
            HttpURLConnection connection = null;
            try {
              URL realUrl = new URL(url);
              connection = (HttpURLConnection) realUrl.openConnection();
              connection.setRequestMethod("POST");
              connection.setRequestProperty("token", token);
              connection.connect();
              return new String(connection.getInputStream().readAllBytes());
            } finally {
              if (connection != null) {
                connection.disconnect();
              }
            }
          }
        }
        """).java("""
        package shop;
        class ExecutorClient {
          private final String addressUrl;
          ExecutorClient(String addressUrl) { this.addressUrl = addressUrl; }
          String beat() throws Exception { return Remoting.postBody(addressUrl + "beat", null); }
          String kill(String token) throws Exception { return Remoting.postBody(addressUrl + "kill", token); }
        }
        """).findings(Category.API_CALL);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(List.of("beat()", "kill(String)"), byMethod.keySet().stream().sorted().toList(), findings.toString());
    assertEquals("{addressUrl}beat", byMethod.get("beat()").details().get("url"));
    assertEquals("project-http-helper", byMethod.get("kill(String)").details().get("client"));
  }

  @Test
  void aHelperWhoseClientWasOnlyGuessedGivesLowConfidenceSites() {
    // the client is named by the import alone: the solver cannot see the field's type (a var from an unknown factory)
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        class Db {
          private final Holder holder = new Holder();
          int run(String sql, Object... args) {
            var jdbc = holder.template();
            return jdbc.update(sql, args);
          }
        }
        """).java("""
        package shop;
        class Users {
          private final Db db = new Db();
          void purge() { db.run("DELETE FROM sessions"); }
        }
        """).findings(Category.DB_QUERY);
    assertEquals(1, findings.size(), findings.toString());
    Finding purge = findings.get(0);
    assertEquals("purge()", purge.enclosingMethod());
    assertEquals("DELETE FROM sessions", purge.details().get("sql"));
    assertEquals(Confidence.LOW, purge.confidence());
  }

  /** A query interface the project implements itself, each method handing the annotation's SQL to its JDBC helper. */
  private static final String DELEGATED_QUERIES = """
      package shop;
      import java.lang.annotation.Retention;
      import java.lang.annotation.RetentionPolicy;
      import java.sql.Connection;
      import java.sql.PreparedStatement;
      @Retention(RetentionPolicy.RUNTIME)
      @interface Sql { String value(); }
      interface UserQueries {
        @Sql("SELECT name FROM users WHERE id = ?") String name(long id) throws Exception;
        @Sql("UPDATE users SET seen = 1 WHERE id = ?") void touch(long id) throws Exception;
        String key(long id);
      }
      class JdbcUserQueries implements UserQueries {
        private Connection connection;
        public String name(long id) throws Exception { return one(sqlOf("name"), id); }
        public void touch(long id) throws Exception { run(sqlOf("touch"), id); }
        public String key(long id) { return "user:" + id; }
        private String one(String sql, long id) throws Exception {
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, id);
            var rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
          }
        }
        private void run(String sql, long id) throws Exception {
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
        }
        private static String sqlOf(String method) throws Exception {
          for (var m : UserQueries.class.getMethods()) {
            if (m.getName().equals(method)) {
              return m.getAnnotation(Sql.class).value();
            }
          }
          throw new IllegalArgumentException(method);
        }
      }
      """;

  @Test
  void anAnnotatedInterfaceTheProjectImplementsByDelegationIsAClientOfItsQueries() {
    List<Finding> findings = new ProjectFixture(dir).file("src/main/java/shop/UserQueries.java", DELEGATED_QUERIES)
        .java("""
        package shop;
        import java.util.ArrayList;
        import java.util.List;
        class Users {
          private final UserQueries queries = new JdbcUserQueries();
          List<String> names(List<Long> ids) throws Exception {
            List<String> result = new ArrayList<>();
            for (Long id : ids) {
              result.add(queries.name(id));
            }
            return result;
          }
          void seen(long id) throws Exception { queries.touch(id); }
          String key(long id) { return queries.key(id); }
        }
        """).assess().findings();
    List<Finding> queries = findings.stream().filter(f -> f.category() == Category.DB_QUERY
        && f.enclosingClass().equals("shop.Users")).toList();
    Map<String, Finding> byMethod = queries.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(List.of("names(List<Long>)", "seen(long)"), byMethod.keySet().stream().sorted().toList(), queries.toString());
    assertEquals("SELECT name FROM users WHERE id = ?", byMethod.get("names(List<Long>)").details().get("sql"));
    assertEquals("read", byMethod.get("names(List<Long>)").details().get("access"));
    assertEquals("UPDATE users SET seen = 1 WHERE id = ?", byMethod.get("seen(long)").details().get("sql"));
    assertEquals("write", byMethod.get("seen(long)").details().get("access"));
    List<Finding> loops = findings.stream().filter(f -> f.category() == Category.IO_LOOP).toList();
    assertEquals(1, loops.size(), loops.toString());
    assertTrue(loops.get(0).details().get("perIteration").toString().contains("[SELECT name FROM users WHERE id = ?]"),
        loops.get(0).details().toString());
  }

  @Test
  void anAnnotatedInterfaceTheProjectImplementsWithoutIoIsNoClient() {
    // the near miss: the same annotations, an implementation that answers from memory
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        interface Fixtures {
          @Sql("SELECT name FROM users WHERE id = ?") String name(long id);
        }
        """).java("""
        package shop;
        @interface Sql { String value(); }
        """).java("""
        package shop;
        import java.util.List;
        class InMemoryFixtures implements Fixtures {
          public String name(long id) { return "user" + id; }
          int total(List<Long> ids) {
            int total = 0;
            for (Long id : ids) {
              total += name(id).length();
            }
            return total;
          }
        }
        """).java("""
        package shop;
        class Reader {
          private final Fixtures fixtures = new InMemoryFixtures();
          String read(long id) { return fixtures.name(id); }
        }
        """).assess().findings();
    assertEquals(List.of(), findings.stream().filter(f -> f.category() != Category.CACHEABLE_READ).toList());
  }
}
