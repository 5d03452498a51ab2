package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The members a rewrite adds take names nothing in the file declares, at any depth, nor another
 * rewrite of the same file took: the names are looked up in an index of the file made once (a walk
 * of the whole file per name made assess quadratic in a generated class), and must be as unique as
 * those walks made them.
 */
class UniqueMemberNamesTest {
  @TempDir Path dir;

  private static final String RATES = """
      package shop;

      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;

      class RatesBase {
          protected String getRateCache = "the base class's, inherited";
      }

      public class Rates extends RatesBase {
          private final HttpClient http = HttpClient.newHttpClient();

          public String getRate(String currency) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://rates.example.com/" + currency)).build(),
                  HttpResponse.BodyHandlers.ofString()).body();
          }

          public String getRate(String from, String to) throws Exception {
              return http.send(HttpRequest.newBuilder(URI.create("https://rates.example.com/" + from + "/" + to)).build(),
                  HttpResponse.BodyHandlers.ofString()).body();
          }

          static class Audit {
              private final String getRateUncached = "a nested class's";
          }

          Object describe() {
              class GetRateKey {
              }
              return new GetRateKey();
          }
      }
      """;

  @Test
  void namesTakenInTheBaseClassANestedClassALocalClassOrByAnOverloadAreNotReused() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir).file("src/main/java/shop/Rates.java", RATES);
    MigrationPlan plan = fixture.plan();
    assertEquals(2, plan.targets().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Rates.java");
    // the one-parameter overload comes first: the base class has getRateCache, the nested class getRateUncached
    assertTrue(after.contains(" getRateCache2 = "), after);
    assertTrue(after.contains("private String getRateUncached2(String currency)"), after);
    // the two-parameter one: its names were taken by the first rewrite, and a local class is GetRateKey
    assertTrue(after.contains(" getRateCache3 = "), after);
    assertTrue(after.contains("private String getRateUncached3(String from, String to)"), after);
    assertTrue(after.contains("GetRateKey2(String from, String to)"), after); // a record, or a class before Java 16
    assertEquals(after.indexOf("class GetRateKey "), after.lastIndexOf("class GetRateKey "), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void identicalWritersOfTwoClassesOfAFileEachInvalidateTheirOwnCache() throws Exception {
    String stores = """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import javax.sql.DataSource;

        public class Stores {
            public static void main(String[] args) throws Exception {
                System.out.println(new North(null).name(1) + new South(null).name(1));
            }
        }

        class North {
            private final DataSource dataSource;

            North(DataSource dataSource) {
                this.dataSource = dataSource;
            }

            public String name(long id) throws SQLException {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement statement = connection.prepareStatement("SELECT name FROM north WHERE id = ?")) {
                    statement.setLong(1, id);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                }
            }

            public void rename(long id, String name) throws SQLException {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement statement = connection.prepareStatement("UPDATE north SET name = ? WHERE id = ?")) {
                    statement.setString(1, name);
                    statement.setLong(2, id);
                    statement.executeUpdate();
                }
            }
        }

        class South {
            private final DataSource dataSource;

            South(DataSource dataSource) {
                this.dataSource = dataSource;
            }

            public String name(long id) throws SQLException {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement statement = connection.prepareStatement("SELECT name FROM north WHERE id = ?")) {
                    statement.setLong(1, id);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? rows.getString(1) : null;
                    }
                }
            }

            public void rename(long id, String name) throws SQLException {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement statement = connection.prepareStatement("UPDATE north SET name = ? WHERE id = ?")) {
                    statement.setString(1, name);
                    statement.setLong(2, id);
                    statement.executeUpdate();
                }
            }
        }
        """;
    MigrationFixture fixture = new MigrationFixture(dir).java(stores);
    MigrationPlan plan = fixture.plan(java.util.Set.of("North.name", "South.name"));
    assertEquals(2, plan.targets().size(), plan.refusals().toString());
    String after = MigrationFixture.after(plan, "src/main/java/shop/Stores.java");
    int north = after.indexOf("class North");
    int south = after.indexOf("class South");
    String northText = after.substring(north, south);
    String southText = after.substring(south);
    assertTrue(northText.contains("nameCache.invalidateAll();") && !northText.contains("nameCache2"), northText);
    assertTrue(southText.contains("nameCache2.invalidateAll();"), southText);
    fixture.assertCompiles(plan);
  }
}
