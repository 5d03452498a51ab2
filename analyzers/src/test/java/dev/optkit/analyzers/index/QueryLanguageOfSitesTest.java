package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is SQL: a Cassandra repository's CQL and derived finders are no SQL (Cassandra's {@code @Table} is not Spring
 * Data Relational's); a Hibernate session's selection query is HQL, written as SQL only when translated.
 */
class QueryLanguageOfSitesTest {
  @TempDir Path dir;

  private static Optional<String> run(ProjectIndex index, String type, String method) {
    IoSite site = index.sitesOf(index.methods(type, method).get(0)).stream()
        .filter(s -> s.kind() == dev.optkit.analyzers.catalog.ClientKind.DB).findFirst().orElseThrow();
    return index.sqlAsRun().of(site);
  }

  @Test
  void aCassandraRepositorysQueriesAreNoSql() {
    ProjectIndex index = new ProjectFixture(dir)
        .file("src/main/resources/schema.sql", "CREATE TABLE event (id BIGINT PRIMARY KEY, device_id VARCHAR(20));\n")
        .java("""
            package shop;
            import org.springframework.data.cassandra.core.mapping.PrimaryKey;
            import org.springframework.data.cassandra.core.mapping.Table;
            @Table("event")
            public class Event {
              @PrimaryKey Long id;
              String deviceId;
            }
            """)
        .java("""
            package shop;
            import java.util.List;
            import org.springframework.data.cassandra.repository.CassandraRepository;
            import org.springframework.data.cassandra.repository.Query;
            public interface EventRepository extends CassandraRepository<Event, Long> {
              @Query("SELECT * FROM event WHERE device_id = ?0")
              List<Event> byDevice(String device);
              List<Event> findByDeviceId(String device);
            }
            """)
        .java("""
            package shop;
            public class Events {
              private final EventRepository repository;
              public Events(EventRepository repository) { this.repository = repository; }
              public Object cql(String v) { return repository.byDevice(v); }
              public Object derived(String v) { return repository.findByDeviceId(v); }
            }
            """)
        .assess().index();
    assertEquals(Optional.empty(), run(index, "shop.Events", "cql"), "CQL a Cassandra cluster runs");
    assertEquals(Optional.empty(), run(index, "shop.Events", "derived"), "a Cassandra derived query");
  }

  @Test
  void aHibernateSelectionQueryIsHqlNotSql() {
    ProjectIndex index = new ProjectFixture(dir)
        .file("src/main/resources/schema.sql",
            "CREATE TABLE customer (id BIGINT PRIMARY KEY, email_address VARCHAR(80));\n")
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Customer {
              @Id Long id;
              String emailAddress;
            }
            """)
        .java("""
            package shop;
            public class Customers {
              private final org.hibernate.Session session;
              public Customers(org.hibernate.Session session) { this.session = session; }
              public Object byEmail(String v) {
                return session.createSelectionQuery("select c from Customer c where c.emailAddress = :e", Customer.class)
                    .setParameter("e", v).getResultList();
              }
            }
            """)
        .assess().index();
    Optional<String> sql = run(index, "shop.Customers", "byEmail");
    assertTrue(sql.isEmpty() || sql.get().contains("email_address"), "HQL said to be SQL: " + sql);
  }
}
