package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the redis backend, a JPA entity of plain columns is cached as any class with a creator and getters is
 * (trial 61: spring-boot-redis-cache's PersonService.findAllPersons was refused for "its lazy associations and
 * Hibernate's own collection classes", a Person having neither); an entity with associations or a collection,
 * and a read that may hand back a Hibernate proxy, stay refused, each for what it has.
 */
class EntityRoundTripTest {
  @TempDir Path dir;

  private static final String POM = RedisBackendTest.BOOT_POM.replace("</dependencies>", """
          <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-data-jpa</artifactId>
          </dependency>
          <dependency>
            <groupId>org.springframework.boot</groupId>
            <artifactId>spring-boot-starter-web</artifactId>
          </dependency>
        </dependencies>""");

  private static String entity(String name, String extraImports, String extraFields) {
    return """
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.Id;
        %s

        @Entity
        public class %s {
            @Id
            private int id;
            private String name;
        %s
            public %s() {
            }

            public int getId() {
                return id;
            }

            public void setId(int id) {
                this.id = id;
            }

            public String getName() {
                return name;
            }

            public void setName(String name) {
                this.name = name;
            }
        }
        """.formatted(extraImports, name, extraFields, name);
  }

  private static String repository(String entity) {
    return """
        package shop;

        import org.springframework.data.jpa.repository.JpaRepository;

        public interface %sRepository extends JpaRepository<%s, Integer> {
        }
        """.formatted(entity, entity);
  }

  private static final String SERVICE = """
      package shop;

      import java.util.List;
      import org.springframework.stereotype.Service;

      @Service
      public class Directory {
          private final PersonRepository persons;
          private final OwnerRepository owners;
          private final TaggedRepository tagged;

          public Directory(PersonRepository persons, OwnerRepository owners, TaggedRepository tagged) {
              this.persons = persons;
              this.owners = owners;
              this.tagged = tagged;
          }

          public List<Person> persons() {
              return persons.findAll();
          }

          public Person reference(int id) {
              return persons.getReferenceById(id);
          }

          public List<Owner> owners() {
              return owners.findAll();
          }

          public List<Tagged> tagged() {
              return tagged.findAll();
          }
      }
      """;

  /** The callers: a controller handing each list to the framework to write as JSON, as spring-boot-redis-cache's does. */
  private static final String CONTROLLER = """
      package shop;

      import java.util.List;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.PathVariable;
      import org.springframework.web.bind.annotation.RestController;

      @RestController
      public class DirectoryController {
          private final Directory directory;

          public DirectoryController(Directory directory) {
              this.directory = directory;
          }

          @GetMapping("/persons")
          public List<Person> persons() {
              return directory.persons();
          }

          @GetMapping("/persons/{id}")
          public Person reference(@PathVariable int id) {
              return directory.reference(id);
          }

          @GetMapping("/owners")
          public List<Owner> owners() {
              return directory.owners();
          }

          @GetMapping("/tagged")
          public List<Tagged> tagged() {
              return directory.tagged();
          }
      }
      """;

  private MigrationPlan plan(String backend) {
    return new MigrationFixture(dir.resolve(backend)).file("pom.xml", POM)
        .java(entity("Person", "", ""))
        .java(entity("Owner", "import jakarta.persistence.FetchType;\nimport jakarta.persistence.OneToMany;\nimport java.util.List;", """
                // eager: the local cache may keep it (no lazy load after the transaction); Redis may not
                @OneToMany(mappedBy = "owner", fetch = FetchType.EAGER)
                private List<Person> pets;
            """))
        .java(entity("Tagged", "import jakarta.persistence.Convert;\nimport java.util.List;", """
                @Convert(converter = TagsConverter.class)
                private List<String> tags;
            """))
        .java(repository("Person")).java(repository("Owner")).java(repository("Tagged")).java(SERVICE).java(CONTROLLER)
        .config(OptkitConfig.defaults().withCacheBackend(backend)).plan();
  }

  private static String reason(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElse("cached");
  }

  @Test
  void anEntityOfPlainColumnsIsCachedInRedisAndOneWithAssociationsOrAProxyIsNot() {
    MigrationPlan local = plan("local");
    List<String> cachedLocally = local.targets().stream().map(t -> t.method().fact().name()).sorted().toList();
    MigrationPlan redis = plan("redis");
    List<String> cachedInRedis = redis.targets().stream().map(t -> t.method().fact().name()).sorted().toList();
    // reference() is refused with either backend: a proxy from getReferenceById outlives its persistence context
    assertEquals(List.of("owners", "persons", "tagged"), cachedLocally, local.refusals().toString());
    assertTrue(reason(local, "reference").contains("getReferenceById()"), reason(local, "reference"));
    assertTrue(cachedInRedis.contains("persons"), reason(redis, "persons"));
    String prefix = "with the redis backend its result must come back from JSON as the same value of the same class, and ";
    assertTrue(reason(redis, "owners").startsWith(prefix + "Owner is a JPA entity with associations (pets): "
        + "Hibernate's lazy proxies and its own collection classes do not come back from JSON"), reason(redis, "owners"));
    assertTrue(reason(redis, "tagged").startsWith(prefix + "Tagged is a JPA entity with a collection (tags)"),
        reason(redis, "tagged"));
    assertEquals(List.of("persons"), cachedInRedis);
  }

  /** Hostile review 63's V1: a concrete entity whose subclass holds a collection; its hits threw LazyInitializationException. */
  @Test
  void aConcreteEntityIsCheckedWithItsSubclasses() {
    String dog = """
        package shop;

        import jakarta.persistence.ElementCollection;
        import jakarta.persistence.Entity;
        import jakarta.persistence.FetchType;
        import java.util.List;

        @Entity
        public class Dog extends Person {
            @ElementCollection(fetch = FetchType.EAGER)
            private List<String> tricks;

            public List<String> getTricks() {
                return tricks;
            }

            public void setTricks(List<String> tricks) {
                this.tricks = tricks;
            }
        }
        """;
    MigrationPlan redis = new MigrationFixture(dir.resolve("subclass")).file("pom.xml", POM)
        .java(entity("Person", "", "")).java(dog)
        .java(entity("Owner", "", "")).java(entity("Tagged", "", ""))
        .java(repository("Person")).java(repository("Owner")).java(repository("Tagged")).java(SERVICE).java(CONTROLLER)
        .config(OptkitConfig.defaults().withCacheBackend("redis")).plan();
    String why = reason(redis, "persons");
    assertTrue(why.startsWith("with the redis backend its result must come back from JSON as the same value of the same "
        + "class, and Dog "), why);
  }
}
