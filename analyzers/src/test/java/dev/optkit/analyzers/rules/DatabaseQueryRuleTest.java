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

class DatabaseQueryRuleTest {
  @TempDir Path dir;

  /**
   * A mapper extending a generic mapper library's interface, declaring nothing of its own, runs that library's
   * statements at each call (a blind trial's tk.mybatis {@code SkuMapper extends Mapper<Sku>}). Near miss: a project
   * interface extending another generic interface of the same shape is no client.
   */
  @Test
  void aMapperExtendingAGenericMapperRunsItsInheritedStatements() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        public interface SkuMapper extends tk.mybatis.mapper.common.Mapper<Sku> {}
        """).java("""
        package shop;
        public interface SkuCache extends java.util.function.Function<Long, Sku> {}
        """).java("package shop;\npublic class Sku { Long id; }\n").java("""
        package shop;
        public class SkuService {
          private final SkuMapper mapper;
          private final SkuCache cache;
          SkuService(SkuMapper mapper, SkuCache cache) { this.mapper = mapper; this.cache = cache; }
          public Sku one(Long id) { return mapper.selectByPrimaryKey(id); }
          public int add(Sku sku) { return mapper.insertSelective(sku); }
          public Sku cached(Long id) { return cache.apply(id); }
        }
        """).findings(Category.DB_QUERY);
    assertEquals(List.of("one(Long) read", "add(Sku) write"), findings.stream()
        .map(f -> f.enclosingMethod() + " " + f.details().get("access")).toList(), findings.toString());
  }

  @Test
  void jdbcSqlIsTracedFromPrepareStatementToTheExecutionAndClassified() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.sql.Connection;
        import java.sql.PreparedStatement;
        import java.sql.ResultSet;
        import java.sql.SQLException;
        class Products {
          private static final String BY_ID = "SELECT name FROM products WHERE id = ?";
          private final Connection connection;
          Products(Connection connection) { this.connection = connection; }
          String name(long id) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement(BY_ID)) {
              ps.setLong(1, id);
              try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
              }
            }
          }
          void rename(long id, String name) throws SQLException {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE products SET name = ? WHERE id = ?")) {
              ps.setString(1, name);
              ps.setLong(2, id);
              ps.executeUpdate();
            }
          }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(2, findings.size(), findings.toString());
    Finding read = byMethod.get("name(long)");
    assertEquals("SELECT name FROM products WHERE id = ?", read.details().get("sql"));
    assertEquals("read", read.details().get("access"));
    assertEquals(Confidence.HIGH, read.confidence());
    Finding write = byMethod.get("rename(long, String)");
    assertEquals("UPDATE products SET name = ? WHERE id = ?", write.details().get("sql"));
    assertEquals("write", write.details().get("access"));
  }

  /**
   * A query that feeds a loop runs once: the source of a stream pipeline and a for-each's iterable are no query per
   * iteration (trial 42: jhipster's {@code authorityRepository.findAll().stream().map(Authority::getName)}); the
   * query inside the loop's body is.
   */
  @Test
  void aQueryFeedingALoopRunsOnceAndOneInsideItPerIteration() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.sql.Connection;
        import java.sql.SQLException;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.stream.Collectors;
        class Products {
          private final Connection connection;
          Products(Connection connection) { this.connection = connection; }
          List<String> ids() throws SQLException {
            return List.of("a", "b");
          }
          List<Integer> names() throws SQLException {
            return connection.prepareStatement("SELECT id FROM products").executeQuery().getFetchSize() > 0
                ? List.of(1) : List.of();
          }
          List<String> piped() throws SQLException {
            List<String> out = new ArrayList<>();
            for (Integer id : names()) {
              out.add(String.valueOf(id));
            }
            return List.of(connection.createStatement().executeQuery("SELECT name FROM kinds").getFetchSize())
                .stream().map(String::valueOf).collect(Collectors.toList());
          }
          List<Integer> each(List<String> ids) {
            return ids.stream().map(id -> {
              try {
                return connection.createStatement().executeUpdate("DELETE FROM products WHERE id = 1");
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            }).collect(Collectors.toList());
          }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Object> inLoop = findings.stream().collect(Collectors.toMap(f -> f.enclosingMethod(),
        f -> f.details().get("inLoop"), (a, b) -> a + "," + b));
    assertEquals(false, inLoop.get("piped()"), findings.toString());
    assertEquals(true, inLoop.get("each(List<String>)"), findings.toString());
  }

  /**
   * Without the jars that type the connection (Spring's getDataSource(), Hibernate's doWork), a statement made by
   * prepareStatement/createStatement, or run by a name only statements have, is still a JDBC site (low confidence);
   * a JPA query's executeUpdate and an executor's execute are not taken for one.
   */
  @Test
  void jdbcStatementsOfUnresolvedConnectionsAreStillSites() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.springframework.jdbc.core.JdbcTemplate;
        class Pets {
          private final JdbcTemplate jdbc;
          private final jakarta.persistence.EntityManager em;
          private final java.util.concurrent.Executor pool;
          Pets(JdbcTemplate jdbc, jakarta.persistence.EntityManager em, java.util.concurrent.Executor pool) {
            this.jdbc = jdbc; this.em = em; this.pool = pool;
          }
          void rename(long id, String name) throws Exception {
            try (var c = jdbc.getDataSource().getConnection(); var ps = c.prepareStatement("update pet set name = ? where id = ?")) {
              ps.setString(1, name);
              ps.executeUpdate();
            }
          }
          void purge() throws Exception {
            em.unwrap(org.hibernate.Session.class).doWork(c -> {
              try (var st = c.createStatement()) { st.execute("delete from pet"); }
            });
          }
          int retire() { return em.createQuery("update Pet p set p.retired = true").executeUpdate(); }
          void later(Runnable job) { pool.execute(job); }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(java.util.Set.of("rename(long, String)", "purge()", "retire()"), byMethod.keySet(), findings.toString());
    Finding rename = byMethod.get("rename(long, String)");
    assertEquals("update pet set name = ? where id = ?", rename.details().get("sql"));
    assertEquals("write", rename.details().get("access"));
    assertEquals(Confidence.LOW, rename.confidence());
    assertEquals("delete from pet", byMethod.get("purge()").details().get("sql"));
    assertEquals("write", byMethod.get("purge()").details().get("access"));
    assertEquals("jdbc-statement", byMethod.get("purge()").details().get("client"));
    assertEquals("jpa-entity-manager", byMethod.get("retire()").details().get("client"));
  }

  static final String QUERY_WRAPPER = """
      package shop;
      import java.sql.Connection;
      import java.sql.PreparedStatement;
      import java.sql.SQLException;
      class Db {
        private final Connection connection;
        Db(Connection connection) { this.connection = connection; }
        int update(String sql, Object... params) throws SQLException {
          try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
              ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
          }
        }
      }
      """;

  @Test
  void callsOfAProjectQueryWrapperWithSqlTextAreTheQueries() {
    List<Finding> findings = new ProjectFixture(dir).java(QUERY_WRAPPER).java("""
        package shop;
        class Users {
          private static final String RENAME = "UPDATE users SET name = ? WHERE id = ?";
          private final Db db;
          Users(Db db) { this.db = db; }
          void rename(long id, String name) throws Exception { db.update(RENAME, name, id); }
          void purge() throws Exception { db.update("DELETE FROM " + "sessions"); }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(2, findings.size(), "the wrapper's own JDBC call runs only what its callers say: " + findings);
    assertEquals("UPDATE users SET name = ? WHERE id = ?", byMethod.get("rename(long, String)").details().get("sql"));
    assertEquals("write", byMethod.get("rename(long, String)").details().get("access"));
    assertEquals("DELETE FROM sessions", byMethod.get("purge()").details().get("sql"));
  }

  @Test
  void aWrapperThatRewritesItsSqlIsNoWrapper() {
    List<Finding> findings = new ProjectFixture(dir).java(QUERY_WRAPPER
        .replace("int update(String sql, Object... params) throws SQLException {",
            "int update(String sql, Object... params) throws SQLException {\n          sql = sql.replace(\"x_\", \"\");"))
        .java("""
        package shop;
        class Users {
          private String renameSql = "UPDATE users SET name = ? WHERE id = ?";
          private final Db db;
          Users(Db db) { this.db = db; this.renameSql = "UPDATE people SET name = ? WHERE id = ?"; }
          void rename(long id, String name) throws Exception { db.update("UPDATE x_users SET name = ? WHERE id = ?", name, id); }
          String sql() { return renameSql; }
        }
        """).findings(Category.DB_QUERY);
    // the wrapper changes what it runs: its own JDBC call stays the (unknown) query, the call site is none
    assertEquals(List.of("update(String, Object)"), findings.stream().map(Finding::enclosingMethod).toList(),
        findings.toString());
  }

  @Test
  void aQueryWrapperGivenSqlBuiltAtRunTimeStaysTheQuery() {
    List<Finding> findings = new ProjectFixture(dir).java(QUERY_WRAPPER).java("""
        package shop;
        class Users {
          private final Db db;
          Users(Db db) { this.db = db; }
          void rename(long id, String name) throws Exception { db.update("UPDATE users SET name = ? WHERE id = ?", name, id); }
          void drop(String table) throws Exception { db.update(table.isEmpty() ? "" : "DELETE FROM " + table); }
        }
        """).findings(Category.DB_QUERY);
    // one caller's SQL is unknown, so the wrapper's own call stays a query of unknown SQL beside the known one
    assertEquals(List.of("rename(long, String)", "update(String, Object)"), findings.stream()
        .map(Finding::enclosingMethod).sorted().toList(), findings.toString());
  }

  @Test
  void sqlAssembledInAStringBuilderIsReadInSourceOrderWithValuesAsPlaceholders() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        class Search {
          private static final String BASE = "SELECT name FROM products p";
          private final JdbcTemplate jdbc;
          Search(JdbcTemplate jdbc) { this.jdbc = jdbc; }
          List<String> names(String category, Integer max) {
            StringBuilder sql = new StringBuilder(BASE);
            sql.append(" JOIN categories c ON c.id = p.category_id WHERE c.name = ?");
            if (max != null) {
              sql.append(" AND p.price <= ").append(max);
            }
            return jdbc.queryForList(sql.toString(), String.class, category);
          }
          void touch(long id) {
            StringBuilder sb = new StringBuilder(64);
            sb.append("UPDATE products SET touched = 1 WHERE id = ").append(id);
            String statement = sb.toString();
            jdbc.update(statement);
          }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals("SELECT name FROM products p JOIN categories c ON c.id = p.category_id WHERE c.name = ? AND "
        + "p.price <= ?", byMethod.get("names(String, Integer)").details().get("sql"));
    assertEquals("read", byMethod.get("names(String, Integer)").details().get("access"));
    assertEquals("UPDATE products SET touched = 1 WHERE id = ?", byMethod.get("touch(long)").details().get("sql"));
    assertEquals("write", byMethod.get("touch(long)").details().get("access"));
  }

  @Test
  void sqlInALogMessageIsNotAQuery() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.sql.Connection;
        class Audit {
          private static final System.Logger LOG = System.getLogger("audit");
          private Connection connection;
          void report(long id) {
            LOG.log(System.Logger.Level.WARNING, "run SELECT * FROM orders WHERE id = " + id + " by hand");
            String sql = "DELETE FROM orders WHERE id = " + id;
            System.out.println(sql);
          }
        }
        """).findings(Category.DB_QUERY);
    assertEquals(List.of(), findings);
  }

  @Test
  void jdbcTemplateAndSpringDataRepositoriesAreQueries() {
    List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package shop;
            import org.springframework.data.repository.CrudRepository;
            import org.springframework.data.jdbc.repository.query.Query;
            interface OrderRepository extends CrudRepository<Order, Long> {
              java.util.List<Order> findByCustomerId(long customerId);
              @Query("SELECT * FROM orders WHERE amount > :min")
              java.util.List<Order> large(long min);
            }
            """)
        .java("""
            package shop;
            record Order(long id, long customerId) {}
            """)
        .java("""
            package shop;
            import org.springframework.jdbc.core.JdbcTemplate;
            class Orders {
              private final JdbcTemplate jdbc;
              private final OrderRepository repository;
              Orders(JdbcTemplate jdbc, OrderRepository repository) { this.jdbc = jdbc; this.repository = repository; }
              int count() { return jdbc.queryForObject("SELECT COUNT(*) FROM orders", Integer.class); }
              Object byCustomer(long id) { return repository.findByCustomerId(id); }
              Object large() { return repository.large(100); }
              void save(Order order) { repository.save(order); }
            }
            """)
        .findings(Category.DB_QUERY);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(4, findings.size(), findings.toString());
    assertEquals("SELECT COUNT(*) FROM orders", byMethod.get("count()").details().get("sql"));
    assertEquals("spring-data-repository", byMethod.get("byCustomer(long)").details().get("client"));
    assertEquals("read", byMethod.get("byCustomer(long)").details().get("access"));
    assertEquals(Confidence.HIGH, byMethod.get("byCustomer(long)").confidence());
    assertEquals("SELECT * FROM orders WHERE amount > :min", byMethod.get("large()").details().get("sql"));
    assertEquals("write", byMethod.get("save(Order)").details().get("access"));
  }

  /**
   * A Spring Data MongoDB repository's {@code @Query} is a JSON query document, not SQL: a find reads whatever its
   * text looks like to an SQL reader, and only {@code delete = true}, {@code @DeleteQuery} or {@code @Update} write.
   * From piggymetrics' RecipientRepository, whose {@code $and}/{@code $where} finds were reported as write queries.
   */
  @Test
  void mongoRepositoryQueryDocumentsAreReadsUnlessTheirAnnotationWrites() {
    List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package bank;
            import java.util.List;
            import org.springframework.data.mongodb.repository.DeleteQuery;
            import org.springframework.data.mongodb.repository.Query;
            import org.springframework.data.mongodb.repository.Update;
            import org.springframework.data.repository.CrudRepository;
            interface RecipientRepository extends CrudRepository<Recipient, String> {
              @Query("{ 'name' : ?0 }")
              Recipient byName(String name);
              @Query(value = "{ 'active' : true }", fields = "{ 'name' : 1 }")
              List<Recipient> activeNames();
              @Query("{ $and: [ {'backup.active': true }, { $where: 'this.backup.lastNotified < this.backup.due' } ] }")
              List<Recipient> removeReady();
              @Query(value = "{ 'name' : ?0 }", delete = true)
              List<Recipient> pruneByName(String name);
              @DeleteQuery("{ 'active' : false }")
              long inactive();
              @Query("{ 'name' : ?0 }")
              @Update("{ '$inc' : { 'visits' : 1 } }")
              void countVisit(String name);
            }
            """)
        .java("""
            package bank;
            record Recipient(String name) {}
            """)
        .java("""
            package bank;
            class Recipients {
              private final RecipientRepository repository;
              Recipients(RecipientRepository repository) { this.repository = repository; }
              Object one(String name) { return repository.byName(name); }
              Object names() { return repository.activeNames(); }
              Object ready() { return repository.removeReady(); }
              Object prune(String name) { return repository.pruneByName(name); }
              long purge() { return repository.inactive(); }
              void visit(String name) { repository.countVisit(name); }
            }
            """)
        .findings(Category.DB_QUERY);
    Map<String, String> access = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod,
        f -> String.valueOf(f.details().get("access"))));
    assertEquals(Map.of("one(String)", "read", "names()", "read", "ready()", "read", "prune(String)", "write",
        "purge()", "write", "visit(String)", "write"), access);
  }

  /** A repository query in a language optkit does not read (here a Neo4j Cypher statement) may write: it stays a write. */
  @Test
  void aRepositoryQueryInAnotherLanguageStaysAWrite() {
    List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package graph;
            import org.springframework.data.neo4j.repository.query.Query;
            import org.springframework.data.repository.CrudRepository;
            interface PersonRepository extends CrudRepository<Person, Long> {
              @Query("MATCH (p:Person {name: $name}) DETACH DELETE p")
              Long findAndForget(String name);
              @Query("SELECT * FROM person WHERE name = :name")
              Person findNamed(String name);
            }
            """)
        .java("""
            package graph;
            record Person(String name) {}
            """)
        .java("""
            package graph;
            class People {
              private final PersonRepository repository;
              People(PersonRepository repository) { this.repository = repository; }
              Object forget(String name) { return repository.findAndForget(name); }
              Object named(String name) { return repository.findNamed(name); }
            }
            """)
        .findings(Category.DB_QUERY);
    Map<String, String> access = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod,
        f -> String.valueOf(f.details().get("access"))));
    assertEquals(Map.of("forget(String)", "write", "named(String)", "read"), access);
  }

  /**
   * A repository query that changes data is a write however it starts, as the one SQL reader says: a native query
   * {@code WITH gone AS (DELETE ... RETURNING id) SELECT count(*) FROM gone} was a read (its first word), assess called
   * the service over it fixable and migrate planned @Cacheable on it, so the delete would not have run for 300 s.
   */
  @Test
  void aRepositoryQueryThatChangesDataIsAWriteHoweverItStarts() {
    ProjectFixture project = new ProjectFixture(dir)
        .java("""
            package desk;
            import org.springframework.data.jpa.repository.Query;
            import org.springframework.data.repository.CrudRepository;
            interface TicketRepository extends CrudRepository<Ticket, Long> {
              @Query(value = "WITH gone AS (DELETE FROM ticket WHERE status = ?1 RETURNING id) SELECT count(*) FROM gone",
                  nativeQuery = true)
              long purge(String status);
              @Query(value = "WITH gone AS (DELETE FROM ticket WHERE status = ?1) SELECT count(*) FROM ticket",
                  nativeQuery = true)
              long purgeQuietly(String status);
              @Query(value = "INSERT INTO archive SELECT * FROM ticket WHERE status = ?1 RETURNING id", nativeQuery = true)
              List<Long> archive(String status);
              @Query(value = "SELECT count(*) FROM ticket WHERE status = ?1", nativeQuery = true)
              long count(String status);
            }
            """.replace("import org.springframework.data.repository.CrudRepository;",
                "import org.springframework.data.repository.CrudRepository;\nimport java.util.List;"))
        .java("""
            package desk;
            import org.apache.ibatis.annotations.Mapper;
            import org.apache.ibatis.annotations.Select;
            @Mapper
            interface TicketMapper {
              @Select("WITH gone AS (DELETE FROM ticket WHERE status = #{status}) SELECT count(*) FROM ticket")
              long purgeByMapper(String status);
              @Select("SELECT count(*) FROM ticket WHERE status = #{status}")
              long countByMapper(String status);
            }
            """)
        .java("""
            package desk;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            @Entity
            class Ticket { @Id Long id; String status; }
            """)
        .java("""
            package desk;
            class Desk {
              private final TicketRepository tickets;
              private final TicketMapper mapper;
              Desk(TicketRepository tickets, TicketMapper mapper) { this.tickets = tickets; this.mapper = mapper; }
              long purge(String status) { return tickets.purge(status); }
              long purgeQuietly(String status) { return tickets.purgeQuietly(status); }
              Object archive(String status) { return tickets.archive(status); }
              long count(String status) { return tickets.count(status); }
              long purgeByMapper(String status) { return mapper.purgeByMapper(status); }
              long countByMapper(String status) { return mapper.countByMapper(status); }
            }
            """);
    List<Finding> findings = project.findings(Category.DB_QUERY);
    Map<String, String> access = findings.stream().filter(f -> f.path().endsWith("Desk.java"))
        .collect(Collectors.toMap(Finding::enclosingMethod, f -> String.valueOf(f.details().get("access"))));
    assertEquals(Map.of("purge(String)", "write", "purgeQuietly(String)", "write", "archive(String)", "write",
        "count(String)", "read", "purgeByMapper(String)", "write", "countByMapper(String)", "read"), access);
    // and so never a cacheable read: only the two counts are
    assertEquals(java.util.Set.of("count(String)", "countByMapper(String)"), project.findings(Category.CACHEABLE_READ)
        .stream().filter(f -> f.path().endsWith("Desk.java")).map(Finding::enclosingMethod)
        .collect(Collectors.toSet()));
  }

  @Test
  void jpaEntityManagerQueriesAreClassifiedFromTheChain() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import jakarta.persistence.EntityManager;
        class Customers {
          private EntityManager em;
          Object all() { return em.createQuery("select c from Customer c").getResultList(); }
          int purge() { return em.createQuery("delete from Customer c where c.active = false").executeUpdate(); }
          Object one(long id) { return em.find(Object.class, id); }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(3, findings.size(), findings.toString());
    assertEquals("read", byMethod.get("all()").details().get("access"));
    assertEquals("write", byMethod.get("purge()").details().get("access"));
    assertEquals("read", byMethod.get("one(long)").details().get("access"));
  }

  @Test
  void myBatisXmlMappersClassifyAndShowSqlOfInterfaceCalls() {
    List<Finding> findings = new ProjectFixture(dir)
        .java("""
            package shop;
            public interface TagReadService {
              java.util.List<String> all();
              void rename(String from, String to);
            }
            """)
        .java("""
            package shop;
            class Tags {
              private final TagReadService tags;
              Tags(TagReadService tags) { this.tags = tags; }
              Object allTags() { return tags.all(); }
              void rename(String a, String b) { tags.rename(a, b); }
            }
            """)
        .file("src/main/resources/mapper/TagReadService.xml", """
            <?xml version="1.0" encoding="UTF-8" ?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd" >
            <mapper namespace="shop.TagReadService">
                <select id="all" resultType="string">
                    select name from tags <if test="x != null">where x = #{x}</if>
                </select>
                <update id="rename">update tags set name = #{to} where name = #{from}</update>
            </mapper>
            """)
        .findings(Category.DB_QUERY);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod, f -> f));
    assertEquals(2, findings.size(), findings.toString());
    assertEquals("mybatis-mapper", byMethod.get("allTags()").details().get("client"));
    assertEquals("read", byMethod.get("allTags()").details().get("access"));
    assertEquals("select name from tags where x = #{x}", byMethod.get("allTags()").details().get("sql"));
    assertEquals("write", byMethod.get("rename(String, String)").details().get("access"));
  }

  @Test
  void anInterfaceDeclaringItsQueriesIsAClientEvenFromALibraryOptkitDoesNotKnow() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.jdbi.v3.sqlobject.statement.SqlQuery;
        import org.jdbi.v3.sqlobject.statement.SqlUpdate;
        public interface PeopleDao {
          @SqlQuery("SELECT name FROM people WHERE id = :id")
          String name(long id);
          @SqlUpdate("UPDATE people SET name = :name WHERE id = :id")
          void rename(long id, String name);
        }
        """).java("""
        package shop;
        public class People {
          private final PeopleDao dao;
          public People(PeopleDao dao) { this.dao = dao; }
          public String name(long id) { return dao.name(id); }
          public void rename(long id, String name) { dao.rename(id, name); }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Object> sqlByMethod = findings.stream().collect(Collectors.toMap(Finding::enclosingMethod,
        f -> f.details().get("sql")));
    assertEquals(Map.of("name(long)", "SELECT name FROM people WHERE id = :id",
        "rename(long, String)", "UPDATE people SET name = :name WHERE id = :id"), sqlByMethod, findings.toString());
  }

  /**
   * Jdbi 2's SqlObject may be an abstract class: its abstract methods carry their SQL and the library implements them at
   * run time; its own methods are the project's code, whose calls of the abstract ones are the queries (airpal's
   * TableDAO and QueryStoreDAO, reached through dbi.onDemand). Near miss: an abstract class the project extends is its
   * subclass's.
   */
  @Test
  void anAbstractClassDeclaringItsQueriesIsAClientLikeAnInterface() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.skife.jdbi.v2.sqlobject.SqlUpdate;
        public abstract class TableDao {
          @SqlUpdate("INSERT INTO tables (name) VALUES (:name)")
          public abstract void create(String name);
          @SqlUpdate("DELETE FROM tables WHERE id = :id")
          abstract int delete0(long id);
          public boolean delete(long id) { return delete0(id) > 0; }
        }
        """).java("""
        package shop;
        public abstract class Base {
          @org.skife.jdbi.v2.sqlobject.SqlUpdate("DELETE FROM other")
          public abstract void clear();
        }
        """).java("""
        package shop;
        public class Impl extends Base {
          public void clear() { }
        }
        """).java("""
        package shop;
        public class Tables {
          private final TableDao dao;
          private final Base base;
          public Tables(TableDao dao, Base base) { this.dao = dao; this.base = base; }
          public void create(String name) { dao.create(name); }
          public boolean remove(long id) { return dao.delete(id); }
          public void clear() { base.clear(); }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Object> sqlByMethod = findings.stream().collect(Collectors.toMap(
        f -> f.enclosingClass() + "." + f.enclosingMethod(), f -> f.details().get("sql")));
    assertEquals(Map.of("shop.Tables.create(String)", "INSERT INTO tables (name) VALUES (:name)",
        "shop.TableDao.delete(long)", "DELETE FROM tables WHERE id = :id"), sqlByMethod, findings.toString());
  }

  /**
   * A method carrying its query annotation is a query whether or not its text is read (Jdbi's classpath locator gives
   * the SQL from a file); a method without one (a close()) is none.
   */
  @Test
  void aDeclaredQueryWithoutItsTextIsStillAQuery() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.jdbi.v3.sqlobject.statement.SqlQuery;
        @org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator
        public interface PeopleDao {
          @SqlQuery
          java.util.List<String> names();
          @SqlQuery("SELECT name FROM people WHERE id = :id")
          String name(long id);
          void close();
        }
        """).java("""
        package shop;
        public class People {
          private final PeopleDao dao;
          public People(PeopleDao dao) { this.dao = dao; }
          public Object names() { return dao.names(); }
          public void done() { dao.close(); }
        }
        """).findings(Category.DB_QUERY);
    assertEquals(List.of("names()"), findings.stream().map(Finding::enclosingMethod).toList());
  }

  @Test
  void aQueryInterfaceHandedOutByAnotherObjectsGetterIsThatQueryAtTheCall() {
    // a registry of DAOs a library makes at run time (Jdbi's onDemand): daos.getPeopleDao().rename(..) is the
    // interface's query where it is called, as a call on a field of the interface's type is
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.jdbi.v3.sqlobject.statement.SqlQuery;
        import org.jdbi.v3.sqlobject.statement.SqlUpdate;
        public interface PeopleDao {
          @SqlQuery("SELECT name FROM people WHERE id = :id")
          String name(long id);
          @SqlUpdate("UPDATE people SET name = :name WHERE id = :id")
          void rename(long id, String name);
        }
        """).java("""
        package shop;
        public class Daos {
          private final org.jdbi.v3.core.Jdbi jdbi;
          public Daos(org.jdbi.v3.core.Jdbi jdbi) { this.jdbi = jdbi; }
          public PeopleDao getPeopleDao() { return jdbi.onDemand(PeopleDao.class); }
        }
        """).java("""
        package shop;
        public class People {
          private final Daos daos;
          public People(Daos daos) { this.daos = daos; }
          public String name(long id) { return daos.getPeopleDao().name(id); }
          public void rename(long id, String name) { daos.getPeopleDao().rename(id, name); }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Object> sqlByMethod = findings.stream().filter(f -> f.path().endsWith("People.java"))
        .collect(Collectors.toMap(Finding::enclosingMethod, f -> f.details().get("sql")));
    assertEquals(Map.of("name(long)", "SELECT name FROM people WHERE id = :id",
        "rename(long, String)", "UPDATE people SET name = :name WHERE id = :id"), sqlByMethod, findings.toString());
  }

  @Test
  void aGetterOfAnotherObjectHandingOutAPlainValueIsNoQuery() {
    // near miss: order.getCustomer().getName() follows the getter's declared type, a class of the project that
    // runs no query
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        public class Customer {
          private final String name;
          public Customer(String name) { this.name = name; }
          public String getName() { return name; }
        }
        """).java("""
        package shop;
        public class Order {
          private final Customer customer;
          public Order(Customer customer) { this.customer = customer; }
          public Customer getCustomer() { return customer; }
        }
        """).java("""
        package shop;
        import java.util.ArrayList;
        import java.util.List;
        public class Names {
          public List<String> names(List<Order> orders) {
            List<String> names = new ArrayList<>();
            for (Order order : orders) {
              names.add(order.getCustomer().getName());
            }
            return names;
          }
        }
        """).findings(Category.DB_QUERY);
    assertEquals(List.of(), findings);
  }

  @Test
  void anAnnotatedInterfaceTheProjectImplementsIsItsOwnCodeNotAClient() {
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import org.example.data.Query;
        public interface Lookup {
          @Query("SELECT name FROM people WHERE id = ?")
          String name(long id);
        }
        """).java("""
        package shop;
        public class InMemoryLookup implements Lookup {
          public String name(long id) { return "n" + id; }
        }
        """).java("""
        package shop;
        public class Names {
          private final Lookup lookup = new InMemoryLookup();
          public String name(long id) { return lookup.name(id); }
        }
        """).findings(Category.DB_QUERY);
    assertEquals(List.of(), findings);
  }

  @Test
  void aSimpleJdbcInsertFieldInsertsIntoTheTableItsAssignmentNames() {
    // spring-petclinic-rest's JdbcOwnerRepositoryImpl: the table is named where the field is given its object
    List<Finding> findings = new ProjectFixture(dir).java("""
        package shop;
        import java.util.Map;
        import javax.sql.DataSource;
        import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
        class Owners {
          private final SimpleJdbcInsert insertOwner;
          private SimpleJdbcInsert insertPet = new SimpleJdbcInsert((DataSource) null).withSchemaName("clinic")
              .withTableName("pets").usingGeneratedKeyColumns("id");
          private SimpleJdbcInsert insertAny;
          Owners(DataSource dataSource) {
            this.insertOwner = new SimpleJdbcInsert(dataSource).withTableName("owners").usingGeneratedKeyColumns("id");
          }
          void configure(DataSource dataSource, String table) {
            insertAny = new SimpleJdbcInsert(dataSource).withTableName(table);
          }
          Number addOwner(Map<String, Object> row) { return this.insertOwner.executeAndReturnKey(row); }
          Number addPet(Map<String, Object> row) { return insertPet.executeAndReturnKey(row); }
          int addAny(Map<String, Object> row) { return insertAny.execute(row); }
          int addLocal(Map<String, Object> row, SimpleJdbcInsert insertOwner) { return insertOwner.execute(row); }
        }
        """).findings(Category.DB_QUERY);
    Map<String, Finding> byMethod = findings.stream().collect(Collectors.toMap(f -> f.enclosingMethod().replaceAll("\\(.*", ""), f -> f));
    assertEquals(4, findings.size(), byMethod.keySet().toString());
    assertEquals("INSERT INTO owners VALUES (?)", byMethod.get("addOwner").details().get("sql"));
    assertEquals("INSERT INTO clinic.pets VALUES (?)", byMethod.get("addPet").details().get("sql"));
    // a table from a parameter, and a parameter named like the field: not known
    assertEquals(null, byMethod.get("addAny").details().get("sql"));
    assertEquals(null, byMethod.get("addLocal").details().get("sql"));
    assertEquals("write", byMethod.get("addAny").details().get("access"));
  }

  /**
   * A statement in a message is on one line: a mapper's line breaks and indentation are one space each (a blind trial's
   * MyBatis queries were printed with {@code \u000a} for every line break), and a long one is cut at 100 characters.
   */
  @Test
  void aStatementInAMessageIsOnOneLine() {
    assertEquals("select id, name from user where id = ?",
        DatabaseQueryRule.abbreviate("\n    select\n      id, name\n    from user\n\twhere id = ?\n  "));
    String cut = DatabaseQueryRule.abbreviate("select " + "x, ".repeat(60) + "y from t");
    assertEquals(100, cut.length());
    assertTrue(cut.endsWith("..."), cut);
  }
}
