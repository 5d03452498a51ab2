package dev.optkit.analyzers.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26, mechanism 4: calls that reach I/O through an implementation a class inherits from a
 * superclass that does not itself implement the interface called, and through getters that hand
 * back a client.
 */
class InheritedCallsTest {
  @TempDir Path dir;

  /** A base DAO with the JDBC code; it implements no interface. */
  private static final String BASE = """
      package shop;
      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.ResultSet;
      abstract class Base {
        protected Connection connection;
        public String find(long id) throws Exception {
          try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM products WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) { return rs.next() ? rs.getString(1) : null; }
          }
        }
        public String label(long id) { return "#" + id; }
      }
      """;

  private static final String API = """
      package shop;
      interface Api {
        String find(long id) throws Exception;
        String label(long id);
      }
      """;

  private static final String DAO = """
      package shop;
      class Dao extends Base implements Api {
      }
      """;

  @Test
  void anInterfaceCallReachesTheSuperclassMethodThatImplementsItInASubclass() {
    List<Finding> loops = new ProjectFixture(dir).java(BASE).java(API).java(DAO).java("""
        package shop;
        import java.util.ArrayList;
        import java.util.List;
        class Names {
          private final Api api;
          Names(Api api) { this.api = api; }
          List<String> names(List<Long> ids) throws Exception {
            List<String> result = new ArrayList<>();
            for (Long id : ids) {
              result.add(api.find(id));
            }
            return result;
          }
          List<String> labels(List<Long> ids) {
            List<String> result = new ArrayList<>();
            for (Long id : ids) {
              result.add(api.label(id)); // near miss: Base.label computes locally
            }
            return result;
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(1, loops.size(), loops.toString());
    Finding loop = loops.get(0);
    assertEquals("names(List<Long>)", loop.enclosingMethod());
    assertEquals("n-plus-one-query", loop.details().get("classification"));
    assertTrue(loop.details().get("perIteration").toString().contains("via Base.find"), loop.details().toString());
  }

  @Test
  void aSubclassThatOverridesTheMethodItselfIsFollowedAsBefore() {
    // the control: Dao's own find runs, Base's is not also counted
    List<Finding> loops = new ProjectFixture(dir).java(BASE).java(API).java("""
        package shop;
        class Dao extends Base implements Api {
          @Override public String find(long id) { return "cached-" + id; }
        }
        """).java("""
        package shop;
        import java.util.List;
        class Names {
          private final Api api;
          Names(Api api) { this.api = api; }
          void names(List<Long> ids) throws Exception {
            for (Long id : ids) {
              System.out.println(api.find(id));
            }
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of(), loops);
  }

  /** A class that gets its client from a getter declared in another file (a base class). */
  private static final String CLIENT_HOLDER = """
      package shop;
      import java.net.http.HttpClient;
      import org.springframework.jdbc.core.JdbcTemplate;
      abstract class ClientHolder {
        private HttpClient http;
        private JdbcTemplate jdbc;
        protected HttpClient getClient() { return http; }
        protected JdbcTemplate jdbc() { return jdbc; }
        protected String getName() { return "holder"; }
        protected StringBuilder builder() { return new StringBuilder(); }
      }
      """;

  @Test
  void aLoopIsFollowedThroughAGetterThatHandsBackAClient() {
    List<Finding> findings = new ProjectFixture(dir).java(CLIENT_HOLDER).java("""
        package shop;
        import java.net.URI;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.util.List;
        class Prices extends ClientHolder {
          void warm(List<String> skus) throws Exception {
            for (String sku : skus) {
              getClient().send(HttpRequest.newBuilder(URI.create("http://prices/" + sku)).build(),
                  HttpResponse.BodyHandlers.ofString());
            }
          }
        }
        """).java("""
        package shop;
        import java.util.List;
        class Stock extends ClientHolder {
          int total(List<Long> ids) {
            int total = 0;
            for (Long id : ids) {
              total += this.jdbc().queryForObject("SELECT qty FROM stock WHERE id = ?", Integer.class, id);
            }
            return total;
          }
          int lengths(List<String> names) {
            int total = 0;
            for (String name : names) {
              total += getName().length();           // near miss: a getter of a String
              total += builder().append(name).length(); // near miss: a builder
            }
            return total;
          }
        }
        """).assess().findings();
    List<Finding> loops = findings.stream().filter(f -> f.category() == Category.IO_LOOP).toList();
    assertEquals(List.of("total(List<Long>)", "warm(List<String>)"),
        loops.stream().map(Finding::enclosingMethod).sorted().toList(), loops.toString());
    Finding query = findings.stream().filter(f -> f.category() == Category.DB_QUERY).findFirst().orElseThrow();
    assertEquals("SELECT qty FROM stock WHERE id = ?", query.details().get("sql"));
    assertEquals("read", query.details().get("access"));
  }

  @Test
  void aLoopIsFollowedThroughAGetterThatHandsBackARepository() {
    List<Finding> loops = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.data.repository.CrudRepository;
        interface ProductRepository extends CrudRepository<Product, Long> {
        }
        """).java("""
        package shop;
        class Product {
          Long id;
          String name;
        }
        """).java("""
        package shop;
        abstract class Service {
          private ProductRepository repository;
          protected ProductRepository repo() { return repository; }
          protected String prefix() { return "p-"; }
        }
        """).java("""
        package shop;
        import java.util.ArrayList;
        import java.util.List;
        class Catalog extends Service {
          List<Object> products(List<Long> ids) {
            List<Object> result = new ArrayList<>();
            for (Long id : ids) {
              result.add(this.repo().findById(id));
            }
            return result;
          }
          List<String> names(List<Long> ids) {
            List<String> result = new ArrayList<>();
            for (Long id : ids) {
              result.add(this.prefix().concat(String.valueOf(id))); // near miss: a getter of a String
            }
            return result;
          }
        }
        """).findings(Category.IO_LOOP);
    assertEquals(List.of("products(List<Long>)"), loops.stream().map(Finding::enclosingMethod).toList(), loops.toString());
    assertEquals("n-plus-one-query", loops.get(0).details().get("classification"));
  }
}
