package dev.optkit.rewriters;

import dev.optkit.analyzers.index.Transactions;
import dev.optkit.rewriters.plan.NotCacheable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per safety rule of the planner: what it refuses, and why, on snippets written for the test. */
class MigrationSafetyTest {
  @TempDir Path dir;

  /** A plain Java project of its own (a folder without a pom inside another project is a folder of that one). */
  static final String PLAIN_POM = "<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId>"
      + "<artifactId>plain</artifactId><version>1</version></project>";

  static final String SPRING_POM = """
      <project>
        <modelVersion>4.0.0</modelVersion>
        <properties><maven.compiler.release>17</maven.compiler.release></properties>
        <dependencies>
          <dependency>
            <groupId>org.springframework</groupId>
            <artifactId>spring-context</artifactId>
            <version>6.2.12</version>
          </dependency>
          <dependency>
            <groupId>org.springframework</groupId>
            <artifactId>spring-jdbc</artifactId>
            <version>6.2.12</version>
          </dependency>
        </dependencies>
      </project>
      """;

  /** A Spring bean reading with JdbcTemplate: {@code %s} is the rest of the class body. */
  static String bean(String name, String stereotype, String imports, String body) {
    return """
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        %s

        @%s
        public class %s {
            private final JdbcTemplate jdbc;

            public %s(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }
        %s
        }
        """.formatted(imports, stereotype, name, name, body);
  }

  private MigrationFixture spring() {
    return new MigrationFixture(dir).file("pom.xml", SPRING_POM);
  }

  private static String refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError(method + " was not refused; cached: "
            + plan.targets().stream().map(t -> t.method().fact().name()).toList() + ", refused: "
            + plan.refusals().stream().map(r -> r.finding().enclosingMethod() + ": " + r.reason()).toList()));
  }

  private static CachingTarget target(MigrationPlan plan, String method) {
    return plan.targets().stream().filter(t -> t.method().fact().name().equals(method)).findFirst()
        .orElseThrow(() -> new AssertionError(method + " was not cached; refused: "
            + plan.refusals().stream().map(r -> r.finding().enclosingMethod() + ": " + r.reason()).toList()));
  }

  // 1. Handlers and web types

  @Test
  void controllerMethodsAndWebResponsesAreNeverCached() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("PriceController", "RestController", "import org.springframework.web.bind.annotation.RestController;",
            """
                public String price(String sku) {
                    return jdbc.queryForObject("SELECT price FROM prices WHERE sku = ?", String.class, sku);
                }
            """))
        .java(bean("PriceService", "Service", """
            import org.springframework.http.ResponseEntity;
            import org.springframework.stereotype.Service;""", """
                public ResponseEntity<String> priceResponse(String sku) {
                    return ResponseEntity.ok(jdbc.queryForObject("SELECT price FROM prices WHERE sku = ?", String.class, sku));
                }
            """))
        .plan();
    assertTrue(refusalOrNotProposed(plan, "price").contains("controller"), refusalOrNotProposed(plan, "price"));
    assertTrue(refusalOrNotProposed(plan, "priceResponse").contains("web response"));
    assertTrue(plan.changes().isEmpty());
  }

  @Test
  void aMethodImplementingAGeneratedMappedInterfaceIsAHandler() throws Exception {
    MigrationPlan plan = spring()
        .file("target/generated-sources/openapi/src/main/java/shop/api/PetsApi.java", """
            package shop.api;

            import org.springframework.web.bind.annotation.GetMapping;

            public interface PetsApi {
                @GetMapping("/pets/{id}")
                String petName(String id);
            }
            """)
        .java(bean("PetsDelegate", "Component", """
            import org.springframework.stereotype.Component;
            import shop.api.PetsApi;""", """
                @Override
                public String petName(String id) {
                    return jdbc.queryForObject("SELECT name FROM pets WHERE id = ?", String.class, id);
                }
            """).replace("public class PetsDelegate", "public class PetsDelegate implements PetsApi"))
        .plan();
    assertEquals(Proof.REQUEST_HANDLER, RefusalIds.refusedOrNotProposed(plan, "PetsDelegate", "petName"),
        RefusalIds.listing(plan));
    String why = refusalOrNotProposed(plan, "petName");
    // the name: no fact carries it yet
    assertTrue(why.contains("PetsApi.petName"), why);
    assertTrue(plan.changes().stream().noneMatch(c -> c.path().startsWith("target/")));
  }

  // 2. Security

  @Test
  void securedAndPerUserReadsAndSecretKeysAreRefused() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("AccountService", "Service", """
            import org.springframework.security.access.prepost.PreAuthorize;
            import org.springframework.security.core.context.SecurityContextHolder;
            import org.springframework.stereotype.Service;""", """
                @PreAuthorize("hasRole('ADMIN')")
                public String salary(String employee) {
                    return jdbc.queryForObject("SELECT salary FROM salaries WHERE who = ?", String.class, employee);
                }

                public String myOrders(String status) {
                    return jdbc.queryForObject("SELECT count(*) FROM orders WHERE owner = ? AND status = ?", String.class,
                        currentUser(), status);
                }

                private String currentUser() {
                    return SecurityContextHolder.getContext().getAuthentication().getName();
                }

                public String account(String apiToken) {
                    return jdbc.queryForObject("SELECT name FROM accounts WHERE token = ?", String.class, apiToken);
                }
            """))
        .plan();
    assertTrue(refusal(plan, "salary").contains("@PreAuthorize"), refusal(plan, "salary"));
    assertTrue(refusalOrNotProposed(plan, "myOrders").contains("currentUser"), refusalOrNotProposed(plan, "myOrders"));
    assertTrue(refusal(plan, "account").contains("secret"), refusal(plan, "account"));
  }

  // 3. Null keys (Spring; the plain Java form is run with a null argument in PlainJavaNullKeyTest)

  @Test
  void aLoneNullableSpringKeySkipsTheCacheInsteadOfThrowing() throws Exception {
    MigrationFixture fixture = spring()
        .java(bean("CountryDao", "Repository", "import org.springframework.stereotype.Repository;", """
                public String countryName(String code) {
                    return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
                }

                public String population(int id) {
                    return jdbc.queryForObject("SELECT population FROM country WHERE id = ?", String.class, id);
                }

                public void rename(String code, String name) {
                    jdbc.update("UPDATE country SET name = ? WHERE code = ?", name, code);
                }
            """));
    MigrationPlan plan = fixture.plan();
    String after = MigrationFixture.after(plan, "src/main/java/shop/CountryDao.java");
    assertTrue(after.contains("condition = \"#p0 != null and !T("), after);
    // rename(code, name) drops every entry: its code may be a new value, never a key to trust
    assertTrue(after.contains("@CacheEvict(cacheNames = {\"optkit.CountryDao.countryName\", \"optkit.CountryDao.population\"}, "
        + "allEntries = true"), after);
    // a primitive key is never null: no condition on it
    assertTrue(after.contains("key = \"#p0\", cacheManager = \"optkitCacheManager\", condition = \"!T("), after);
    fixture.assertCompiles(plan);
  }

  // 4. Complete eviction or no cache

  @Test
  void aJoinReadIsEvictedByAWriterOfEitherTableInAnotherBean() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("OrderQueries", "Service", "import org.springframework.stereotype.Service;", """
                public String orderSummary(long id) {
                    return jdbc.queryForObject("SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id "
                        + "WHERE o.id = ?", String.class, id);
                }

                public String customersWithOrders(String region) {
                    return jdbc.queryForObject("SELECT count(*) FROM customers WHERE region = ? AND id IN "
                        + "(SELECT customer_id FROM invoices)", String.class, region);
                }
            """))
        .java(bean("CustomerWriter", "Service", "import org.springframework.stereotype.Service;", """
                public void rename(long id, String name) {
                    jdbc.update("UPDATE customers SET name = ? WHERE id = ?", name, id);
                }
            """))
        .java(bean("InvoiceWriter", "Service", "import org.springframework.stereotype.Service;", """
                public void bill(long customer) {
                    jdbc.update("INSERT INTO invoices(customer_id) VALUES (?)", customer);
                }
            """))
        .java(bean("AuditWriter", "Service", "import org.springframework.stereotype.Service;", """
                public void audit(String what) {
                    jdbc.update("INSERT INTO audit(what) VALUES (?)", what);
                }
            """))
        .plan();
    assertEquals(List.of("CustomerWriter.rename"), writers(target(plan, "orderSummary")));
    // the subquery's table is read too
    assertEquals(List.of("CustomerWriter.rename", "InvoiceWriter.bill"), writers(target(plan, "customersWithOrders")));
  }

  @Test
  void aWriterThatCannotEvictRefusesTheReadUnlessStaleIsAccepted() throws Exception {
    String reader = """
        package shop;

        import java.sql.Connection;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import javax.sql.DataSource;

        public class StockReader {
            private final DataSource dataSource;

            public StockReader(DataSource dataSource) {
                this.dataSource = dataSource;
            }

            public int stock(String sku) throws SQLException {
                try (Connection c = dataSource.getConnection();
                     java.sql.PreparedStatement ps = c.prepareStatement("SELECT qty FROM stock WHERE sku = ?")) {
                    ps.setString(1, sku);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                }
            }
        }
        """;
    String writer = """
        package shop;

        import java.sql.Connection;
        import java.sql.SQLException;
        import javax.sql.DataSource;

        public class StockWriter {
            private final DataSource dataSource;

            public StockWriter(DataSource dataSource) {
                this.dataSource = dataSource;
            }

            public void receive(String sku, int qty) throws SQLException {
                try (Connection c = dataSource.getConnection();
                     java.sql.PreparedStatement ps = c.prepareStatement("UPDATE stock SET qty = qty + ? WHERE sku = ?")) {
                    ps.setInt(1, qty);
                    ps.setString(2, sku);
                    ps.executeUpdate();
                }
            }
        }
        """;
    MigrationFixture fixture = new MigrationFixture(dir).java(reader).java(writer);
    Refusal stock = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, fixture.plan(), "StockReader", "stock");
    assertEquals(List.of("writer shop.StockWriter.receive"), RefusalIds.facts(stock));

    Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
    MigrationFixture accepting = new MigrationFixture(dir).java(reader).java(writer);
    MigrationPlan accepted = accepting.plan(Set.of("StockReader.stock"));
    target(accepted, "stock");
    String after = MigrationFixture.after(accepted, "src/main/java/shop/StockReader.java");
    assertTrue(after.contains("// accepted stale (--accept-stale): StockWriter.receive()"), after);
    accepting.assertCompiles(accepted);

    // several writers accepted: one comment above the method, each writer in the plan's warnings (33 test methods of a
    // JHipster app wrote 33 copies of one reason into its UserService)
    Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
    MigrationFixture two = new MigrationFixture(dir).java(reader).java(writer)
        .java(writer.replace("StockWriter", "StockAuditor").replace("receive(", "correct("));
    MigrationPlan both = two.plan(Set.of("StockReader.stock"));
    String twice = MigrationFixture.after(both, "src/main/java/shop/StockReader.java");
    assertEquals(1, twice.split("accepted stale \\(--accept-stale\\)", -1).length - 1, twice);
    assertEquals(2, target(both, "stock").warnings().stream().filter(w -> w.startsWith("accepted stale")).count());
  }

  /**
   * A writer that reads the stock first and writes from what it read (ddd-example-ecommerce's GoodsFetchingJdbc, which
   * left the stock at -2 once its read was accepted stale): --accept-stale accepts stale answers, not writes computed
   * from them. So is a service that reads, then hands the writer the new value. A writer that reads nothing of it is
   * accepted as before.
   */
  @Test
  void aStaleAnswerAWriterWritesBackIsNotAccepted() throws Exception {
    String reader = """
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;

        public class StockReader {
            private final JdbcTemplate jdbc;

            public StockReader(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public int stock(String sku) {
                return jdbc.queryForObject("SELECT qty FROM stock WHERE sku = ?", Integer.class, sku);
            }
        }
        """;
    String writer = """
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;

        public class StockWriter {
            private final JdbcTemplate jdbc;
            private final StockReader reader;

            public StockWriter(JdbcTemplate jdbc, StockReader reader) {
                this.jdbc = jdbc;
                this.reader = reader;
            }

            public void take(String sku, int qty) {
                %s
            }

            public void set(String sku, int qty) {
                jdbc.update("UPDATE stock SET qty = ? WHERE sku = ?", qty, sku);
            }
        }
        """;
    String fromRead = "int left = reader.stock(sku);\n        jdbc.update(\"UPDATE stock SET qty = ? WHERE sku = ?\", "
        + "Math.max(left - qty, 0), sku);";
    String service = """
        package shop;

        public class Orders {
            private final StockReader reader;
            private final StockWriter writer;

            public Orders(StockReader reader, StockWriter writer) {
                this.reader = reader;
                this.writer = writer;
            }

            public void ship(String sku, int qty) {
                writer.set(sku, reader.stock(sku) - qty);
            }
        }
        """;
    Refusal own = RefusalIds.assertProof(Proof.STALE_WRITE_BACK, new MigrationFixture(dir.resolve("own"))
        .file("pom.xml", SPRING_POM).java(reader).java(writer.formatted(fromRead)).plan(Set.of("StockReader.stock")),
        "StockReader", "stock");
    assertTrue(RefusalIds.facts(own).contains("writer shop.StockWriter.take"), RefusalIds.facts(own).toString());
    RefusalIds.assertProof(Proof.STALE_WRITE_BACK, new MigrationFixture(dir.resolve("caller"))
        .file("pom.xml", SPRING_POM).java(reader).java(writer.formatted("set(sku, qty);")).java(service)
        .plan(Set.of("StockReader.stock")), "StockReader", "stock");
    // a call between the read and the write (a hostile review's shape: the service records through a helper)
    RefusalIds.assertProof(Proof.STALE_WRITE_BACK, new MigrationFixture(dir.resolve("deeper"))
        .file("pom.xml", SPRING_POM).java(reader).java(writer.formatted("set(sku, qty);"))
        .java(service.replace("writer.set(sku, reader.stock(sku) - qty);", "record(sku, reader.stock(sku) - qty);")
            .replace("    public void ship(", "    private void record(String sku, int left) {\n        writer.set(sku, left);\n    }\n\n    public void ship("))
        .plan(Set.of("StockReader.stock")), "StockReader", "stock");
    MigrationPlan blind = new MigrationFixture(dir.resolve("blind")).file("pom.xml", SPRING_POM).java(reader)
        .java(writer.formatted("jdbc.update(\"UPDATE stock SET qty = qty - ? WHERE sku = ?\", qty, sku);"))
        .plan(Set.of("StockReader.stock"));
    target(blind, "stock");
  }

  @Test
  void everyImplementationOfARepositoryInterfaceEvicts() throws Exception {
    MigrationPlan plan = spring()
        .java("""
            package shop;

            public interface RateStore {
                void save(String currency, double rate);
            }
            """)
        .java(bean("JdbcRateStore", "Repository", """
            import org.springframework.context.annotation.Profile;
            import org.springframework.stereotype.Repository;""", """
                public void save(String currency, double rate) {
                    jdbc.update("UPDATE rates SET rate = ? WHERE currency = ?", rate, currency);
                }
            """).replace("public class JdbcRateStore", "public class JdbcRateStore implements RateStore")
            .replace("@Repository", "@Repository\n@Profile(\"jdbc\")"))
        .java(bean("BatchRateStore", "Repository", """
            import org.springframework.context.annotation.Profile;
            import org.springframework.stereotype.Repository;""", """
                public void save(String currency, double rate) {
                    jdbc.update("MERGE INTO rates(currency, rate) KEY(currency) VALUES (?, ?)", currency, rate);
                }
            """).replace("public class BatchRateStore", "public class BatchRateStore implements RateStore")
            .replace("@Repository", "@Repository\n@Profile(\"batch\")"))
        .java(bean("RateService", "Service", "import org.springframework.stereotype.Service;", """
                public double rate(String currency) {
                    return jdbc.queryForObject("SELECT rate FROM rates WHERE currency = ?", Double.class, currency);
                }
            """))
        .plan();
    assertEquals(List.of("BatchRateStore.save", "JdbcRateStore.save"), writers(target(plan, "rate")));
  }

  /** A store with a jdbc, a merge and a Spring Data implementation, {@code %s} (the profile's name) selecting each. */
  private MigrationFixture kindStores(String selection) {
    MigrationFixture fixture = spring().java("""
        package shop;

        import java.util.List;

        public interface KindStore {
            List<String> kinds();

            void add(String name);
        }
        """);
    for (String[] store : new String[][] {{"JdbcKindStore", "INSERT INTO kinds(name) VALUES (?)"},
        {"MergeKindStore", "MERGE INTO kinds(name) KEY(name) VALUES (?)"}}) {
      fixture.java(bean(store[0], "Repository", """
          import java.util.List;
          import org.springframework.context.annotation.Profile;
          import org.springframework.stereotype.Repository;""", """
              public List<String> kinds() {
                  return jdbc.queryForList("SELECT name FROM kinds ORDER BY name", String.class);
              }

              public void add(String name) {
                  jdbc.update("%s", name);
              }
          """.formatted(store[1])).replace("public class " + store[0], "public class " + store[0] + " implements KindStore")
          .replace("@Repository", "@Repository\n" + selection.formatted(store[0])));
    }
    return fixture.java("""
        package shop;

        import java.util.List;
        import org.springframework.context.annotation.Profile;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.Repository;

        %s
        public interface DataKindStore extends KindStore, Repository<Kind, Integer> {
            @Override
            @Query("SELECT k.name FROM Kind k ORDER BY k.name")
            List<String> kinds();
        }
        """.formatted(selection.formatted("DataKindStore"))).java("""
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        import jakarta.persistence.Table;

        @Entity
        @Table(name = "kinds")
        public class Kind {
            @Id
            private Integer id;
            private String name;
        }
        """).java("""
        package shop;

        import java.util.List;
        import org.springframework.stereotype.Service;

        @Service
        public class Kinds {
            private final KindStore store;

            public Kinds(KindStore store) {
                this.store = store;
            }

            public List<String> all() {
                return store.kinds();
            }

            public void add(String name) {
                store.add(name);
            }
        }
        """);
  }

  @Test
  void aReadThroughOneImplementationPerProfileIsCachedAndEveryImplementationsWriterEvicts() throws Exception {
    MigrationPlan plan = kindStores("@Profile(\"%s\")").plan();
    CachingTarget all = target(plan, "all");
    // every profile's writer evicts (Kinds.add is not transactional, so the stores evict too)
    assertTrue(writers(all).containsAll(List.of("JdbcKindStore.add", "MergeKindStore.add")), writers(all).toString());
  }

  @Test
  void aReadThroughOneImplementationPerProfileIsRefusedWhenACallerChangesWhatItReturns() throws Exception {
    MigrationPlan plan = kindStores("@Profile(\"%s\")").java("""
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class KindsPage {
            private final Kinds kinds;

            public KindsPage(Kinds kinds) {
                this.kinds = kinds;
            }

            public int count() {
                java.util.List<String> all = kinds.all();
                all.add("unsaved");
                return all.size();
            }
        }
        """).plan();
    assertTrue(refusal(plan, "all").contains("KindsPage.count() changes the result it gets"),
        refusal(plan, "all"));
  }

  @Test
  void aSpringDataQueryMethodIsRefusedForWhatOptkitCannotProveOrForWhatItsCallersDo() throws Exception {
    MigrationPlan plan = spring().java("""
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;

        @Entity
        public class Kind {
            @Id
            private Integer id;
            private String name;

            public String getName() {
                return name;
            }

            public void setName(String name) {
                this.name = name;
            }
        }
        """).java("""
        package shop;

        import java.util.List;
        import org.springframework.data.jpa.repository.Query;
        import org.springframework.data.repository.Repository;

        public interface KindRepository extends Repository<Kind, Integer> {
            @Query("SELECT k FROM Kind k ORDER BY k.name")
            List<Kind> findKinds();

            Kind findByName(String name);
        }
        """).java("""
        package shop;

        import java.util.ArrayList;
        import java.util.List;
        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class Kinds {
            private final KindRepository kinds;

            public Kinds(KindRepository kinds) {
                this.kinds = kinds;
            }

            public List<String> names() {
                List<String> names = new ArrayList<>();
                for (Kind kind : kinds.findKinds()) {
                    names.add(kind.getName());
                }
                return names;
            }

            @Transactional
            public void rename(String from, String to) {
                kinds.findByName(from).setName(to);
            }
        }
        """).plan();
    // the interface's method is cacheable where it is declared, but one level per data: the outer read keeps it
    assertTrue(refusal(plan, "findKinds").startsWith("called by Kinds.names(), which is cached in this migration"),
        refusal(plan, "findKinds"));
    assertTrue(refusal(plan, "findByName").contains("Kinds.rename() changes the result it gets"),
        refusal(plan, "findByName"));
    assertTrue(plan.changes().stream().noneMatch(c -> c.path().endsWith("KindRepository.java")));
    // a class method that calls it and copies out what it needs is cached instead; the entity changed in a
    // transaction (flushed at its commit) is a write of its table, so rename() evicts it
    assertEquals(List.of("rename"), target(plan, "names").evictions().stream().map(e -> e.writer().fact().name())
        .toList());
  }

  // 5. Transactions

  @Test
  void springEvictionsWaitForTheCommitAndPlainTransactionalWritersRefuse() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("CountryDao", "Repository", "import org.springframework.stereotype.Repository;", """
                public String countryName(String code) {
                    return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
                }

                public void rename(String code, String name) {
                    jdbc.update("UPDATE country SET name = ? WHERE code = ?", name, code);
                }
            """))
        .plan();
    String config = MigrationFixture.after(plan, "src/main/java/shop/OptkitCacheConfig.java");
    assertTrue(config.contains("return new TransactionAwareCacheManagerProxy(manager);"), config);
    // at once before the write (the transaction reads its own write), and again at the commit
    String dao = MigrationFixture.after(plan, "src/main/java/shop/CountryDao.java");
    assertTrue(dao.contains("""
            @Caching(evict = {
                @CacheEvict(cacheNames = "optkit.CountryDao.countryName", allEntries = true, beforeInvocation = true, cacheManager = "optkitCacheManager"),
                @CacheEvict(cacheNames = "optkit.CountryDao.countryName", allEntries = true, cacheManager = "optkitCacheManager")})
            public void rename(String code, String name) {
        """), dao);

    MigrationPlan plain = new MigrationFixture(dir.resolve("plain")).file("pom.xml", PLAIN_POM).java("""
        package shop;

        import javax.sql.DataSource;

        public class Ledger {
            private final DataSource dataSource;

            public Ledger(DataSource dataSource) {
                this.dataSource = dataSource;
            }

            public long balance(String account) throws java.sql.SQLException {
                try (java.sql.Connection c = dataSource.getConnection();
                     java.sql.PreparedStatement ps = c.prepareStatement("SELECT total FROM ledger WHERE account = ?")) {
                    ps.setString(1, account);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0;
                    }
                }
            }

            @jakarta.transaction.Transactional
            public void post(String account, long amount) throws java.sql.SQLException {
                try (java.sql.Connection c = dataSource.getConnection();
                     java.sql.PreparedStatement ps = c.prepareStatement("UPDATE ledger SET total = total + ? WHERE account = ?")) {
                    ps.setLong(1, amount);
                    ps.setString(2, account);
                    ps.executeUpdate();
                }
            }
        }
        """).plan();
    assertTrue(refusal(plain, "balance").contains("transaction"), refusal(plain, "balance"));
  }

  static final String RATES = """
      package shop;

      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.ResultSet;
      import java.sql.SQLException;

      public class Rates {
          private final Connection connection;

          public Rates(Connection connection) {
              this.connection = connection;
          }

          public double rate(String currency) throws SQLException {
              try (PreparedStatement ps = connection.prepareStatement("SELECT rate FROM rates WHERE currency = ?")) {
                  ps.setString(1, currency);
                  try (ResultSet rs = ps.executeQuery()) {
                      return rs.next() ? rs.getDouble(1) : 0;
                  }
              }
          }

          public void setRate(String currency, double rate) throws SQLException {
              try (PreparedStatement ps = connection.prepareStatement("UPDATE rates SET rate = ? WHERE currency = ?")) {
                  ps.setDouble(1, rate);
                  ps.setString(2, currency);
                  ps.executeUpdate();
              }
          }
      }
      """;

  /** A class using Rates: {@code %s} is its body. */
  static String ratesUser(String name, String body) {
    return """
        package shop;

        import java.sql.Connection;

        public class %s {
        %s
        }
        """.formatted(name, body);
  }

  @Test
  void aPerObjectCacheWithWritersNeedsAClassCreatedOnce() throws Exception {
    // nobody visible creates it: a framework may make any number of objects
    String unseen = refusal(new MigrationFixture(dir.resolve("unseen")).java(RATES).plan(), "rate");
    assertTrue(unseen.contains("Rates.setRate() would evict only the cache of the object it runs on, and no production "
        + "code optkit can see creates Rates"), unseen);
    assertTrue(unseen.contains("--accept-stale Rates.rate"), unseen);

    // two objects: a write through the admin's object leaves the quote's object stale
    String twice = refusal(new MigrationFixture(dir.resolve("twice")).java(RATES)
        .java(ratesUser("Quotes", "    final Rates rates;\n    Quotes(Connection c) { rates = new Rates(c); }"))
        .java(ratesUser("Admin", "    void reset(Connection c) throws Exception { new Rates(c).setRate(\"EUR\", 1); }"))
        .createdOnce("shop.Quotes", "null").plan(), "rate");
    assertTrue(twice.contains("Rates is created in 2 places (Admin line 6, Quotes line 7)"), twice);

    // once per call of a method
    String perCall = refusal(new MigrationFixture(dir.resolve("perCall")).java(RATES)
        .java(ratesUser("Admin", "    double quote(Connection c) throws Exception { return new Rates(c).rate(\"EUR\"); }"))
        .plan(), "rate");
    assertTrue(perCall.contains("Rates is created in Admin line 6, once per call"), perCall);

    // a field of a class that is itself made once per object of another class made in a loop
    String nested = refusal(new MigrationFixture(dir.resolve("nested")).java(RATES)
        .java(ratesUser("Quotes", "    final Rates rates;\n    Quotes(Connection c) { rates = new Rates(c); }"))
        .java(ratesUser("Desk", "    void open(Connection c) { for (int i = 0; i < 3; i++) new Quotes(c); }"))
        .plan(), "rate");
    assertTrue(nested.contains("Rates is created with each Quotes, and Quotes is created in a loop or callback in Desk"),
        nested);

    // reflection makes objects too, and a Serializable class is copied by deserializing
    String reflective = refusal(new MigrationFixture(dir.resolve("reflective")).java(RATES).createdOnce("shop.Rates", "null")
        .java(ratesUser("Admin", "    Object another() throws Exception { return Rates.class.getConstructor(Connection.class)"
            + ".newInstance((Connection) null); }")).plan(), "rate");
    assertTrue(reflective.contains("Rates is created in 2 places"), reflective);
    String serializable = refusal(new MigrationFixture(dir.resolve("serializable"))
        .java(RATES.replace("public class Rates {", "public class Rates implements java.io.Serializable {"))
        .createdOnce("shop.Rates", "null").plan(), "rate");
    assertTrue(serializable.contains("Rates is Serializable"), serializable);

    // a @Bean method is one object only where Spring proxies the configuration's bean methods
    String beans = """
        package shop;

        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;

        @Configuration%s
        public class Beans {
            @Bean
            public Rates rates() {
                return new Rates(null);
            }
        }
        """;
    target(new MigrationFixture(dir.resolve("bean")).file("pom.xml", SPRING_POM).java(RATES)
        .java(beans.formatted("")).plan(), "rate");
    String lite = refusal(new MigrationFixture(dir.resolve("lite")).file("pom.xml", SPRING_POM).java(RATES)
        .java(beans.formatted("(proxyBeanMethods = false)")).plan(), "rate");
    assertTrue(lite.contains("Rates is created in Beans line"), lite);

    // an enum's one constant is one object, and so is what its fields hold
    target(new MigrationFixture(dir.resolve("enum")).java(RATES).java("""
        package shop;

        public enum Registry {
            INSTANCE;

            final Rates rates = new Rates(null);
        }
        """).plan(), "rate");

    // a lazy singleton made under a lock is one object; without the lock, or with a reset, it is not
    String lazy = """
        package shop;

        public final class Registry {
            private static Registry instance;
            final Rates rates = new Rates(null);

            public static %sRegistry get() {
                if (instance == null) {
                    instance = new Registry();
                }
                return instance;
            }
        %s}
        """;
    target(new MigrationFixture(dir.resolve("lazy")).java(RATES).java(lazy.formatted("synchronized ", "")).plan(),
        "rate");
    String unlocked = refusal(new MigrationFixture(dir.resolve("unlocked")).java(RATES).java(lazy.formatted("", ""))
        .plan(), "rate");
    assertTrue(unlocked.contains("Registry is created in Registry line"), unlocked);
    String reset = refusal(new MigrationFixture(dir.resolve("reset")).java(RATES).java(lazy.formatted("synchronized ",
        "\n    static synchronized void reset() { instance = null; }\n")).plan(), "rate");
    assertTrue(reset.contains("Registry is created in Registry line"), reset);

    // a constructor reference or reflection by name makes objects too
    String byReference = refusal(new MigrationFixture(dir.resolve("byReference")).java(RATES)
        .createdOnce("shop.Rates", "null").java(ratesUser("Factory",
            "    java.util.function.Supplier<Rates> make() { return () -> null; }\n"
            + "    java.util.function.Function<Connection, Rates> maker() { return Rates::new; }")).plan(), "rate");
    assertTrue(byReference.contains("Rates is created in 2 places"), byReference);
    String byName = refusal(new MigrationFixture(dir.resolve("byName")).java(RATES).createdOnce("shop.Rates", "null")
        .java(ratesUser("Loader", "    Object load() throws Exception { return Class.forName(\"shop.Rates\")"
            + ".getConstructor(Connection.class).newInstance((Connection) null); }")).plan(), "rate");
    assertTrue(byName.contains("Rates is created in 2 places"), byName);

    // main() called again by production code makes another object each time
    String relaunched = refusal(new MigrationFixture(dir.resolve("relaunched")).java(RATES).createdOnce("shop.Rates", "null")
        .java(ratesUser("Launcher", "    void relaunch() throws Exception { RatesMain.main(new String[0]); }")).plan(),
        "rate");
    assertTrue(relaunched.contains("that main() is also called by Launcher.relaunch()"), relaunched);

    // made once: in the constructor of a class made once in main
    MigrationPlan once = new MigrationFixture(dir.resolve("once")).java(RATES)
        .java(ratesUser("Quotes", "    final Rates rates;\n    Quotes(Connection c) { rates = new Rates(c); }"))
        .createdOnce("shop.Quotes", "null").plan();
    assertEquals(List.of("Rates.setRate"), writers(target(once, "rate")));
  }

  @Test
  void springDataJdbcAggregatesWriteTheTableTheirNameMapsTo() throws Exception {
    String reads = bean("Reads", "Service", "import org.springframework.stereotype.Service;", """
            public Integer price(long id) {
                return jdbc.queryForObject("SELECT price FROM item_price WHERE id = ?", Integer.class, id);
            }
        """);
    String repository = """
        package shop;

        import org.springframework.data.repository.CrudRepository;

        public interface ItemPrices extends CrudRepository<ItemPrice, Long> {
        }
        """;
    String admin = """
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Admin {
            private final ItemPrices prices;

            public Admin(ItemPrices prices) {
                this.prices = prices;
            }

            public void reprice(long id, int price) {
                prices.save(new ItemPrice(id, price));
            }
        }
        """;
    String aggregate = """
        package shop;

        %s
        public record ItemPrice(Long id, int price) {
        }
        """;
    // no @Table: Spring Data names the table after the class, item_price
    MigrationPlan plain = new MigrationFixture(dir).file("pom.xml", SPRING_POM).java(reads).java(repository)
        .java(admin).java(aggregate.formatted("")).plan();
    assertEquals(List.of("Admin.reprice"), writers(target(plain, "price")));
    // @Table naming a constant of another file: the table cannot be told, so the write is to anything
    MigrationPlan constant = (new MigrationFixture(dir.resolve("constant")).file("pom.xml", SPRING_POM)
        .java(reads.replace("item_price", "price_list"))
        .java(repository).java(admin).java(aggregate.formatted(
            "@org.springframework.data.relational.core.mapping.Table(Tables.PRICES)")).java("""
            package shop;

            public final class Tables {
                public static final String PRICES = "price_list";
            }
            """).plan());
    assertEquals(List.of("Admin.reprice"), writers(target(constant, "price")));
    // a naming strategy of the project's renames every table it does not name itself
    MigrationPlan renamed = (new MigrationFixture(dir.resolve("renamed")).file("pom.xml", SPRING_POM).java(reads)
        .java(repository).java(admin).java(aggregate.formatted("")).java("""
            package shop;

            import org.springframework.context.annotation.Bean;
            import org.springframework.context.annotation.Configuration;
            import org.springframework.data.relational.core.mapping.NamingStrategy;

            @Configuration
            public class Naming {
                @Bean
                public NamingStrategy naming() {
                    return new NamingStrategy() {
                    };
                }
            }
            """).plan());
    assertEquals(List.of("Admin.reprice"), writers(target(renamed, "price")));
  }

  @Test
  void aClassMadeIntoSeveralBeansSharesOneSpringCacheAndIsRefused() throws Exception {
    String prices = bean("RegionalPrices", "Repository", "import org.springframework.stereotype.Repository;", """
            public Integer price(long id) {
                return jdbc.queryForObject("SELECT price FROM prices WHERE id = ?", Integer.class, id);
            }
        """);
    MigrationPlan single = new MigrationFixture(dir).file("pom.xml", SPRING_POM).java(prices).plan();
    target(single, "price");
    Refusal beans = RefusalIds.assertProof(Proof.SEVERAL_BEANS,
        new MigrationFixture(dir.resolve("regions")).file("pom.xml", SPRING_POM).java(prices).java("""
        package shop;

        import org.springframework.context.annotation.Bean;
        import org.springframework.context.annotation.Configuration;
        import org.springframework.jdbc.core.JdbcTemplate;

        @Configuration
        public class Regions {
            @Bean
            public RegionalPrices euPrices() {
                return new RegionalPrices(new JdbcTemplate());
            }

            @Bean
            public RegionalPrices usPrices() {
                return new RegionalPrices(new JdbcTemplate());
            }
        }
        """).plan(), "RegionalPrices", "price");
    // the name: no fact carries it yet
    assertTrue(beans.reason().contains("Regions.euPrices(), Regions.usPrices()"), beans.reason());
    Refusal xml = RefusalIds.assertProof(Proof.SEVERAL_BEANS,
        new MigrationFixture(dir.resolve("xmlBeans")).file("pom.xml", SPRING_POM).java(prices)
        .file("src/main/resources/beans.xml", """
            <beans xmlns="http://www.springframework.org/schema/beans">
              <bean id="otherRegion" class="shop.RegionalPrices"/>
            </beans>
            """).plan(), "RegionalPrices", "price");
    // the name: no fact carries it yet (where the other bean is defined)
    assertTrue(xml.reason().contains("a <bean> in XML configuration"), xml.reason());
  }

  @Test
  void aModuleMigratedAloneIsRefusedWhenAnotherModuleOfItsReactorIsLinkedToIt() throws Exception {
    String reader = bean("Reads", "Repository", "import org.springframework.stereotype.Repository;", """
            public Integer price(long id) {
                return jdbc.queryForObject("SELECT price FROM items WHERE id = ?", Integer.class, id);
            }
        """);
    String modulePom = SPRING_POM.replace("<modelVersion>4.0.0</modelVersion>",
        "<modelVersion>4.0.0</modelVersion><groupId>shop</groupId><artifactId>%s</artifactId><version>1</version>");
    Path reactor = dir.resolve("reactor");
    Files.createDirectories(reactor.resolve("admin"));
    Files.writeString(reactor.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>shop</groupId>"
        + "<artifactId>all</artifactId><version>1</version><packaging>pom</packaging>"
        + "<modules><module>core</module><module>admin</module></modules></project>");
    // admin depends on core: its code runs beside core's caches, and it writes what core reads
    Files.writeString(reactor.resolve("admin/pom.xml"), modulePom.formatted("admin").replace("<dependencies>",
        "<dependencies><dependency><groupId>shop</groupId><artifactId>core</artifactId><version>1</version>"
            + "</dependency>"));
    Refusal linked = RefusalIds.assertProof(Proof.LINKED_MODULE, new MigrationFixture(reactor.resolve("core"))
        .file("pom.xml", modulePom.formatted("core")).java(reader).plan(), "Reads", "price");
    // the name: no fact carries it yet
    assertTrue(linked.reason().contains("module admin of the Maven reactor at " + reactor), linked.reason());

    // a dependency declared in a profile, its artifactId a property, links them as well
    Files.writeString(reactor.resolve("admin/pom.xml"), modulePom.formatted("admin").replace("</project>",
        "<profiles><profile><id>p</id><properties><core.id>core</core.id></properties>"
            + "<dependencies><dependency><groupId>shop</groupId><artifactId>${core.id}</artifactId><version>1"
            + "</version></dependency></dependencies></profile></profiles></project>"));
    String profiled = refusal(new MigrationFixture(reactor.resolve("core")).file("pom.xml", modulePom.formatted("core"))
        .java(reader).plan(), "price");
    assertTrue(profiled.contains("module admin of the Maven reactor"), profiled);

    // a folder inside a project hides its scripts, tests and other writers
    Path project = dir.resolve("folder");
    new MigrationFixture(project).file("pom.xml", SPRING_POM).java(reader)
        .file("src/main/resources/schema.sql", "CREATE TABLE items (id BIGINT PRIMARY KEY, price INT);\n").plan();
    Path sources = project.resolve("src/main/java");
    dev.optkit.analyzers.Assessment inFolder = new dev.optkit.analyzers.Assessor().assess(
        new dev.optkit.analyzers.Assessor.Options(List.of(sources), List.of(), true, List.of(), false, 1, true,
            dev.optkit.analyzers.config.OptkitConfig.defaults(), "test", null),
        dev.optkit.analyzers.Assessor.Progress.NONE);
    String folder = refusal(dev.optkit.rewriters.plan.CachingMigration.prepare(sources, inFolder,
        dev.optkit.analyzers.config.OptkitConfig.defaults(), f -> true), "price");
    assertTrue(folder.contains("a folder inside the project at " + project + ", whose src/main/resources/schema.sql"),
        folder);

    // modules side by side that no module links (samples under one aggregator) are projects of their own
    Files.writeString(reactor.resolve("admin/pom.xml"), modulePom.formatted("admin"));
    target(new MigrationFixture(reactor.resolve("core")).file("pom.xml", modulePom.formatted("core")).java(reader)
        .plan(), "price");
  }

  @Test
  void aReadInsideATransactionOnMySqlIsRefusedForItsSnapshot() throws Exception {
    String mysqlPom = SPRING_POM.replace("</dependencies>", """
            <dependency>
              <groupId>com.mysql</groupId>
              <artifactId>mysql-connector-j</artifactId>
              <version>9.1.0</version>
            </dependency>
            <dependency>
              <groupId>org.springframework</groupId>
              <artifactId>spring-tx</artifactId>
              <version>6.2.12</version>
            </dependency>
          </dependencies>""");
    String dao = bean("CountryDao", "Repository", "import org.springframework.stereotype.Repository;", """
            public String countryName(String code) {
                return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
            }

            public int countryCount() {
                return jdbc.queryForObject("SELECT count(*) FROM country", Integer.class);
            }

            // a writer: a snapshot older than a write matters only where a write evicts
            public void rename(String code, String name) {
                jdbc.update("UPDATE country SET name = ? WHERE code = ?", name, code);
            }
        """);
    // the transaction reads before it calls countryName(): its snapshot is older than countryName's miss
    String report = """
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class Report {
            private final CountryDao countries;

            public Report(CountryDao countries) {
                this.countries = countries;
            }

            @Transactional(readOnly = true)
            public String line(String code) {
                return countries.countryCount() + " countries, " + code + ": " + countries.countryName(code);
            }
        }
        """;
    Refusal mysql = RefusalIds.assertProof(Proof.TRANSACTION_SNAPSHOT, new MigrationFixture(dir.resolve("mysql"))
        .file("pom.xml", mysqlPom).java(dao).java(report).plan(), "CountryDao", "countryName");
    // the name: no fact carries it yet
    assertTrue(mysql.reason().contains("transaction of Report.line()"), mysql.reason());
    // the same code on a database reading the latest commit per statement
    target(new MigrationFixture(dir.resolve("other")).file("pom.xml", SPRING_POM.replace("spring-jdbc", "spring-tx")
        .replace("</dependencies>", "<dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc"
            + "</artifactId><version>6.2.12</version></dependency></dependencies>")).java(dao).java(report).plan(),
        "line");
    // ...unless the transaction asks for a snapshot itself
    String serializable = refusal(new MigrationFixture(dir.resolve("serializable")).file("pom.xml", SPRING_POM
        .replace("spring-jdbc", "spring-tx").replace("</dependencies>", "<dependency><groupId>org.springframework"
            + "</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency></dependencies>"))
        .java(dao).java(report.replace("@Transactional(readOnly = true)",
            "@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.SERIALIZABLE)"))
        .plan(), "countryName");
    assertTrue(serializable.contains("which asks for SERIALIZABLE isolation"), serializable);
    // the same through the project's own meta-annotation
    String meta = refusal(new MigrationFixture(dir.resolve("meta")).file("pom.xml", SPRING_POM
        .replace("spring-jdbc", "spring-tx").replace("</dependencies>", "<dependency><groupId>org.springframework"
            + "</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency></dependencies>"))
        .java(dao).java("""
            package shop;

            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;
            import org.springframework.transaction.annotation.Isolation;
            import org.springframework.transaction.annotation.Transactional;

            @Retention(RetentionPolicy.RUNTIME)
            @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
            public @interface SnapshotTx {
            }
            """).java(report.replace("@Transactional(readOnly = true)", "@SnapshotTx")).plan(), "countryName");
    assertTrue(meta.contains("which asks for REPEATABLE_READ isolation"), meta);
    // ...or a transaction template the project configures in code
    String programmatic = refusal(new MigrationFixture(dir.resolve("template")).file("pom.xml", SPRING_POM
        .replace("spring-jdbc", "spring-tx").replace("</dependencies>", "<dependency><groupId>org.springframework"
            + "</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency></dependencies>"))
        .java(dao).java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.PlatformTransactionManager;
            import org.springframework.transaction.TransactionDefinition;
            import org.springframework.transaction.support.TransactionTemplate;

            @Service
            public class Report {
                private final CountryDao countries;
                private final TransactionTemplate transactions;

                public Report(CountryDao countries, PlatformTransactionManager manager) {
                    this.countries = countries;
                    this.transactions = new TransactionTemplate(manager);
                    this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
                }

                public String line(String code) {
                    return transactions.execute(status -> countries.countryCount() + " countries, " + code + ": "
                            + countries.countryName(code));
                }
            }
            """).plan(), "countryName");
    assertTrue(programmatic.contains("which asks for SERIALIZABLE isolation"), programmatic);
  }

  @Test
  void writesThroughAProjectQueryWrapperAreMatchedByTheirSql() throws Exception {
    String db = """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;

        public class Db {
            private final Connection connection;

            public Db(Connection connection) {
                this.connection = connection;
            }

            public int update(String sql, Object... params) throws SQLException {
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        ps.setObject(i + 1, params[i]);
                    }
                    return ps.executeUpdate();
                }
            }

            public String queryString(String sql, Object... params) throws SQLException {
                try (PreparedStatement ps = connection.prepareStatement(sql)) {
                    for (int i = 0; i < params.length; i++) {
                        ps.setObject(i + 1, params[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }
        }
        """;
    String users = """
        package shop;

        public class Users {
            private final Db db;

            public Users(Db db) {
                this.db = db;
            }

            public String name(long id) throws Exception {
                return db.queryString("SELECT name FROM users WHERE id = ?", id);
            }

            public String city(long id) throws Exception {
                return db.queryString("SELECT city FROM addresses WHERE user_id = ?", id);
            }

            public void rename(long id, String name) throws Exception {
                db.update("UPDATE users SET name = ? WHERE id = ?", name, id);
            }
        }
        """;
    MigrationPlan plan = new MigrationFixture(dir.resolve("wrapped")).java(db).java(users)
        .createdOnce("shop.Users", "new Db(null)").plan();
    assertEquals(List.of("Users.rename"), writers(target(plan, "name")), "the wrapper's own JDBC call is no writer");
    assertEquals(List.of(), writers(target(plan, "city")), "UPDATE users leaves addresses alone");

    // SQL built at run time: that call site writes data optkit cannot name, so it evicts every read of the class
    MigrationPlan anything = new MigrationFixture(dir.resolve("anything")).java(db)
        .java(users.replace("public void rename(", "public void wipe(String table) throws Exception {\n"
            + "        db.update(\"DELETE FROM \" + table.trim());\n    }\n\n    public void rename("))
        .createdOnce("shop.Users", "new Db(null)").plan();
    assertEquals(List.of("Users.wipe"), writers(target(anything, "city")));
    // and one in another class, which cannot evict the plain cache, refuses it
    String elsewhere = refusal(new MigrationFixture(dir.resolve("elsewhere")).java(db).java(users)
        .java("""
            package shop;

            public class Janitor {
                public void purge(Db db) throws Exception {
                    db.update("DELETE FROM addresses");
                }
            }
            """).createdOnce("shop.Users", "new Db(null)").plan(), "city");
    assertTrue(elsewhere.contains("Janitor.purge() writes addresses"), elsewhere);
  }

  @Test
  void aPlainWriterCalledInsideSomeoneElsesTransactionRefuses() throws Exception {
    String annotated = refusal(new MigrationFixture(dir.resolve("annotated")).java(RATES)
        .java(ratesUser("Treasury", """
                private final Rates rates = new Rates(null);

                @jakarta.transaction.Transactional
                public void revalue() throws Exception {
                    rates.setRate("EUR", 1.1);
                }

                public static final Treasury INSTANCE = new Treasury();
            """)).plan(), "rate");
    assertTrue(annotated.contains("Rates.setRate() writes rates (executeUpdate()) but it runs in the transaction of "
        + "Treasury.revalue(), which calls it"), annotated);

    String template = refusal(new MigrationFixture(dir.resolve("template")).java(RATES)
        .file("pom.xml", SPRING_POM.replace("spring-jdbc", "spring-tx"))
        .java(ratesUser("Treasury", """
                private final Rates rates = new Rates(null);
                private final org.springframework.transaction.support.TransactionTemplate transactions;

                Treasury(org.springframework.transaction.support.TransactionTemplate transactions) {
                    this.transactions = transactions;
                }

                public void revalue() {
                    transactions.executeWithoutResult(status -> {
                        try {
                            rates.setRate("EUR", 1.1);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }

                public static void main(String[] args) {
                    new Treasury(null).revalue();
                }
            """)).plan(), "rate");
    assertTrue(template.contains("it runs in the transaction of Treasury.revalue()"), template);

    String manager = refusal(new MigrationFixture(dir.resolve("manager")).java(RATES)
        .file("pom.xml", SPRING_POM.replace("spring-jdbc", "spring-tx"))
        .java(ratesUser("Treasury", """
                private final Rates rates = new Rates(null);
                private final org.springframework.transaction.PlatformTransactionManager transactions = null;

                public void revalue() throws Exception {
                    org.springframework.transaction.TransactionStatus status = transactions.getTransaction(null);
                    rates.setRate("EUR", 1.1);
                    transactions.rollback(status);
                }

                public static final Treasury INSTANCE = new Treasury();
            """)).plan(), "rate");
    assertTrue(manager.contains("it runs in the transaction of Treasury.revalue()"), manager);

    // @Transactional on the interface method the writer's caller implements
    String viaInterface = refusal(new MigrationFixture(dir.resolve("interface")).java(RATES)
        .file("pom.xml", SPRING_POM.replace("spring-jdbc", "spring-tx"))
        .java("""
            package shop;

            public interface Revaluation {
                @org.springframework.transaction.annotation.Transactional
                void revalue() throws Exception;
            }
            """)
        .java(ratesUser("Treasury implements Revaluation", """
                private final Rates rates = new Rates(null);

                public void revalue() throws Exception {
                    rates.setRate("EUR", 1.1);
                }

                public static final Treasury INSTANCE = new Treasury();
            """).replace("public class Treasury implements Revaluation", "public class Treasury implements Revaluation"))
        .plan(), "rate");
    assertTrue(viaInterface.contains("it runs in the transaction of Treasury.revalue()"), viaInterface);
  }

  @Test
  void aSetterIsNotBlamedForReadingTheFieldItOnlySets() throws Exception {
    String order = """
        package shop;

        import java.util.List;

        public class Order {
            private List<String> lines;

            public List<String> getLines() {
                return lines;
            }

            public void setLines(List<String> lines) {
                this.lines = lines;
            }
        }
        """;
    String orders = """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.util.List;

        public class Orders {
            private final Connection connection;

            public Orders(Connection connection) {
                this.connection = connection;
            }

            public String describe(long id) throws Exception {
                Order order = new Order();
                try (PreparedStatement ps = connection.prepareStatement("SELECT line FROM order_lines WHERE order_id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        order.setLines(rs.next() ? List.of(rs.getString(1)) : List.of());
                    }
                }
                return String.join(",", order.getLines());
            }
        }
        """;
    // setLines() and getLines() use the fields of an object made in the read, not state shared between calls
    target(new MigrationFixture(dir.resolve("setter")).java(order).java(orders).plan(), "describe");
    // the same object kept in a field of the DAO is shared: its lines are state the key does not cover
    String shared = orders.replace("private final Connection connection;", "private final Connection connection;\n"
        + "    private final Order order = new Order();").replace("Order order = new Order();", "");
    Refusal kept = RefusalIds.assertProof(Proof.KEY_MISSES_STATE,
        new MigrationFixture(dir.resolve("shared")).java(order).java(shared).plan(), "Orders", "describe");
    // the name: no fact carries it yet
    assertTrue(kept.reason().contains("setLines"), kept.reason());
  }

  @Test
  void writersWhoseWriteCompletesLaterCannotEvict() throws Exception {
    String later = RATES.replace("""
            public void setRate(String currency, double rate) throws SQLException {""", """
            private final java.util.List<Runnable> pending = new java.util.ArrayList<>();

            public void setRateLater(String currency, double rate) {
                pending.add(() -> {
                    try (PreparedStatement ps = connection.prepareStatement("UPDATE rates SET rate = ? WHERE currency = ?")) {
                        ps.setDouble(1, rate);
                        ps.setString(2, currency);
                        ps.executeUpdate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }

            public java.util.concurrent.CompletableFuture<Void> setRateAsync(String currency, double rate)
                    throws SQLException {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE rates SET rate = ? WHERE currency = ?")) {
                    ps.setDouble(1, rate);
                    ps.setString(2, currency);
                    ps.executeUpdate();
                }
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            public void setRate(String currency, double rate) throws SQLException {""");
    Refusal rate = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT,
        new MigrationFixture(dir.resolve("later")).java(later).createdOnce("shop.Rates", "null").plan(), "Rates", "rate");
    assertEquals(List.of("writer shop.Rates.setRateLater", "writer shop.Rates.setRateAsync"), RefusalIds.facts(rate));
  }

  // 6. Stacked caches

  @Test
  void onlyTheOuterOfTwoStackedCachesIsKept() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("CatalogDao", "Repository", "import org.springframework.stereotype.Repository;", """
                public String productName(String sku) {
                    return jdbc.queryForObject("SELECT name FROM products WHERE sku = ?", String.class, sku);
                }
            """))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class CatalogService {
                private final CatalogDao dao;

                public CatalogService(CatalogDao dao) {
                    this.dao = dao;
                }

                public String label(String sku) {
                    return dao.productName(sku).toUpperCase();
                }
            }
            """)
        .plan();
    target(plan, "label");
    assertTrue(refusal(plan, "productName").contains("called by CatalogService.label()"), refusal(plan, "productName"));
  }

  // 7. Results callers mutate

  @Test
  void aResultSomeCallerMutatesIsNotCached() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("TagDao", "Repository", """
            import java.util.List;
            import org.springframework.stereotype.Repository;""", """
                public List<String> tags(String article) {
                    return jdbc.queryForList("SELECT tag FROM tags WHERE article = ?", String.class, article);
                }

                public List<String> authors(String article) {
                    return jdbc.queryForList("SELECT author FROM authors WHERE article = ?", String.class, article);
                }
            """))
        .java("""
            package shop;

            import java.util.Collections;
            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class ArticleView {
                private final TagDao dao;

                public ArticleView(TagDao dao) {
                    this.dao = dao;
                }

                public void render(String article, StringBuilder out) {
                    List<String> tags = dao.tags(article);
                    tags.add("featured");
                    out.append(tags);
                    List<String> authors = dao.authors(article);
                    out.append(String.join(", ", authors));
                }
            }
            """)
        .plan();
    Refusal tags = RefusalIds.assertProof(Proof.RESULT_CHANGED, plan, "TagDao", "tags");
    // the name: no fact carries it yet
    assertTrue(tags.reason().contains("ArticleView.render() changes"), tags.reason());
    target(plan, "authors");
  }

  @Test
  void aResultHandedToAProjectHelperThatChangesItIsNotCached() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("TagDao", "Repository", """
            import java.util.List;
            import org.springframework.stereotype.Repository;""", """
                public List<String> tags(String article) {
                    return jdbc.queryForList("SELECT tag FROM tags WHERE article = ?", String.class, article);
                }

                public List<String> authors(String article) {
                    return jdbc.queryForList("SELECT author FROM authors WHERE article = ?", String.class, article);
                }

                public List<String> editors(String article) {
                    return jdbc.queryForList("SELECT editor FROM editors WHERE article = ?", String.class, article);
                }

                public List<String> reviewers(String article) {
                    return jdbc.queryForList("SELECT reviewer FROM reviewers WHERE article = ?", String.class, article);
                }
            """))
        .java("""
            package shop;

            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class ArticleView {
                private final TagDao dao;

                public ArticleView(TagDao dao) {
                    this.dao = dao;
                }

                public void render(String article, StringBuilder out) {
                    List<String> tags = dao.tags(article);
                    tidy(tags);
                    out.append(tags).append(present(dao.authors(article))).append(copyThenSort(dao.editors(article)));
                    out.append(new Session(dao.reviewers(article)).reviewers.size());
                }

                static final class Session {
                    final List<String> reviewers;

                    Session(List<String> reviewers) {
                        this.reviewers = reviewers;
                    }
                }

                private void tidy(List<String> names) {
                    sortInPlace(names);
                }

                private void sortInPlace(List<String> values) {
                    Collections.sort(values);
                }

                private String present(List<String> names) {
                    return String.join(", ", names);
                }

                private String copyThenSort(List<String> names) {
                    names = new ArrayList<>(names);
                    Collections.sort(names);
                    return names.toString();
                }
            }
            """)
        .plan();
    Refusal tags = RefusalIds.assertProof(Proof.RESULT_CHANGED, plan, "TagDao", "tags");
    // the name: no fact carries it yet
    assertTrue(tags.reason().contains("ArticleView.sortInPlace(), which changes it"), tags.reason());
    target(plan, "authors");
    target(plan, "editors");
    String kept = refusal(plan, "reviewers");
    assertTrue(kept.contains("ArticleView.render() passes the result it gets to Session.Session(), which keeps it in "
        + "field reviewers"), kept);
  }

  @Test
  void aResultChangedByItsOwnMethodsIsNotCached() throws Exception {
    MigrationPlan plan = spring()
        .java("""
            package shop;

            public class Account {
                private long balance;

                public Account(long balance) {
                    this.balance = balance;
                }

                public long balance() {
                    return balance;
                }

                public void deposit(long amount) {
                    balance += amount;
                }
            }
            """)
        .java(bean("AccountDao", "Repository", """
            import org.springframework.stereotype.Repository;""", """
                public Account account(long id) {
                    return new Account(jdbc.queryForObject("SELECT balance FROM accounts WHERE id = ?", Long.class, id));
                }

                public Account audited(long id) {
                    return new Account(jdbc.queryForObject("SELECT balance FROM audit WHERE id = ?", Long.class, id));
                }
            """))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Teller {
                private final AccountDao dao;

                public Teller(AccountDao dao) {
                    this.dao = dao;
                }

                public void preview(long id, long amount, StringBuilder out) {
                    Account account = dao.account(id);
                    account.deposit(amount);
                    out.append(account.balance()).append(dao.audited(id).balance());
                }
            }
            """)
        .plan();
    Refusal account = RefusalIds.assertProof(Proof.RESULT_CHANGED, plan, "AccountDao", "account");
    // the name: no fact carries it yet
    assertTrue(account.reason().contains("Account.deposit(), which changes it"), account.reason());
    target(plan, "audited"); // only read
  }

  @Test
  void loginCodeAndResultsThatBecomeThePrincipalAreNeverCached() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("LoginDetails", "Service", """
            import org.springframework.security.core.userdetails.User;
            import org.springframework.security.core.userdetails.UserDetails;
            import org.springframework.security.core.userdetails.UserDetailsService;
            import org.springframework.stereotype.Service;""", """
                public UserDetails loadUserByUsername(String login) {
                    String hash = jdbc.queryForObject("SELECT hash FROM users WHERE login = ?", String.class, login);
                    return User.withUsername(login).password(hash).roles("USER").build();
                }
            """).replace("public class LoginDetails {", "public class LoginDetails implements UserDetailsService {"))
        .java(bean("Members", "Repository", """
            import org.springframework.stereotype.Repository;""", """
                public Member member(long id) {
                    return new Member(jdbc.queryForObject("SELECT name FROM members WHERE id = ?", String.class, id));
                }
            """))
        .java("""
            package shop;

            public class Member {
                private final String name;

                public Member(String name) {
                    this.name = name;
                }

                public String name() {
                    return name;
                }
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
            import org.springframework.security.core.context.SecurityContextHolder;
            import org.springframework.stereotype.Component;

            @Component
            public class TokenFilter {
                private final Members members;

                public TokenFilter(Members members) {
                    this.members = members;
                }

                public void authenticate(long memberId) {
                    Member member = members.member(memberId);
                    SecurityContextHolder.getContext().setAuthentication(
                        new UsernamePasswordAuthenticationToken(member, null, List.of()));
                }
            }
            """)
        .plan();
    String login = refusal(plan, "loadUserByUsername");
    assertTrue(login.contains("authentication code: LoginDetails implements UserDetailsService"), login);
    assertTrue(login.contains("erases the credentials of a CredentialsContainer (its own User)"), login); // only those
    String principal = refusal(plan, "member");
    assertTrue(principal.contains("TokenFilter.authenticate() makes the result it gets an authenticated principal "
        + "(new UsernamePasswordAuthenticationToken)"), principal);
  }

  @Test
  void aPrivateWriterIsEvictedAroundThePublicMethodsThatCallIt() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("ArticleStore", "Repository", """
            import java.util.List;
            import org.springframework.stereotype.Repository;""", """
                public void save(String article, List<String> tags) {
                    jdbc.update("INSERT INTO articles (slug) VALUES (?)", article);
                    insertTags(article, tags);
                }

                public void retag(String article, List<String> tags) {
                    jdbc.update("DELETE FROM tags WHERE article = ?", article);
                    insertTags(article, tags);
                }

                private void insertTags(String article, List<String> tags) {
                    for (String tag : tags) {
                        jdbc.update("INSERT INTO tags (article, tag) VALUES (?, ?)", article, tag);
                    }
                }
            """))
        .java(bean("TagQueries", "Service", """
            import java.util.List;
            import org.springframework.stereotype.Service;""", """
                public List<String> allTags() {
                    return List.copyOf(jdbc.queryForList("SELECT DISTINCT tag FROM tags", String.class));
                }
            """))
        .plan();
    CachingTarget tags = target(plan, "allTags");
    assertEquals(List.of("retag", "save"), tags.evictions().stream().map(e -> e.writer().fact().name()).distinct()
        .sorted().toList());
  }

  @Test
  void readsMyBatisAlreadyCachesAreNotCachedAgain() throws Exception {
    MigrationPlan plan = spring()
        .file("src/main/resources/shop/ItemMapper.xml", """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "https://mybatis.org/dtd/mybatis-3-mapper.dtd">
            <mapper namespace="shop.ItemMapper">
              <cache />
              <select id="itemName" resultType="string">SELECT name FROM item WHERE id = #{id}</select>
              <select id="stock" resultType="int" useCache="false">SELECT qty FROM inventory WHERE id = #{id}</select>
            </mapper>
            """)
        .java("""
            package shop;

            public interface ItemMapper {
                String itemName(String id);

                int stock(String id);
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Catalog {
                private final ItemMapper items;

                public Catalog(ItemMapper items) {
                    this.items = items;
                }

                public String name(String id) {
                    return items.itemName(id);
                }

                public int stock(String id) {
                    return items.stock(id);
                }
            }
            """)
        .plan();
    Refusal name = RefusalIds.assertProof(Proof.CACHED_BELOW, plan, "Catalog", "name");
    // the name: no fact carries it yet
    assertTrue(name.reason().contains("ItemMapper.xml"), name.reason());
    target(plan, "stock");
  }

  @Test
  void aBeanLookedUpByItsClassThroughAProviderIsNotProxiedByInterface() throws Exception {
    MigrationPlan plan = spring()
        .java("package shop;\n\npublic interface Named {\n    String name();\n}\n")
        .java(bean("ItemService", "Service", """
            import org.springframework.stereotype.Service;""", """
                public String name() {
                    return "items";
                }

                public Integer countItems() {
                    return jdbc.queryForObject("SELECT COUNT(*) FROM items", Integer.class);
                }
            """).replace("public class ItemService {", "public class ItemService implements Named {"))
        .java("""
            package shop;

            import org.springframework.beans.factory.ObjectProvider;
            import org.springframework.stereotype.Service;

            @Service
            public class UseService {
                private final ObjectProvider<ItemService> items;

                public UseService(ObjectProvider<ItemService> items) {
                    this.items = items;
                }

                public int total() {
                    return items.getObject().countItems() + 1;
                }
            }
            """)
        .plan();
    Refusal count = RefusalIds.assertProof(Proof.PROXY_CLASH, plan, "ItemService", "countItems");
    // the name: no fact carries it yet
    assertTrue(count.reason().contains("(UseService.UseService(...))"), count.reason());
  }

  @Test
  void aPrivateWriterThatMayRunLaterIsNotEvictedAroundItsCallers() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("LabelStore", "Repository", """
            import java.util.List;
            import java.util.function.Consumer;
            import org.springframework.stereotype.Repository;""", """
                public Runnable writerFor(String label) {
                    return new Runnable() {
                        public void run() {
                            insertLabel(label);
                        }
                    };
                }

                private void insertLabel(String label) {
                    jdbc.update("INSERT INTO labels (name) VALUES (?)", label);
                }
            """))
        .java(bean("NoteStore", "Repository", """
            import java.util.List;
            import java.util.function.Consumer;
            import org.springframework.stereotype.Repository;""", """
                private final Consumer<String> adder = this::insertNote;

                public void add(String note) {
                    insertNote(note);
                }

                public void addAll(List<String> notes) {
                    notes.forEach(adder);
                }

                private void insertNote(String note) {
                    jdbc.update("INSERT INTO notes (text) VALUES (?)", note);
                }
            """))
        .java(bean("Counts", "Service", """
            import org.springframework.stereotype.Service;""", """
                public Integer labels() {
                    return jdbc.queryForObject("SELECT COUNT(*) FROM labels", Integer.class);
                }

                public Integer notes() {
                    return jdbc.queryForObject("SELECT COUNT(*) FROM notes", Integer.class);
                }
            """))
        .plan();
    assertTrue(refusal(plan, "labels").contains("LabelStore.insertLabel() writes"), refusal(plan, "labels"));
    assertTrue(refusal(plan, "notes").contains("NoteStore.insertNote() writes"), refusal(plan, "notes"));
  }

  // Generated configuration where a component scan finds it

  private static String serviceIn(String pkg, String name) {
    return """
        package %s;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Service;

        @Service
        public class %s {
            private final JdbcTemplate jdbc;

            public %s(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public String label(String sku) {
                return jdbc.queryForObject("SELECT label FROM labels_%s WHERE sku = ?", String.class, sku);
            }
        }
        """.formatted(pkg, name, name, name.toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void theConfigurationGoesWhereAnXmlComponentScanFindsItAndBeansOutsideItAreRefused() throws Exception {
    String context = """
        <?xml version="1.0" encoding="UTF-8"?>
        <beans xmlns="http://www.springframework.org/schema/beans"
               xmlns:context="http://www.springframework.org/schema/context">
            <!-- <context:component-scan base-package="shop.commented"/> -->
            <context:component-scan base-package="%s" />
        </beans>
        """;
    MigrationPlan plan = spring()
        .file("src/main/webapp/WEB-INF/applicationContext.xml", context.formatted("shop.service"))
        .file("src/main/webapp/WEB-INF/spring-mvc.xml", context.formatted("shop.web"))
        .java(serviceIn("shop.service", "Labels"))
        .java(serviceIn("shop.service", "Names"))
        .java(serviceIn("shop.web", "Helper"))
        .java(serviceIn("shop.other", "Orphan"))
        .plan();
    assertEquals(List.of("src/main/java/shop/service/OptkitCacheConfig.java"), plan.changes().stream()
        .map(c -> c.path()).filter(p -> p.endsWith("OptkitCacheConfig.java")).toList());
    assertEquals(2, plan.targets().size(), plan.targets().toString());
    Refusal orphan = RefusalIds.assertProof(Proof.OUTSIDE_COMPONENT_SCAN, plan, "Orphan", "label");
    // the name: no fact carries it yet
    assertTrue(orphan.reason().contains("package shop.other"), orphan.reason());
  }

  @Test
  void withSpringCachingAlreadyOnAndNoComponentScanNothingIsCached() throws Exception {
    MigrationPlan plan = spring()
        .java("""
            package shop.config;

            import org.springframework.cache.annotation.EnableCaching;
            import org.springframework.context.annotation.Configuration;

            @Configuration
            @EnableCaching
            public class AppConfig {
            }
            """)
        .java(serviceIn("shop.service", "Labels"))
        .plan();
    assertTrue(refusal(plan, "label").contains("finds no component scan"), refusal(plan, "label"));
    assertTrue(plan.changes().isEmpty());
  }

  // 8. Target Java level

  @Test
  void aToolchainJdkSetsTheLevelWhenNothingElseDoes() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir)
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>shop</groupId>
              <artifactId>toolchained</artifactId>
              <version>1</version>
              <build>
                <plugins>
                  <plugin>
                    <artifactId>maven-toolchains-plugin</artifactId>
                    <executions><execution><goals><goal>toolchain</goal></goals><configuration>
                      <toolchains><jdk><version>[1.8,)</version></jdk></toolchains>
                    </configuration></execution></executions>
                  </plugin>
                </plugins>
              </build>
            </project>
            """)
        .java("""
            package shop;

            import javax.sql.DataSource;

            public class Names {
                private final DataSource dataSource;

                public Names(DataSource dataSource) {
                    this.dataSource = dataSource;
                }

                public String name(String sku) throws java.sql.SQLException {
                    try (java.sql.Connection c = dataSource.getConnection();
                         java.sql.PreparedStatement ps = c.prepareStatement("SELECT name FROM items WHERE sku = ?")) {
                        ps.setString(1, sku);
                        try (java.sql.ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getString(1) : null;
                        }
                    }
                }
            }
            """)
        .plan();
    String pom = MigrationFixture.after(plan, "pom.xml");
    assertTrue(pom.contains("<version>2.9.3</version>"), pom);
  }

  @Test
  void aJava8ModuleGetsCaffeine2AndNoNewerLanguage() throws Exception {
    MigrationFixture fixture = new MigrationFixture(dir)
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>shop</groupId>
              <artifactId>legacy</artifactId>
              <version>1</version>
              <properties><java.level>1.8</java.level></properties>
              <build>
                <plugins>
                  <plugin>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <configuration><source>${java.level}</source><target>${java.level}</target></configuration>
                  </plugin>
                </plugins>
              </build>
            </project>
            """)
        .java("""
            package shop;

            import javax.sql.DataSource;

            public class Prices {
                private final DataSource dataSource;

                public Prices(DataSource dataSource) {
                    this.dataSource = dataSource;
                }

                public long price(String sku, String currency) throws java.sql.SQLException {
                    try (java.sql.Connection c = dataSource.getConnection();
                         java.sql.PreparedStatement ps = c.prepareStatement("SELECT amount FROM prices WHERE sku = ? AND currency = ?")) {
                        ps.setString(1, sku);
                        ps.setString(2, currency);
                        try (java.sql.ResultSet rs = ps.executeQuery()) {
                            return rs.next() ? rs.getLong(1) : 0;
                        }
                    }
                }
            }
            """);
    MigrationPlan plan = fixture.plan();
    String pom = MigrationFixture.after(plan, "pom.xml");
    assertTrue(pom.contains("<version>2.9.3</version>"), pom);
    String after = MigrationFixture.after(plan, "src/main/java/shop/Prices.java");
    assertFalse(after.contains("record ") || after.contains("List.of(") || after.contains("var "), after);
    fixture.assertCompiles(plan);
  }

  @Test
  void anEnforcerFloorLowersTheLevelAndJava7IsRefused() throws Exception {
    String source = """
        package shop;

        import javax.sql.DataSource;

        public class Names {
            private final DataSource dataSource;

            public Names(DataSource dataSource) {
                this.dataSource = dataSource;
            }

            public String name(String id) throws java.sql.SQLException {
                try (java.sql.Connection c = dataSource.getConnection();
                     java.sql.PreparedStatement ps = c.prepareStatement("SELECT name FROM people WHERE id = ?")) {
                    ps.setString(1, id);
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }
        }
        """;
    MigrationPlan enforced = new MigrationFixture(dir.resolve("enforced")).file("pom.xml", """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <properties><maven.compiler.release>17</maven.compiler.release></properties>
          <build><plugins><plugin>
            <artifactId>maven-enforcer-plugin</artifactId>
            <executions><execution><configuration><rules>
              <requireJavaVersion><version>[1.8,)</version></requireJavaVersion>
            </rules></configuration></execution></executions>
          </plugin></plugins></build>
        </project>
        """).java(source).plan();
    assertTrue(MigrationFixture.after(enforced, "pom.xml").contains("<version>2.9.3</version>"));

    MigrationPlan java7 = new MigrationFixture(dir.resolve("seven")).file("pom.xml", """
        <project>
          <modelVersion>4.0.0</modelVersion>
          <properties><maven.compiler.source>1.7</maven.compiler.source></properties>
        </project>
        """).java(source).plan();
    assertTrue(refusal(java7, "name").contains("Java 7"), refusal(java7, "name"));
  }

  @Test
  void aWriterInjectedByItsClassCannotBeProxiedOutsideBoot() throws Exception {
    MigrationPlan plan = spring()
        .java("""
            package shop;

            public interface Store {
                void put(String key, String value);
            }
            """)
        .java(bean("JdbcStore", "Repository", "import org.springframework.stereotype.Repository;", """
                public void put(String key, String value) {
                    jdbc.update("UPDATE entries SET value = ? WHERE name = ?", value, key);
                }
            """).replace("public class JdbcStore", "public class JdbcStore implements Store"))
        .java(bean("EntryReader", "Service", "import org.springframework.stereotype.Service;", """
                public String entry(String key) {
                    return jdbc.queryForObject("SELECT value FROM entries WHERE name = ?", String.class, key);
                }
            """))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Importer {
                private final JdbcStore store;

                public Importer(JdbcStore store) {
                    this.store = store;
                }
            }
            """)
        .plan();
    Refusal entry = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, plan, "EntryReader", "entry");
    assertEquals(List.of("writer shop.JdbcStore.put"), RefusalIds.facts(entry));
    // the name: no fact carries it yet (where the writer is injected by its class)
    assertTrue(entry.reason().contains("(Importer.store)"), entry.reason());
  }

  // Diffs a team would merge

  @Test
  void theConfigurationGoesWhereComponentScanningLooksAndOverloadsAreNamedByTypes() throws Exception {
    MigrationPlan plan = spring()
        .java("""
            package shop.app;

            import org.springframework.context.annotation.ComponentScan;
            import org.springframework.context.annotation.Configuration;

            @Configuration
            @ComponentScan(basePackages = {"shop.core", "shop.data"})
            public class Main {
            }
            """)
        .java(bean("Lookup", "Service", "import org.springframework.stereotype.Service;", """
                public String label(String code) {
                    return jdbc.queryForObject("SELECT label FROM labels WHERE code = ?", String.class, code);
                }

                public String label(String code, String locale) {
                    return jdbc.queryForObject("SELECT label FROM labels WHERE code = ? AND locale = ?", String.class,
                        code, locale);
                }
            """).replace("package shop;", "package shop.core;"))
        .plan();
    // @ComponentScan names its packages: the application's own package is not scanned
    String config = MigrationFixture.after(plan, "src/main/java/shop/core/OptkitCacheConfig.java");
    assertTrue(config.startsWith("package shop.core;"), config);
    assertEquals(List.of("optkit.Lookup.label(String)", "optkit.Lookup.label(String,String)"),
        plan.targets().stream().map(CachingTarget::cacheName).sorted().toList());
  }

  @Test
  void aViewReadIsEvictedByWritersOfTheTablesBehindIt() throws Exception {
    MigrationPlan plan = spring()
        .file("src/main/resources/schema.sql", """
            CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT);
            CREATE TABLE order_lines (order_id BIGINT, amount DECIMAL(10,2));
            CREATE VIEW order_totals AS
                SELECT o.customer_id, SUM(l.amount) AS total FROM orders o JOIN order_lines l ON l.order_id = o.id
                GROUP BY o.customer_id;
            """)
        .java(bean("Totals", "Service", "import org.springframework.stereotype.Service;", """
                public String total(long customer) {
                    return jdbc.queryForObject("SELECT total FROM order_totals WHERE customer_id = ?", String.class, customer);
                }
            """))
        .java(bean("Lines", "Service", "import org.springframework.stereotype.Service;", """
                public void addLine(long order, double amount) {
                    jdbc.update("INSERT INTO order_lines (order_id, amount) VALUES (?, ?)", order, amount);
                }
            """))
        .java(bean("Audit", "Service", "import org.springframework.stereotype.Service;", """
                public void log(String what) {
                    jdbc.update("INSERT INTO audit (what) VALUES (?)", what);
                }
            """))
        .plan();
    assertEquals(List.of("Lines.addLine"), writers(target(plan, "total")));

    // a synonym is another name for its table, whichever name the reader or the writer uses
    MigrationPlan synonym = new MigrationFixture(dir.resolve("synonym")).file("pom.xml", SPRING_POM)
        .file("src/main/resources/schema.sql", """
            CREATE TABLE items (id BIGINT PRIMARY KEY, price INT);
            CREATE SYNONYM item_syn FOR items;
            """)
        .java(bean("Reads", "Service", "import org.springframework.stereotype.Service;", """
                public Integer price(long id) {
                    return jdbc.queryForObject("SELECT price FROM items WHERE id = ?", Integer.class, id);
                }
            """))
        .java(bean("Admin", "Service", "import org.springframework.stereotype.Service;", """
                public void reprice(long id, int price) {
                    jdbc.update("UPDATE item_syn SET price = ? WHERE id = ?", price, id);
                }
            """))
        .plan();
    assertEquals(List.of("Admin.reprice"), writers(target(synonym, "price")));
  }

  @Test
  void deletingAParentRowEvictsReadsOfTheRowsItsForeignKeysCascadeTo() throws Exception {
    String schema = """
        CREATE TABLE owners (id BIGINT PRIMARY KEY);
        CREATE TABLE pets (id BIGINT PRIMARY KEY, owner_id BIGINT REFERENCES owners (id) ON DELETE %s, name VARCHAR(30));
        """;
    String pets = bean("Pets", "Service", "import org.springframework.stereotype.Service;", """
            public String name(long id) {
                return jdbc.queryForObject("SELECT name FROM pets WHERE id = ?", String.class, id);
            }
        """);
    String owners = bean("Owners", "Service", "import org.springframework.stereotype.Service;", """
            public void remove(long id) {
                jdbc.update("DELETE FROM owners WHERE id = ?", id);
            }
        """);
    MigrationPlan cascading = spring().file("src/main/resources/db/migration/V1__schema.sql", schema.formatted("CASCADE"))
        .java(pets).java(owners).plan();
    assertEquals(List.of("Owners.remove"), writers(target(cascading, "name")), "the delete removes the pets too");
    MigrationPlan restricted = new MigrationFixture(dir.resolve("restricted")).file("pom.xml", SPRING_POM)
        .file("src/main/resources/db/migration/V1__schema.sql", schema.formatted("RESTRICT"))
        .java(pets).java(owners).plan();
    assertEquals(List.of(), writers(target(restricted, "name")), "RESTRICT refuses the delete: pets never change");
  }

  @Test
  void aWriteToATableWithATriggerEvictsEverythingOrRefuses() throws Exception {
    // the trigger keeps order_totals up to date: a write to orders changes what total() reads
    String schema = """
        CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT, amount DECIMAL(10,2));
        CREATE TABLE order_totals (customer_id BIGINT PRIMARY KEY, total DECIMAL(10,2));
        -- a comment naming a trigger ON nothing
        CREATE TRIGGER orders_total AFTER INSERT ON "PUBLIC".orders FOR EACH ROW CALL "shop.TotalsTrigger";
        """;
    String totals = bean("Totals", "Service", "import org.springframework.stereotype.Service;", """
            public String total(long customer) {
                return jdbc.queryForObject("SELECT total FROM order_totals WHERE customer_id = ?", String.class, customer);
            }
        """);
    String orders = bean("Orders", "Service", "import org.springframework.stereotype.Service;", """
            public void place(long customer, double amount) {
                jdbc.update("INSERT INTO orders (customer_id, amount) VALUES (?, ?)", customer, amount);
            }
        """);
    MigrationPlan triggered = spring().file("src/main/resources/schema.sql", schema).java(totals).java(orders).plan();
    assertEquals(List.of("Orders.place"), writers(target(triggered, "total")));
    MigrationPlan plain = spring().file("src/main/resources/schema.sql", schema.replaceAll("(?m)^CREATE TRIGGER.*$", ""))
        .java(totals).java(orders).plan();
    assertEquals(List.of(), writers(target(plain, "total")), "without the trigger, orders is another table");

    // the same trigger created by the code: read like a script's, and no unknown write that poisons every read
    String installer = bean("Schema", "Service", "import org.springframework.stereotype.Service;", """
            public void install() {
                jdbc.execute("CREATE TRIGGER orders_total AFTER INSERT ON orders FOR EACH ROW CALL \\"shop.TotalsTrigger\\"");
            }
        """);
    MigrationPlan byCode = new MigrationFixture(dir.resolve("byCode")).file("pom.xml", SPRING_POM)
        .file("src/main/resources/schema.sql", schema.replaceAll("(?m)^CREATE TRIGGER.*$", ""))
        .java(totals).java(orders).java(installer).plan();
    assertEquals(List.of("Orders.place"), writers(target(byCode, "total")));

    // a script under another name (run by code or spring.sql.init.schema-locations) is read too
    String trigger = schema.lines().filter(l -> l.startsWith("CREATE TRIGGER")).findFirst().orElseThrow();
    MigrationPlan h2Script = new MigrationFixture(dir.resolve("h2Script")).file("pom.xml", SPRING_POM)
        .file("src/main/resources/schema.sql", schema.replaceAll("(?m)^CREATE TRIGGER.*$", ""))
        .file("src/main/resources/db/extra.h2", "-- installed after the schema\n" + trigger + "\n")
        .java(totals).java(orders).plan();
    assertEquals(List.of("Orders.place"), writers(target(h2Script, "total")));
    // ...but prose that mentions one is no script
    MigrationPlan prose = new MigrationFixture(dir.resolve("prose")).file("pom.xml", SPRING_POM)
        .file("src/main/resources/schema.sql", schema.replaceAll("(?m)^CREATE TRIGGER.*$", ""))
        .file("src/main/resources/db/NOTES.adoc", "We could add:\n" + trigger + "\n")
        .java(totals).java(orders).plan();
    assertEquals(List.of(), writers(target(prose, "total")));
  }

  private static List<String> offInTests(CachingTarget target) {
    return target.offInTests().stream().map(m -> m.fact().name()).distinct().sorted().toList();
  }

  @Test
  void testCodeThatWritesTheDataItselfRefusesTheReadUnlessItOnlySeedsAPlainCache() throws Exception {
    String names = bean("Names", "Service", "import org.springframework.stereotype.Service;", """
            public String name(long id) {
                return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
            }
        """);
    String test = """
        package shop;

        import org.junit.jupiter.api.BeforeEach;
        import org.junit.jupiter.api.Test;
        import org.springframework.jdbc.core.JdbcTemplate;

        class NamesTest {
            JdbcTemplate jdbc;
            Names names;

            @BeforeEach
            void seed() {
                jdbc.update("INSERT INTO users (id, name) VALUES (1, 'Ann')");
            }

            @Test
            void renames() {
                names.name(1);
                jdbc.update("UPDATE users SET name = 'Bea' WHERE id = 1");
                names.name(1);
            }
        }
        """;
    // a Spring cache: no clearing before each test covers the set-up's write without spring-test, which refuses; the
    // write inside the test alone turns the module's tests' caches off (trial 88), as before the migration
    Refusal seeded = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT,
        spring().java(names).file("src/test/java/shop/NamesTest.java", test).plan(), "Names", "name");
    assertEquals(List.of("writer shop.NamesTest.seed"), RefusalIds.facts(seeded),
        "a shared Spring cache outlives one test class's set-up: " + seeded.reason());
    MigrationPlan inside = new MigrationFixture(dir.resolve("inside")).file("pom.xml", SPRING_POM).java(names)
        .file("src/test/java/shop/NamesTest.java", test.replace("jdbc.update(\"INSERT INTO users (id, name) VALUES (1, 'Ann')\");", ""))
        .plan();
    assertEquals(List.of("renames"), offInTests(target(inside, "name")));
    assertTrue(inside.changes().stream().anyMatch(c -> c.path().endsWith("META-INF/optkit/caches-off-in-tests")));

    // @Sql writes as the test's own code does: statements parsed, script files as data optkit cannot name
    String sqlTest = """
        package shop;

        import org.junit.jupiter.api.Test;
        import org.springframework.test.context.jdbc.Sql;

        class NamesSqlTest {
            Names names;

            @Test
            @Sql(statements = "UPDATE %s SET name = 'Bea' WHERE id = 1")
            void renamed() {
                names.name(1);
            }
        }
        """;
    assertEquals(List.of("renamed"), offInTests(target(new MigrationFixture(dir.resolve("sql")).file("pom.xml", SPRING_POM)
        .java(names).file("src/test/java/shop/NamesSqlTest.java", sqlTest.formatted("users")).plan(), "name")));
    target(new MigrationFixture(dir.resolve("sqlElsewhere")).file("pom.xml", SPRING_POM).java(names)
        .file("src/test/java/shop/NamesSqlTest.java", sqlTest.formatted("audit")).plan(), "name");
    assertEquals(List.of("renamed"), offInTests(target(new MigrationFixture(dir.resolve("script"))
        .file("pom.xml", SPRING_POM).java(names).file("src/test/java/shop/NamesSqlTest.java", sqlTest.formatted("users")
            .replace("@Sql(statements = \"UPDATE users SET name = 'Bea' WHERE id = 1\")", "")
            .replace("class NamesSqlTest", "@Sql(\"/rename.sql\")\nclass NamesSqlTest")).plan(), "name")));
    // the script is read where the scan holds it, by Spring's rules: a plain path from the test's package, a leading
    // slash from the root, and the default script named after the test (ddd-example-ecommerce's OrderWorkFlowTest:
    // its scripts, which never touch the cached read's table, were its only writers)
    for (String written : List.of("@Sql(\"/rename.sql\")", "@Sql(\"../rename.sql\")", "@Sql(\"rename.sql\")", "@Sql",
        "@Sql(scripts = {\"classpath:rename.sql\", \"/rename.sql\"})", "@Sql(\"file:rename.sql\")")) {
      String folder = written.equals("@Sql") ? "shop/NamesSqlTest.sql" : written.contains("\"rename.sql\"")
          && !written.contains("classpath") ? "shop/rename.sql" : "rename.sql";
      String testFile = sqlTest.formatted("users").replace("@Sql(statements = \"UPDATE users SET name = 'Bea' WHERE id = 1\")",
          "").replace("class NamesSqlTest", written + "\nclass NamesSqlTest");
      boolean followed = !written.contains("..") && !written.contains("file:");
      for (String table : List.of("audit", "users")) {
        MigrationPlan read = new MigrationFixture(dir.resolve("read" + Math.abs(written.hashCode()) + table))
            .file("pom.xml", SPRING_POM).java(names).file("src/test/java/shop/NamesSqlTest.java", testFile)
            .file("src/test/resources/" + folder, "DELETE FROM " + table + ";\nINSERT INTO " + table
                + " (id, name) VALUES (1, 'Bea');\n").plan();
        assertEquals(followed && table.equals("audit") ? List.of() : List.of("renamed"),
            offInTests(target(read, "name")), written + " writing " + table);
      }
    }
    // resolved for the class that runs the test: a subclass in another package runs the inherited test with its own
    // package's script; a script creating a trigger writes what the trigger does; a pom naming its own resource
    // folders leaves the default folder's script unread (each a hostile review's case)
    String base = """
        package shop;

        import org.junit.jupiter.api.Test;
        import org.springframework.test.context.jdbc.Sql;

        abstract class NamesBaseTest {
            Names names;

            @Test
            @Sql("seed.sql")
            void renamed() {
                names.name(1);
            }
        }
        """;
    String sub = "package shop.users;\n\nclass UserNamesTest extends shop.NamesBaseTest {\n}\n";
    MigrationPlan inherited = new MigrationFixture(dir.resolve("inherited")).file("pom.xml", SPRING_POM).java(names)
        .file("src/test/java/shop/NamesBaseTest.java", base).file("src/test/java/shop/users/UserNamesTest.java", sub)
        .file("src/test/resources/shop/seed.sql", "DELETE FROM audit;\n")
        .file("src/test/resources/shop/users/seed.sql", "UPDATE users SET name = 'Bea' WHERE id = 1;\n").plan();
    assertEquals(List.of("renamed"), offInTests(target(inherited, "name")));
    MigrationPlan trigger = new MigrationFixture(dir.resolve("trigger")).file("pom.xml", SPRING_POM).java(names)
        .file("src/test/java/shop/NamesSqlTest.java", sqlTest.formatted("users")
            .replace("@Sql(statements = \"UPDATE users SET name = 'Bea' WHERE id = 1\")", "@Sql(\"/t.sql\")"))
        .file("src/test/resources/t.sql", "CREATE TRIGGER audit_names AFTER INSERT ON audit FOR EACH ROW CALL "
            + "\"shop.Rename\";\nINSERT INTO audit (id) VALUES (1);\n").plan();
    assertEquals(List.of("renamed"), offInTests(target(trigger, "name")));
    // a function the script calls may write anything; the moment or a fresh id a seed row is made with writes nothing
    for (String called : List.of("INSERT INTO audit (id) SELECT reset_users();\n",
        "INSERT INTO audit (id, at) VALUES (1, NOW());\n")) {
      MigrationPlan calling = new MigrationFixture(dir.resolve("calls" + called.length())).file("pom.xml", SPRING_POM)
          .java(names).file("src/test/java/shop/NamesSqlTest.java", sqlTest.formatted("users")
              .replace("@Sql(statements = \"UPDATE users SET name = 'Bea' WHERE id = 1\")", "@Sql(\"/f.sql\")"))
          .file("src/test/resources/f.sql", called).plan();
      assertEquals(called.contains("reset_users") ? List.of("renamed") : List.of(), offInTests(target(calling, "name")),
          called);
    }
    MigrationPlan ownFolders = new MigrationFixture(dir.resolve("ownFolders")).java(names)
        .file("pom.xml", SPRING_POM.replace("</project>", "<build><testResources><testResource><directory>src/test/sql"
            + "</directory></testResource></testResources></build></project>"))
        .file("src/test/java/shop/NamesSqlTest.java", sqlTest.formatted("users")
            .replace("@Sql(statements = \"UPDATE users SET name = 'Bea' WHERE id = 1\")", "@Sql(\"/rename.sql\")"))
        .file("src/test/resources/rename.sql", "DELETE FROM audit;\n")
        .file("src/test/sql/rename.sql", "UPDATE users SET name = 'Bea' WHERE id = 1;\n").plan();
    // the test is a writer of users only if the script the default folder holds (which writes audit) was left unread
    assertTrue(RefusalIds.facts(RefusalIds.refusal(ownFolders, "Names", "name")).contains("writer shop.NamesSqlTest.renamed"),
        RefusalIds.facts(RefusalIds.refusal(ownFolders, "Names", "name")).toString());
    // where the tests' class path may lack src/test/resources (the pom's own test resource folders), refused
    String ownResources = refusal(new MigrationFixture(dir.resolve("ownResources")).java(names)
        .file("src/test/java/shop/NamesTest.java", test.replace("jdbc.update(\"INSERT INTO users (id, name) VALUES (1, 'Ann')\");", ""))
        .file("pom.xml", SPRING_POM.replace("</project>", "<build><testResources><testResource><directory>src/test/x"
            + "</directory></testResource></testResources></build></project>")).plan(), "name");
    assertTrue(ownResources.contains("NamesTest.renames() writes users (update()) but it is test code"), ownResources);


    // plain Java: each test builds the object, and with it its cache, after its set-up
    String plain = """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;

        public class Users {
            private final Connection connection;

            public Users(Connection connection) {
                this.connection = connection;
            }

            public String name(long id) throws SQLException {
                try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM users WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                }
            }
        }
        """;
    String seeding = """
        package shop;

        import java.sql.Connection;
        import org.junit.jupiter.api.BeforeEach;
        import org.junit.jupiter.api.Test;

        class UsersTest {
            Connection connection;
            Users users;

            @BeforeEach
            void seed() throws Exception {
                connection.createStatement().executeUpdate("INSERT INTO users (id, name) VALUES (1, 'Ann')");
                users = new Users(connection);
            }

            @Test
            void reads() throws Exception {
                users.name(1);
            }
        }
        """;
    MigrationFixture plainFixture = new MigrationFixture(dir.resolve("plain")).file("pom.xml", PLAIN_POM).java(plain);
    target(plainFixture.file("src/test/java/shop/UsersTest.java", seeding).plan(), "name");
    String rewriting = seeding.replace("users.name(1);", "users.name(1);\n"
        + "        connection.createStatement().executeUpdate(\"UPDATE users SET name = 'Bea'\");");
    String plainWhy = refusal(plainFixture.file("src/test/java/shop/UsersTest.java", rewriting).plan(), "name");
    assertTrue(plainWhy.contains("UsersTest.reads() writes users"), plainWhy);
  }

  @Test
  void aServiceWhoseStereotypeIsImportedOnDemandIsABean() throws Exception {
    // import org.springframework.stereotype.*; leaves the annotation written as Service: still a Spring bean
    String names = bean("Names", "Service", "import org.springframework.stereotype.*;", """
            public String name(long id) {
                return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
            }
        """);
    assertEquals(dev.optkit.rewriters.caching.CacheForm.SPRING, target(spring().java(names).plan(), "name").form());
  }

  @Test
  void aStaticUtilityOfTheApplicationsModuleEvictsAtTheBeansThatCallIt() throws Exception {
    // eladmin's SqlUtils.executeFile runs an uploaded SQL file: no bean, but only its controller calls it
    String app = """
        package shop;

        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class ShopApp {
        }
        """;
    String runner = """
        package shop;

        import java.sql.Connection;
        import java.sql.SQLException;
        import java.sql.Statement;
        import javax.sql.DataSource;

        public class SqlRunner {
            public static void run(DataSource source, String sql) throws SQLException {
                try (Connection connection = source.getConnection()) {
                    execute(connection, sql);
                }
            }

            public static void execute(Connection connection, String sql) throws SQLException {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql);
                }
            }
        }
        """;
    String controller = """
        package shop;

        import javax.sql.DataSource;
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.RequestBody;
        import org.springframework.web.bind.annotation.RestController;

        @RestController
        public class MaintenanceController {
            private final DataSource source;

            public MaintenanceController(DataSource source) {
                this.source = source;
            }

            @PostMapping("/sql")
            public void execute(@RequestBody String sql) throws Exception {
                SqlRunner.run(source, sql);
            }
        }
        """;
    String names = bean("Names", "Service", "import org.springframework.stereotype.Service;", """
            public String name(long id) {
                return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
            }
        """);
    // a handler reads the name: a read nothing calls is refused for itself (cache.uncalled-beside-handlers)
    String reader = """
        package shop;

        @org.springframework.web.bind.annotation.RestController
        public class NameController {
            private final Names names;

            public NameController(Names names) {
                this.names = names;
            }

            @org.springframework.web.bind.annotation.GetMapping("/names")
            public String name(long id) {
                return names.name(id);
            }
        }
        """;
    assertEquals(List.of("MaintenanceController.execute"),
        writers(target(spring().java(app).java(runner).java(controller).java(names).java(reader).plan(), "name")));
    // the same controller importing its annotations on demand (eladmin's import org.springframework.web.bind.annotation.*)
    String onDemand = controller.replace("""
        import org.springframework.web.bind.annotation.PostMapping;
        import org.springframework.web.bind.annotation.RequestBody;
        import org.springframework.web.bind.annotation.RestController;
        """, "import org.springframework.web.bind.annotation.*;\n");
    assertTrue(onDemand.contains(".annotation.*;"), onDemand);
    assertEquals(List.of("MaintenanceController.execute"), writers(target(new MigrationFixture(dir.resolve("on-demand"))
        .file("pom.xml", SPRING_POM).java(app).java(runner).java(onDemand).java(names).java(reader).plan(), "name")));
    // without the application in the module, another module may call the utility: no eviction reaches those calls
    Refusal library = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, new MigrationFixture(dir.resolve("library"))
        .file("pom.xml", SPRING_POM).java(runner).java(controller).java(names).java(reader).plan(), "Names", "name");
    assertEquals(List.of("writer shop.SqlRunner.execute"), RefusalIds.facts(library));
  }

  @Test
  void aWriterInAnotherSpringBootApplicationOfTheModuleCannotEvict() throws Exception {
    String storeApp = """
        package shop.store;

        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication(scanBasePackages = "shop")
        public class StoreApp {
        }
        """;
    String adminApp = """
        package shop.admin;

        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @SpringBootApplication
        public class AdminApp {
        }
        """;
    String names = bean("Names", "Service", "import org.springframework.stereotype.Service;", """
            public String name(long id) {
                return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
            }
        """).replace("package shop;", "package shop.store;");
    String editor = bean("Editor", "Service", "import org.springframework.stereotype.Service;", """
            public void rename(long id, String name) {
                jdbc.update("UPDATE users SET name = ? WHERE id = ?", name, id);
            }
        """);
    Refusal admin = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, spring().java(storeApp).java(adminApp).java(names)
        .java(editor.replace("package shop;", "package shop.admin;")).plan(), "Names", "name");
    assertEquals(List.of("writer shop.admin.Editor.rename"), RefusalIds.facts(admin));
    // the name: no fact carries it yet (the applications the write and the read run in)
    assertTrue(admin.reason().contains("the write runs in AdminApp and StoreApp and the read in StoreApp"), admin.reason());
    // the same writer in the store's own scan evicts
    CachingTarget shared = target(new MigrationFixture(dir.resolve("shared")).file("pom.xml", SPRING_POM)
        .java(storeApp).java(adminApp).java(names)
        .java(editor.replace("package shop;", "package shop.common;")).plan(), "name");
    assertEquals(List.of("Editor.rename"), writers(shared));

    // an application declared with its parts, and one through the project's own meta-annotation, count the same;
    // the meta-annotation itself is no application
    String assembled = adminApp.replace("import org.springframework.boot.autoconfigure.SpringBootApplication;",
        "import org.springframework.boot.SpringBootConfiguration;\n"
            + "import org.springframework.boot.autoconfigure.EnableAutoConfiguration;\n"
            + "import org.springframework.context.annotation.ComponentScan;")
        .replace("@SpringBootApplication", "@SpringBootConfiguration\n@EnableAutoConfiguration\n@ComponentScan");
    String parts = refusal(new MigrationFixture(dir.resolve("parts")).file("pom.xml", SPRING_POM).java(storeApp)
        .java(assembled).java(names).java(editor.replace("package shop;", "package shop.admin;")).plan(), "name");
    assertTrue(parts.contains("the module has 2 Spring Boot applications (AdminApp, StoreApp)"), parts);
    String marker = """
        package shop.admin;

        import java.lang.annotation.Retention;
        import java.lang.annotation.RetentionPolicy;
        import org.springframework.boot.autoconfigure.SpringBootApplication;

        @Retention(RetentionPolicy.RUNTIME)
        @SpringBootApplication
        public @interface ShopApplication {
        }
        """;
    String meta = refusal(new MigrationFixture(dir.resolve("meta")).file("pom.xml", SPRING_POM).java(storeApp)
        .java(marker).java(adminApp.replace("import org.springframework.boot.autoconfigure.SpringBootApplication;\n", "")
            .replace("@SpringBootApplication", "@ShopApplication")).java(names)
        .java(editor.replace("package shop;", "package shop.admin;")).plan(), "name");
    assertTrue(meta.contains("the module has 2 Spring Boot applications (AdminApp, StoreApp)"), meta);
  }

  @Test
  void aRemoteReadIsRefusedWhenAnotherServiceOfTheProjectWritesThatResource() throws Exception {
    String pom = SPRING_POM.replace("<modelVersion>4.0.0</modelVersion>",
        "<modelVersion>4.0.0</modelVersion><artifactId>%s</artifactId>");
    MigrationPlan plan = new MigrationFixture(dir)
        .file("pom.xml", "<project><modelVersion>4.0.0</modelVersion><artifactId>root</artifactId></project>")
        .file("genai/pom.xml", pom.formatted("genai"))
        .file("customers/pom.xml", pom.formatted("customers"))
        .file("genai/src/main/java/shop/genai/OwnerDirectory.java", """
            package shop.genai;

            import org.springframework.stereotype.Service;
            import org.springframework.web.client.RestClient;

            @Service
            public class OwnerDirectory {
                private final RestClient client;

                public OwnerDirectory(RestClient client) {
                    this.client = client;
                }

                public String ownerNames(String city) {
                    return client.get().uri("http://customers-service/owners?city={city}", city).retrieve().body(String.class);
                }
            }
            """)
        .file("customers/src/main/java/shop/customers/OwnerResource.java", """
            package shop.customers;

            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.PutMapping;
            import org.springframework.web.bind.annotation.RequestMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            @RequestMapping("/owners")
            public class OwnerResource {
                @PutMapping("/{ownerId}")
                public void updateOwner(@PathVariable int ownerId) {
                }
            }
            """)
        .plan();
    Refusal owners = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, plan, "OwnerDirectory", "ownerNames");
    assertEquals(List.of("writer shop.customers.OwnerResource.updateOwner"), RefusalIds.facts(owners));
    assertEquals("customers/src/main/java/shop/customers/OwnerResource.java", owners.facts().get(0).path());
  }

  @Test
  void aRemoteWriteChangesTheResourceAboveItAndEverythingBelowThat() throws Exception {
    String client = """
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.web.client.RestClient;

        @Service
        public class %s {
            private final RestClient client;

            public %s(RestClient client) {
                this.client = client;
            }

        %s
        }
        """;
    MigrationPlan plan = new MigrationFixture(dir.resolve("remote")).file("pom.xml", SPRING_POM
            .replace("</dependencies>", "<dependency><groupId>org.springframework</groupId><artifactId>spring-web"
                + "</artifactId><version>6.2.12</version></dependency></dependencies>"))
        .java(client.formatted("Balances", "Balances", """
                public String balance(long id) {
                    return client.get().uri("http://bank/accounts/{id}/balance", id).retrieve().body(String.class);
                }

                public String rate(String currency) {
                    return client.get().uri("http://bank/rates/{currency}", currency).retrieve().body(String.class);
                }

                public String quote(String currency) {
                    return client.get().uri("http://fx/rates/{currency}", currency).retrieve().body(String.class);
                }
            """))
        .java(client.formatted("Deposits", "Deposits", """
                public String deposit(long id, long cents) {
                    return client.post().uri("http://bank/accounts/{id}/deposits", id).body(cents).retrieve()
                        .body(String.class);
                }
            """))
        .plan();
    // the deposit goes to a sibling of the balance, under the same account
    assertEquals(List.of("Deposits.deposit"), writers(target(plan, "balance")));
    // the bank's rates may hang on its deposits in ways its paths do not show (a POST /hit changes GET /views):
    // one service, one set of writers; another service's are not
    assertEquals(List.of("Deposits.deposit"), writers(target(plan, "rate")), "the same service");
    assertEquals(List.of(), writers(target(plan, "quote")), "another service");
  }

  @Test
  void aMutableResultStoredInAFieldIsNotCachedButAStringIs() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("AccountDao", "Repository", """
            import java.util.Map;
            import org.springframework.stereotype.Repository;""", """
                public Map<String, Object> account(String user) {
                    return jdbc.queryForMap("SELECT * FROM accounts WHERE name = ?", user);
                }

                public String email(String user) {
                    return jdbc.queryForObject("SELECT email FROM accounts WHERE name = ?", String.class, user);
                }
            """))
        .java("""
            package shop;

            import java.util.Map;

            /** A web-layer bean: request parameters are bound onto its fields' properties. */
            public class AccountForm {
                private final AccountDao dao;
                private Map<String, Object> account;
                private String email;

                public AccountForm(AccountDao dao) {
                    this.dao = dao;
                }

                public void load(String user) {
                    account = dao.account(user);
                    this.email = dao.email(user);
                }

                public Map<String, Object> getAccount() {
                    return account;
                }
            }
            """)
        .plan();
    Refusal account = RefusalIds.assertProof(Proof.RESULT_CHANGED, plan, "AccountDao", "account");
    // the name: no fact carries it yet
    assertTrue(account.reason().contains("AccountForm.load() keeps the result it gets in field account"), account.reason());
    target(plan, "email");
  }

  // What a hostile review found

  @Test
  void readsThatChangeStateAreWritesAndNeverCached() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("Numbers", "Repository", "import org.springframework.stereotype.Repository;", """
                public long nextOrderNumber(String prefix) {
                    return jdbc.queryForObject("SELECT NEXT VALUE FOR order_seq", Long.class);
                }

                public long lockedBalance(String account) {
                    return jdbc.queryForObject("SELECT balance FROM accounts WHERE id = ? FOR UPDATE", Long.class, account);
                }
            """))
        .plan();
    assertTrue(plan.targets().isEmpty(), plan.targets().toString());
  }

  @Test
  void perUserCodeBehindManyImplementationsOrAMetaAnnotationIsRefused() throws Exception {
    MigrationFixture fixture = spring()
        .java("""
            package shop;

            public interface Caller {
                String id();
            }
            """)
        .java("""
            package shop;

            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;
            import org.springframework.security.access.prepost.PostFilter;

            @Retention(RetentionPolicy.RUNTIME)
            @PostFilter("filterObject.owner == authentication.name")
            public @interface OwnedOnly {
            }
            """);
    for (String name : List.of("SessionCaller", "TokenCaller", "HeaderCaller")) {
      fixture.java("""
          package shop;

          import org.springframework.security.core.context.SecurityContextHolder;
          import org.springframework.stereotype.Component;

          @Component
          public class %s implements Caller {
              public String id() {
                  return SecurityContextHolder.getContext().getAuthentication().getName();
              }
          }
          """.formatted(name));
    }
    MigrationPlan plan = fixture
        .java(bean("Orders", "Service", "import org.springframework.stereotype.Service;", """
                private Caller caller;

                public String myOrders(String status) {
                    return jdbc.queryForObject("SELECT count(*) FROM orders WHERE owner = ? AND status = ?", String.class,
                        caller.id(), status);
                }

                @OwnedOnly
                public String ownedOrders(String status) {
                    return jdbc.queryForObject("SELECT count(*) FROM orders WHERE status = ?", String.class, status);
                }
            """))
        .plan();
    assertTrue(refusal(plan, "myOrders").contains("reads the caller's identity"), refusal(plan, "myOrders"));
    assertTrue(refusal(plan, "ownedOrders").contains("@OwnedOnly"), refusal(plan, "ownedOrders"));
  }

  @Test
  void aWriteHandedToAnExecutorOrDoneInAConstructorCannotEvict() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("Names", "Service", "import org.springframework.stereotype.Service;", """
                public String name(long id) {
                    return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
                }
            """))
        .java(bean("AsyncRenamer", "Service", """
            import java.util.concurrent.ExecutorService;
            import org.springframework.stereotype.Service;""", """
                private ExecutorService executor;

                public void rename(long id, String name) {
                    executor.submit(() -> jdbc.update("UPDATE users SET name = ? WHERE id = ?", name, id));
                }
            """))
        .plan();
    Refusal name = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, plan, "Names", "name");
    assertEquals(List.of("writer shop.AsyncRenamer.rename"), RefusalIds.facts(name));
  }

  @Test
  void aClassWithSubclassesIsNotCached() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("NameDao", "Repository", "import org.springframework.stereotype.Repository;", """
                public String nameOf(long id) {
                    return jdbc.queryForObject("SELECT name FROM owners WHERE id = ?", String.class, id);
                }
            """))
        .java("""
            package shop;

            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class VetDao extends NameDao {
                public VetDao(JdbcTemplate jdbc) {
                    super(jdbc);
                }
            }
            """)
        .plan();
    assertTrue(refusal(plan, "nameOf").contains("subclasses"), refusal(plan, "nameOf"));
  }

  @Test
  void stateTheKeyDoesNotCoverIsSeenThroughCallees() throws Exception {
    MigrationPlan plan = spring()
        .java("""
            package shop;

            import java.util.HashMap;
            import java.util.Map;
            import org.springframework.stereotype.Component;

            @Component
            public class Settings {
                private final Map<String, String> overrides = new HashMap<>();
                private static int markupPercent = 10;
                private int discount;

                public void override(String key, String value) {
                    overrides.put(key, value);
                }

                public static void setMarkup(int percent) {
                    markupPercent = percent;
                }

                public void bumpDiscount() {
                    discount++;
                }

                public String override(String key) {
                    return overrides.get(key);
                }

                public int markup() {
                    return markupPercent;
                }

                public int discount() {
                    return discount;
                }
            }
            """)
        .java(bean("Prices", "Service", "import org.springframework.stereotype.Service;", """
                private Settings settings;

                public String label(String sku) {
                    return jdbc.queryForObject("SELECT name FROM products WHERE sku = ?", String.class, sku)
                        + settings.override(sku);
                }

                public long price(String sku) {
                    return jdbc.queryForObject("SELECT price FROM products WHERE sku = ?", Long.class, sku)
                        * (100 + settings.markup()) / 100;
                }

                public long discounted(String sku) {
                    return jdbc.queryForObject("SELECT price FROM products WHERE sku = ?", Long.class, sku)
                        - settings.discount();
                }
            """))
        .plan();
    assertTrue(refusal(plan, "label").contains("Settings.override() reads field overrides"), refusal(plan, "label"));
    assertTrue(refusal(plan, "price").contains("Settings.markup() reads field markupPercent"), refusal(plan, "price"));
    assertTrue(refusal(plan, "discounted").contains("Settings.discount() reads field discount"), refusal(plan, "discounted"));
  }

  @Test
  void jpaDirtyCheckingIsAWrite() throws Exception {
    MigrationPlan plan = spring()
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Person {
                @Id
                private Long id;
                private String name;

                public void setName(String name) {
                    this.name = name;
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface PersonRepository extends JpaRepository<Person, Long> {
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class People {
                private final PersonRepository people;

                public People(PersonRepository people) {
                    this.people = people;
                }

                @Transactional
                public void rename(long id, String name) {
                    people.findById(id).orElseThrow().setName(name);
                }
            }
            """)
        .java(bean("Directory", "Service", "import org.springframework.stereotype.Service;", """
                public String name(long id) {
                    return jdbc.queryForObject("SELECT name FROM person WHERE id = ?", String.class, id);
                }
            """))
        .plan();
    assertEquals(List.of("People.rename"), writers(target(plan, "name")));
  }

  @Test
  void aFinalBeanGetsAFieldCacheAndALibraryInterfaceStillMakesAJdkProxy() throws Exception {
    MigrationFixture fixture = spring()
        .java(bean("Countries", "Service", "import org.springframework.stereotype.Service;", """
                public String countryName(String code) {
                    return jdbc.queryForObject("SELECT name FROM country WHERE code = ?", String.class, code);
                }
            """).replace("public class Countries", "public final class Countries"))
        .java(bean("Regions", "Service", """
            import org.springframework.context.ApplicationListener;
            import org.springframework.context.event.ContextRefreshedEvent;
            import org.springframework.stereotype.Service;""", """
                public String regionName(String code) {
                    return jdbc.queryForObject("SELECT name FROM region WHERE code = ?", String.class, code);
                }

                public void onApplicationEvent(ContextRefreshedEvent event) {
                }
            """).replace("public class Regions", "public class Regions implements ApplicationListener<ContextRefreshedEvent>"))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Atlas {
                private final Regions regions;

                public Atlas(Regions regions) {
                    this.regions = regions;
                }
            }
            """);
    MigrationPlan plan = fixture.plan();
    assertEquals(dev.optkit.rewriters.caching.CacheForm.PLAIN, target(plan, "countryName").form());
    assertTrue(refusal(plan, "regionName").contains("Regions implements interfaces and is injected by its class"),
        refusal(plan, "regionName"));
    fixture.assertCompiles(plan);
  }

  @Test
  void aTenantHeldInAThreadLocalBehindAStaticHelperIsState() throws Exception {
    MigrationPlan plan = spring()
        .java("""
            package shop;

            public final class TenantContext {
                private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

                private TenantContext() {
                }

                public static void enter(String tenant) {
                    CURRENT.set(tenant);
                }

                public static String current() {
                    return CURRENT.get();
                }
            }
            """)
        .java(bean("Users", "Service", "import org.springframework.stereotype.Service;", """
                public String userNames(String role) {
                    return jdbc.queryForObject("SELECT names FROM users WHERE tenant = ? AND role = ?", String.class,
                        TenantContext.current(), role);
                }
            """))
        .plan();
    // the ThreadLocal's read itself refuses (ThreadBoundStateTest), whoever sets it
    assertTrue(refusal(plan, "userNames").contains("TenantContext.current(), which reads CURRENT, a ThreadLocal"),
        refusal(plan, "userNames"));
  }

  @Test
  void aRequestScopedTenantBeanIsPerUser() throws Exception {
    MigrationPlan plan = spring()
        .java("""
            package shop;

            import org.springframework.stereotype.Component;
            import org.springframework.web.context.annotation.RequestScope;

            @Component
            @RequestScope
            public class Tenant {
                private String id;

                public String id() {
                    return id;
                }
            }
            """)
        .java(bean("Reports", "Service", "import org.springframework.stereotype.Service;", """
                private Tenant tenant;

                public String report(String name) {
                    return jdbc.queryForObject("SELECT body FROM reports WHERE tenant = ? AND name = ?", String.class,
                        tenant.id(), name);
                }
            """))
        .plan();
    Refusal report = RefusalIds.assertProof(Proof.PER_USER, plan, "Reports", "report");
    // the name: no fact carries it yet
    assertTrue(report.reason().contains("Tenant.id()"), report.reason());
  }

  @Test
  void mutationsThroughAnAliasOrAViewAreSeen() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("TagDao", "Repository", """
            import java.util.List;
            import java.util.Map;
            import org.springframework.stereotype.Repository;""", """
                public List<String> tags(String article) {
                    return jdbc.queryForList("SELECT tag FROM tags WHERE article = ?", String.class, article);
                }

                public List<String> authors(String article) {
                    return jdbc.queryForList("SELECT author FROM authors WHERE article = ?", String.class, article);
                }

                public Map<String, Object> counts(String article) {
                    return jdbc.queryForMap("SELECT count(*) AS n FROM tags WHERE article = ?", article);
                }
            """))
        .java("""
            package shop;

            import java.util.Iterator;
            import java.util.List;
            import java.util.Map;
            import org.springframework.stereotype.Service;

            @Service
            public class Editor {
                private final TagDao dao;

                public Editor(TagDao dao) {
                    this.dao = dao;
                }

                public int edit(String article) {
                    List<String> loaded = dao.tags(article);
                    List<String> alias = loaded;
                    alias.add("draft");
                    Iterator<String> authors = dao.authors(article).iterator();
                    if (authors.hasNext()) {
                        authors.next();
                        authors.remove();
                    }
                    Map<String, Object> counts = dao.counts(article);
                    counts.entrySet().removeIf(e -> e.getValue() == null);
                    return alias.size();
                }
            }
            """)
        .plan();
    assertTrue(refusal(plan, "tags").contains("Editor.edit() changes the result it gets (add)"), refusal(plan, "tags"));
    assertTrue(refusal(plan, "authors").contains("(remove)"), refusal(plan, "authors"));
    assertTrue(refusal(plan, "counts").contains("(removeIf)"),
        refusal(plan, "counts"));
  }

  @Test
  void mutationsThroughContainersLambdasVarargsAndFieldsAreSeen() throws Exception {
    // each shape a hostile review used to make a cached result serve a changed answer
    MigrationPlan plan = spring()
        .java(bean("PetDao", "Repository", """
            import java.util.List;
            import java.util.Optional;
            import org.springframework.stereotype.Repository;""", """
                public List<Pet> held(String owner) {
                    return jdbc.query("SELECT name FROM pets WHERE owner = ?", (rs, n) -> new Pet(rs.getString(1)), owner);
                }

                public Optional<Pet> mapped(String name) {
                    return jdbc.query("SELECT name FROM pets WHERE name = ?", (rs, n) -> new Pet(rs.getString(1)), name)
                        .stream().findFirst();
                }

                public List<Pet> spread(String owner) {
                    return jdbc.query("SELECT name FROM pets WHERE owner = ?", (rs, n) -> new Pet(rs.getString(1)), owner);
                }

                public List<Pet> chosen(String owner) {
                    return jdbc.query("SELECT name FROM pets WHERE owner = ?", (rs, n) -> new Pet(rs.getString(1)), owner);
                }

                public List<Pet> fielded(String owner) {
                    return jdbc.query("SELECT name FROM pets WHERE owner = ?", (rs, n) -> new Pet(rs.getString(1)), owner);
                }

                public List<Pet> streamed(String owner) {
                    return jdbc.query("SELECT name FROM pets WHERE owner = ?", (rs, n) -> new Pet(rs.getString(1)), owner);
                }

                public List<Pet> readOnly(String owner) {
                    return jdbc.query("SELECT name FROM pets WHERE owner = ?", (rs, n) -> new Pet(rs.getString(1)), owner);
                }
            """))
        .java("""
            package shop;

            public class Pet {
                public String name;

                public Pet(String name) {
                    this.name = name;
                }

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }
            }
            """)
        .java("""
            package shop;

            import java.util.ArrayList;
            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class PetView {
                private final PetDao dao;

                public PetView(PetDao dao) {
                    this.dao = dao;
                }

                public String render(String owner, boolean fresh) {
                    Object[] holder = { dao.held(owner) };
                    ((List<Pet>) holder[0]).add(new Pet("extra"));
                    Pet first = dao.mapped(owner).map(p -> { p.setName(p.getName().toUpperCase()); return p; }).orElse(null);
                    touchAll("x", dao.spread(owner));
                    List<Pet> pets = fresh ? new ArrayList<>() : dao.chosen(owner);
                    pets.add(new Pet("y"));
                    for (Pet pet : dao.fielded(owner)) {
                        pet.name = pet.name.trim();
                    }
                    dao.streamed(owner).stream().filter(p -> p.name == null).forEach(p -> p.setName("?"));
                    List<String> names = new ArrayList<>();
                    dao.readOnly(owner).forEach(p -> names.add(p.getName()));
                    names.sort(null);
                    return first + String.join(",", names);
                }

                private static void touchAll(String label, List<Pet>... groups) {
                    groups[0].get(0).setName(label);
                }
            }
            """)
        .plan();
    assertTrue(refusal(plan, "held").contains("PetView.render() changes the result it gets (add)"), refusal(plan, "held"));
    assertTrue(refusal(plan, "mapped").contains("(p.setName)"), refusal(plan, "mapped"));
    assertTrue(refusal(plan, "spread").contains("PetView.touchAll(), which changes it (setName)"), refusal(plan, "spread"));
    assertTrue(refusal(plan, "chosen").contains("(add)"), refusal(plan, "chosen"));
    assertTrue(refusal(plan, "fielded").contains("(sets pet.name)"), refusal(plan, "fielded"));
    assertTrue(refusal(plan, "streamed").contains("(p.setName)"), refusal(plan, "streamed"));
    // render() changes only rows loaded for the call, so it is a read itself and is cached as the outer level
    cachedHereOrAbove(plan, "readOnly", "shop.PetView", "render");
  }

  @Test
  void mutationsThroughDefaultMethodsMappersAndGenericHelpersAreSeen() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("ItemDao", "Repository", """
            import java.util.List;
            import org.springframework.stereotype.Repository;""", """
                public Item tagged(long id) {
                    return jdbc.queryForObject("SELECT name FROM items WHERE id = ?", (rs, n) -> new Item(rs.getString(1)), id);
                }

                public Item mapped(long id) {
                    return jdbc.queryForObject("SELECT name FROM items WHERE id = ?", (rs, n) -> new Item(rs.getString(1)), id);
                }

                public Item helped(long id) {
                    return jdbc.queryForObject("SELECT name FROM items WHERE id = ?", (rs, n) -> new Item(rs.getString(1)), id);
                }

                public Item shown(long id) {
                    return jdbc.queryForObject("SELECT name FROM items WHERE id = ?", (rs, n) -> new Item(rs.getString(1)), id);
                }
            """))
        .java("""
            package shop;

            import java.util.List;

            public interface Tagged {
                List<String> getTags();

                default void tag(String tag) {
                    getTags().add(tag);
                }
            }
            """)
        .java("""
            package shop;

            import java.util.ArrayList;
            import java.util.List;

            public class Item implements Tagged {
                private String name;
                private final List<String> tags = new ArrayList<>();

                public Item(String name) {
                    this.name = name;
                }

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }

                @Override
                public List<String> getTags() {
                    return tags;
                }
            }
            """)
        .java("""
            package shop;

            import org.mapstruct.Mapper;
            import org.mapstruct.MappingTarget;

            @Mapper
            public interface ItemMapper {
                void update(ItemForm form, @MappingTarget Item item);
            }
            """)
        .java("""
            package shop;

            public record ItemForm(String name) {}
            """)
        .java("""
            package shop;

            import java.util.function.Consumer;
            import org.springframework.stereotype.Service;

            @Service
            public class ItemView {
                private final ItemDao dao;
                private final ItemMapper mapper;

                public ItemView(ItemDao dao, ItemMapper mapper) {
                    this.dao = dao;
                    this.mapper = mapper;
                }

                public String render(long id, ItemForm form) {
                    dao.tagged(id).tag("seen");
                    mapper.update(form, dao.mapped(id));
                    apply(dao.helped(id), i -> i.setName(i.getName().trim()));
                    return dao.shown(id).getName();
                }

                private static <T> void apply(T value, Consumer<T> change) {
                    change.accept(value);
                }
            }
            """)
        .plan();
    assertTrue(refusal(plan, "tagged").contains("tag"), refusal(plan, "tagged"));
    assertTrue(refusal(plan, "mapped").contains("@MappingTarget"), refusal(plan, "mapped"));
    assertTrue(refusal(plan, "helped").contains("setName"), refusal(plan, "helped"));
    cachedHereOrAbove(plan, "shown", "shop.ItemView", "render");
  }

  @Test
  void aResultReturnedUpwardIsJudgedByItsCallersCallersAndCopiedPartsAreNoChange() throws Exception {
    String petDao = bean("PetDao", "Repository", """
            import java.util.List;
            import org.springframework.stereotype.Repository;""", """
                public List<Pet> pets(String owner) {
                    return jdbc.query("SELECT name FROM pets WHERE owner = ?", (rs, n) -> new Pet(rs.getString(1)), owner);
                }

                public Pet get(String name) {
                    return jdbc.queryForObject("SELECT name FROM pets WHERE name = ?", (rs, n) -> new Pet(rs.getString(1)), name);
                }

                public Tags tags(String name) {
                    return new Tags(jdbc.queryForList("SELECT tag FROM tags WHERE pet = ?", String.class, name));
                }
            """);
    String pet = """
            package shop;

            public class Pet {
                private String name;

                public Pet(String name) {
                    this.name = name;
                }

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }
            }
            """;
    String tags = """
            package shop;

            public record Tags(java.util.List<String> values) {}
            """;
    String facade = """
            package shop;

            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;
            import org.springframework.stereotype.Service;

            @Service
            public class PetFacade {
                private final PetDao dao;
                private final Map<String, Pet> drafts = new HashMap<>();
                private Tags current;

                public PetFacade(PetDao dao) {
                    this.dao = dao;
                }

                List<Pet> list(String owner) {
                    return dao.pets(owner);
                }

                public int adopt(String owner) {
                    List<Pet> pets = list(owner);
                    pets.add(new Pet("stray"));
                    return pets.size();
                }

                public Pet copy(String name) {
                    Pet read = dao.get(name);
                    drafts.get(name).setName(read.getName());
                    return new Pet(read.getName());
                }

                public void remember(String name) {
                    current = dao.tags(name);
                }

                public void rename(String owner) {
                    first(dao.pets(owner)).setName("x");
                }

                private static Pet first(List<Pet> pets) {
                    return pets.get(0);
                }
            }
            """;
    MigrationPlan plan = spring().java(petDao).java(pet).java(tags).java(facade)
        .plan();
    Refusal pets = RefusalIds.assertProof(Proof.RESULT_CHANGED, plan, "PetDao", "pets");
    // the name: no fact carries it yet (either caller that changes the result)
    assertTrue(pets.reason().contains("PetFacade.adopt()") || pets.reason().contains("PetFacade.rename()"),
        pets.reason());
    MigrationPlan helperOnly = new MigrationFixture(dir.resolve("helper")).file("pom.xml", SPRING_POM)
        .java(petDao).java(pet).java(tags).java(facade.replace("pets.add(new Pet(\"stray\"));", "")).plan();
    String viaHelper = refusal(helperOnly, "pets");
    assertTrue(viaHelper.contains("PetFacade.rename() passes the result it gets to PetFacade.first(), which returns "
        + "it, and changes what that returns (setName)"), viaHelper);
    target(plan, "get"); // drafts.get(name) is another get; a name copied into a new Pet changes no cached Pet
    assertTrue(refusal(plan, "tags").contains("keeps the result it gets in field current"),
        "a record with a list inside is no immutable value: " + refusal(plan, "tags"));
  }

  @Test
  void storedProceduresAndSimpleJdbcInsertAreWritersOfAnything() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("Names", "Service", "import org.springframework.stereotype.Service;", """
                public String name(long id) {
                    return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
                }
            """))
        .java(bean("Importer", "Component", """
            import java.util.Map;
            import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
            import org.springframework.stereotype.Component;""", """
                public void add(String name) {
                    new SimpleJdbcInsert(jdbc).withTableName("users").execute(Map.of("name", name));
                }
            """))
        .java(bean("Maintenance", "Component", "import org.springframework.stereotype.Component;", """
                public void purge() {
                    jdbc.call(con -> con.prepareCall("{call purge_users()}"), java.util.List.of());
                }
            """))
        .plan();
    assertEquals(List.of("Importer.add", "Maintenance.purge"), writers(target(plan, "name")));
  }

  @Test
  void aBatchNamesEveryStatementsTablesAndAReassignedSqlLocalIsUnknown() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("Reads", "Service", "import org.springframework.stereotype.Service;", """
                public String shipment(long id) {
                    return jdbc.queryForObject("SELECT status FROM shipments WHERE id = ?", String.class, id);
                }

                public String label(long id) {
                    return jdbc.queryForObject("SELECT text FROM labels WHERE id = ?", String.class, id);
                }
            """))
        .java(bean("Batches", "Service", "import org.springframework.stereotype.Service;", """
                public void closeDay() {
                    jdbc.batchUpdate("UPDATE orders SET closed = true", "UPDATE shipments SET status = 'closed'");
                }
            """))
        .java(bean("Dynamic", "Service", "import org.springframework.stereotype.Service;", """
                public void touch(boolean labels) {
                    String sql = "UPDATE orders SET touched = true";
                    if (labels) {
                        sql = "UPDATE labels SET touched = true";
                    }
                    jdbc.update(sql);
                }
            """))
        .plan();
    // the second statement of the batch writes shipments; the reassigned local may write any table
    assertEquals(List.of("Batches.closeDay", "Dynamic.touch"), writers(target(plan, "shipment")));
    assertEquals(List.of("Dynamic.touch"), writers(target(plan, "label")));
  }

  @Test
  void aWriteInAReturnedLambdaRunsLaterAndCannotEvict() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("Names", "Service", "import org.springframework.stereotype.Service;", """
                public String name(long id) {
                    return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
                }
            """))
        .java(bean("Renames", "Service", "import org.springframework.stereotype.Service;", """
                public Runnable renameLater(long id, String name) {
                    return () -> jdbc.update("UPDATE users SET name = ? WHERE id = ?", name, id);
                }
            """))
        .plan();
    Refusal name = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, plan, "Names", "name");
    assertEquals(List.of("writer shop.Renames.renameLater"), RefusalIds.facts(name));
  }

  @Test
  void aCallThatMayWriteIsAWriter() throws Exception {
    MigrationPlan plan = spring()
        .java(bean("Names", "Service", "import org.springframework.stereotype.Service;", """
                public String name(long id) {
                    return jdbc.queryForObject("SELECT name FROM users WHERE id = ?", String.class, id);
                }
            """))
        .java(bean("Scripts", "Service", "import org.springframework.stereotype.Service;", """
                public void run(String statement) {
                    jdbc.execute(statement);
                }
            """))
        .plan();
    assertEquals(List.of("Scripts.run"), writers(target(plan, "name")));
  }

  @Test
  void anEntitySpreadOverSeveralTablesIsEvictedByWritersOfAnyOfThem() throws Exception {
    MigrationPlan plan = spring()
        .file("pom.xml", SPRING_POM.replace("</dependencies>", """
              <dependency>
                <groupId>org.springframework.data</groupId>
                <artifactId>spring-data-jpa</artifactId>
                <version>3.5.5</version>
              </dependency>
            </dependencies>"""))
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.SecondaryTable;

            @Entity
            @SecondaryTable(name = "customer_details")
            public class Customer {
                @Id
                private Long id;
                private String name;
                private String notes;
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.repository.CrudRepository;

            public interface CustomerRepository extends CrudRepository<Customer, Long> {
            }
            """)
        .java("""
            package shop;

            import java.util.Optional;
            import org.springframework.stereotype.Service;

            @Service
            public class Customers {
                private final CustomerRepository repository;

                public Customers(CustomerRepository repository) {
                    this.repository = repository;
                }

                public String name(long id) {
                    return repository.findById(id).map(Object::toString).orElse(null);
                }
            }
            """)
        .java(bean("Notes", "Service", "import org.springframework.stereotype.Service;", """
                public void note(long id, String text) {
                    jdbc.update("UPDATE customer_details SET notes = ? WHERE id = ?", text, id);
                }
            """))
        .plan();
    assertEquals(List.of("Notes.note"), writers(target(plan, "name")));
  }

  @Test
  void aWriterInsideAHandRunJdbcTransactionRefusesUnlessItCommitsItself() throws Exception {
    String reader = """
        package shop;

        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        import javax.sql.DataSource;

        public class Accounts {
            private final DataSource dataSource;

            public Accounts(DataSource dataSource) {
                this.dataSource = dataSource;
            }

            public long balance(String account) throws SQLException {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement s = c.prepareStatement("SELECT balance FROM accounts WHERE id = ?")) {
                    s.setString(1, account);
                    try (ResultSet r = s.executeQuery()) {
                        return r.next() ? r.getLong(1) : 0;
                    }
                }
            }

            public void %s(Connection c, String account, long amount) throws SQLException {
                try (PreparedStatement s = c.prepareStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?")) {
                    s.setLong(1, amount);
                    s.setString(2, account);
                    s.executeUpdate();
                }%s
            }
        }
        """;
    String transfers = """
        package shop;

        import java.sql.Connection;
        import java.sql.SQLException;
        import javax.sql.DataSource;

        public class Transfers {
            public void transfer(DataSource dataSource, Accounts accounts, String from, String to, long amount)
                    throws SQLException {
                try (Connection c = dataSource.getConnection()) {
                    c.setAutoCommit(false);
                    accounts.post(c, from, -amount);
                    accounts.post(c, to, amount);
                    c.commit();
                }
            }
        }
        """;
    MigrationPlan plan = new MigrationFixture(dir.resolve("byHand"))
        .java(reader.formatted("post", "")).java(transfers).createdOnce("shop.Accounts", "null").plan();
    Refusal balance = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, plan, "Accounts", "balance");
    assertEquals(List.of("writer shop.Accounts.post"), RefusalIds.facts(balance));
    // the name: no fact carries it yet (where the project runs its transaction by hand)
    assertTrue(balance.reason().contains("Transfers.transfer()"), balance.reason());

    Path other = dir.resolve("committing");
    MigrationPlan committing = new MigrationFixture(other)
        .java(reader.formatted("post", "\n        c.commit();")).java(transfers).createdOnce("shop.Accounts", "null").plan();
    assertEquals(List.of("Accounts.post"), writers(target(committing, "balance")));
  }

  /** Cached itself, or refused only because the caller that reads it is cached instead. */
  private static void cachedHereOrAbove(MigrationPlan plan, String method, String callerType, String callerMethod) {
    if (plan.targets().stream().noneMatch(t -> t.method().fact().name().equals(method))) {
      Refusal below = RefusalIds.assertProof(Proof.OUTER_LEVEL_CACHED, plan, method);
      assertEquals(List.of("outer-cache " + callerType + "." + callerMethod), RefusalIds.facts(below));
    }
  }

  private static List<String> writers(CachingTarget target) {
    return target.evictions().stream().map(e -> e.writer().fact().displayName()).distinct().sorted().toList();
  }

  /** The refusal, or the reason assess gives for not proposing it at all (the same knowledge, earlier). */
  private String refusalOrNotProposed(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElseGet(() -> plan.notCacheable().stream().map(NotCacheable::line).filter(n -> n.contains("." + method + "()"))
            .findFirst().orElseThrow(() -> new AssertionError(method + " neither refused nor explained: "
                + plan.notCacheable())));
  }
}
