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

class OrmNPlusOneRuleTest {
  @TempDir Path dir;

  private static final String OWNER = """
      package shop;
      import jakarta.persistence.*;
      import java.util.List;
      import org.hibernate.annotations.BatchSize;
      @Entity
      public class Owner {
        @Id Integer id;
        @OneToMany(mappedBy = "owner") List<Pet> pets;
        @OneToMany(mappedBy = "owner") @BatchSize(size = 20) List<Note> notes;
        public List<Pet> getPets() { return pets; }
        public List<Note> getNotes() { return notes; }
      }
      """;
  private static final String PET = """
      package shop;
      import jakarta.persistence.*;
      import java.util.List;
      @Entity
      public class Pet {
        @Id Integer id;
        @ManyToOne Owner owner;
        @ManyToOne(fetch = FetchType.LAZY) PetType type;
        @OneToMany(fetch = FetchType.LAZY) List<Visit> visits;
        public List<Visit> getVisits() { return visits; }
        public PetType getType() { return type; }
        public Owner getOwner() { return owner; }
      }
      """;

  private ProjectFixture entities() {
    return entities(dir, OWNER);
  }

  /** The entities in a project of their own, Owner as given. */
  private static ProjectFixture entities(Path root, String owner) {
    return new ProjectFixture(root).java(owner).java(PET)
        .java("package shop;\nimport jakarta.persistence.*;\n@Entity\npublic class Visit { @Id Integer id; }\n")
        .java("package shop;\nimport jakarta.persistence.*;\n@Entity\npublic class Note { @Id Integer id; }\n")
        .java("package shop;\nimport jakarta.persistence.*;\n@Entity\npublic class PetType { @Id Integer id; public Integer getId() { return id; } }\n");
  }

  private static List<Finding> orm(List<Finding> findings) {
    return findings.stream().filter(f -> f.ruleId().equals("OrmNPlusOne")).toList();
  }

  @Test
  void aLazyAssociationTouchedForEachElementOfALoopIsAnNPlusOne() {
    List<Finding> findings = orm(entities().java("""
        package shop;
        public class Report {
          public int visits(Owner owner) {
            int total = 0;
            for (Pet pet : owner.getPets()) {
              total += pet.getVisits().size();
            }
            return total;
          }
          public int kinds(Owner owner) {
            owner.getPets().forEach((Pet pet) -> System.out.println(pet.getType()));
            return 0;
          }
          public int notes(java.util.List<Owner> owners) {
            int n = 0;
            for (Owner owner : owners) { n += owner.getNotes().size(); } // @BatchSize: one query per 20 owners
            return n;
          }
          public int sameOwner(Owner owner, java.util.List<String> names) {
            int n = 0;
            for (String name : names) { n += owner.getPets().size(); } // not the element: loaded once
            return n;
          }
        }
        """).findings(Category.IO_LOOP));
    assertEquals(List.of("kinds(Owner)", "visits(Owner)"), findings.stream().map(Finding::enclosingMethod).sorted()
        .toList(), findings.toString());
    Finding visits = findings.stream().filter(f -> f.enclosingMethod().startsWith("visits")).findFirst().orElseThrow();
    assertTrue(visits.message().contains("touches the lazy OneToMany Pet.visits of each element (getVisits())"),
        visits.message());
    assertEquals("visits", visits.details().get("association"));
    assertTrue(String.valueOf(visits.details().get("fix")).contains("JOIN FETCH pet.visits"), visits.details().toString());
    assertTrue(visits.savings().callsSavedPerDay() > 0, "priced as a batchable query per iteration");
  }

  /**
   * One loop touching two lazy associations, one of them twice (a blind trial's JACQ: 39 findings at one loop): one
   * finding, naming each association once and priced for both. Near miss: the same association in two loops is two.
   */
  @Test
  void aLoopTouchingLazyAssociationsIsOneFindingNamingEach() {
    List<Finding> findings = orm(entities().java("""
        package shop;
        public class Report {
          public int both(Owner owner) {
            int total = 0;
            for (Pet pet : owner.getPets()) {
              total += pet.getVisits().size() + pet.getVisits().hashCode() + pet.getType().hashCode();
            }
            return total;
          }
          public int twice(Owner owner) {
            int total = 0;
            for (Pet pet : owner.getPets()) { total += pet.getVisits().size(); }
            for (Pet pet : owner.getPets()) { total += pet.getVisits().hashCode(); }
            return total;
          }
        }
        """).findings(Category.IO_LOOP));
    assertEquals(List.of("both(Owner)", "twice(Owner)", "twice(Owner)"), findings.stream()
        .map(Finding::enclosingMethod).sorted().toList(), findings.toString());
    Finding both = findings.stream().filter(f -> f.enclosingMethod().startsWith("both")).findFirst().orElseThrow();
    assertEquals("visits", both.details().get("association"));
    assertEquals(List.of("Pet.type"), both.details().get("alsoLazy"));
    assertEquals(2, both.basis().sites().size(), both.basis().toString());
  }

  /**
   * The element handed to a constructor or method that touches a lazy association of it (a blind trial's JACQ built a
   * result object per row so) is the N+1 of the loop handing it. Near misses: code given the element that reads only
   * its columns or an eager association, or touches a lazy association of another object, is none.
   */
  @Test
  void aLazyAssociationTouchedByCodeGivenEachElementIsAnNPlusOne() {
    List<Finding> findings = orm(entities().java("""
        package shop;
        public class PetRow {
          final int visits;
          PetRow(Pet pet) { this.visits = pet.getVisits().size(); }
          PetRow(Pet pet, Owner owner) { this.visits = owner.getPets().size() + pet.getOwner().hashCode(); }
          static int kind(Pet pet) { return pet.getType().hashCode(); }
          static int owner(Pet pet) { return pet.getOwner().hashCode(); }
          static int typeId(Pet pet) { return pet.getType().getId(); }
        }
        """).java("""
        package shop;
        import java.util.ArrayList;
        import java.util.List;
        public class Report {
          public List<PetRow> rows(List<Pet> pets) {
            List<PetRow> rows = new ArrayList<>();
            for (Pet pet : pets) { rows.add(new PetRow(pet)); }
            return rows;
          }
          public int kinds(List<Pet> pets) {
            int n = 0;
            for (Pet pet : pets) { n += PetRow.kind(pet); }
            return n;
          }
          public int eager(List<Pet> pets, Owner owner) {
            int n = 0;
            for (Pet pet : pets) { n += PetRow.owner(pet) + new PetRow(pet, owner).visits; }
            return n;
          }
          public int typeIds(List<Pet> pets) {
            int n = 0;
            for (Pet pet : pets) { n += PetRow.typeId(pet) + pet.getType().getId(); } // the proxy holds the key
            return n;
          }
        }
        """).findings(Category.IO_LOOP));
    assertEquals(List.of("kinds(List<Pet>) type", "rows(List<Pet>) visits"), findings.stream()
        .map(f -> f.enclosingMethod() + " " + f.details().get("association")).sorted().toList(), findings.toString());
  }

  /**
   * What is handed and touched must be told: overloads of one arity taking other types are not guessed between, an
   * association a subclass inherits is one association, an element the loop reassigns is no element, and an @Id on
   * the target's getter is its identifier as much as one on its field.
   */
  @Test
  void theElementAndTheAssociationTouchedAreToldNotGuessed() {
    List<Finding> findings = orm(entities()
        .java("package shop;\nimport jakarta.persistence.*;\n@Entity\npublic class Dog extends Pet { }\n")
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Label {
              private Integer id;
              @Id public Integer getId() { return id; }
            }
            """)
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity
            public class Tag {
              @Id Integer id;
              @ManyToOne(fetch = FetchType.LAZY) Label label;
              public Label getLabel() { return label; }
            }
            """)
        .java("""
            package shop;
            public class Row {
              final int n;
              Row(Visit visit) { this.n = visit.hashCode(); }
              Row(Owner owner) { this.n = owner.getPets().size(); }
              Row(Pet pet) { this.n = pet.getVisits().size(); }
              Row(Long id) { this.n = id.intValue(); } // no entity is a Long
            }
            """).java("""
            package shop;
            import java.util.List;
            public class Report {
              public int visits(List<Visit> visits) {
                int n = 0;
                for (Visit v : visits) { n += new Row(v).n; }
                return n;
              }
              public int dogs(List<Dog> dogs) {
                int n = 0;
                for (Dog d : dogs) { n += d.getVisits().size() + new Row(d).n; }
                return n;
              }
              public int same(List<Pet> pets, Pet template) {
                int n = 0;
                for (Pet p : pets) { p = template; n += p.getVisits().size(); }
                return n;
              }
              public int handed(List<Pet> pets) {
                int n = 0;
                for (Pet p : pets) { n += new Row(p).n; }
                return n;
              }
              public int labels(List<Tag> tags) {
                int n = 0;
                for (Tag t : tags) { n += t.getLabel().getId(); }
                return n;
              }
            }
            """).findings(Category.IO_LOOP));
    assertEquals(List.of("dogs(List<Dog>) visits []", "handed(List<Pet>) visits []"), findings.stream().map(f -> f.enclosingMethod() + " "
        + f.details().get("association") + " " + f.details().getOrDefault("alsoLazy", List.of())).toList(),
        findings.toString());
  }

  /**
   * An entity mapped on its getters (property access: a blind trial's juddi maps every entity so) has its associations
   * read from them. Near miss: an unmapped getter is none, and a to-one mapped eagerly on its getter loads with it.
   */
  @Test
  void anAssociationMappedOnItsGetterIsRead() {
    List<Finding> findings = orm(new ProjectFixture(dir).java("""
        package shop;
        import jakarta.persistence.*;
        import java.util.List;
        @Entity
        public class Node {
          private Long id;
          private List<Node> children;
          private Node parent;
          private List<Node> peers;
          @Id public Long getId() { return id; }
          @OneToMany(mappedBy = "parent") public List<Node> getChildren() { return children; }
          @ManyToOne public Node getParent() { return parent; }
          @Transient public List<Node> getPeers() { return peers; }
        }
        """).java("""
        package shop;
        import java.util.List;
        public class Tree {
          public int size(List<Node> nodes) {
            int n = 0;
            for (Node node : nodes) { n += node.getChildren().size() + node.getPeers().size() + node.getParent().hashCode(); }
            return n;
          }
        }
        """).findings(Category.IO_LOOP));
    assertEquals(List.of("children"), findings.stream().map(f -> f.details().get("association")).toList(),
        findings.toString());
    assertEquals(null, findings.get(0).details().get("alsoLazy"));
  }

  @Test
  void aQueryReturningManyEntitiesWithAnEagerAssociationItDoesNotFetchJoinIsAnNPlusOne() {
    List<Finding> findings = orm(entities().java("""
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;
        public interface PetRepository extends JpaRepository<Pet, Integer> {
          List<Pet> findByName(String name);
          @Query("SELECT p FROM Pet p JOIN FETCH p.owner WHERE p.id > 0")
          List<Pet> withOwners();
          Pet findFirstByName(String name);
        }
        """).java("""
        package shop;
        import java.util.List;
        public class Pets {
          private final PetRepository pets;
          public Pets(PetRepository pets) { this.pets = pets; }
          public List<Pet> named(String name) { return pets.findByName(name); }
          public List<Pet> all() { return pets.findAll(); }
          public List<Pet> joined() { return pets.withOwners(); }
          public Pet one(String name) { return pets.findFirstByName(name); }
        }
        """).findings(Category.IO_LOOP));
    assertEquals(List.of("all()", "named(String)"), findings.stream().map(Finding::enclosingMethod).sorted().toList(),
        findings.toString());
    assertTrue(findings.get(0).message().contains("ManyToOne owner is fetched eagerly (JPA's default)"),
        findings.get(0).message());
  }

  /**
   * A repository query's rows are what its declaration returns, not the repository's own entity: {@code select
   * distinct p.type from Pet p} as a {@code List<PetType>} loads pet types, which have no eager association (a
   * usefulness trial's pet store: four findings said such queries loaded pets one owner at a time). A query of the
   * repository's entity still counts.
   */
  @Test
  void aQueryReturningAnotherEntityIsJudgedByThatEntity() {
    List<Finding> findings = orm(entities().java("""
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.JpaRepository;
        import org.springframework.data.jpa.repository.Query;
        public interface PetRepository extends JpaRepository<Pet, Integer> {
          @Query("select distinct p.type from Pet p where p.id in ?1")
          List<PetType> typesOf(List<Integer> ids);
          @Query("select p from Pet p where p.id in ?1")
          List<Pet> byIds(List<Integer> ids);
        }
        """).java("""
        package shop;
        import java.util.List;
        public class Pets {
          private final PetRepository pets;
          public Pets(PetRepository pets) { this.pets = pets; }
          public List<PetType> types(List<Integer> ids) { return pets.typesOf(ids); }
          public List<Pet> some(List<Integer> ids) { return pets.byIds(ids); }
        }
        """).findings(Category.IO_LOOP));
    assertEquals(List.of("some(List<Integer>)"), findings.stream().map(Finding::enclosingMethod).sorted().toList(),
        findings.toString());
  }

  @Test
  void mappingsInOrmXmlCountAndOverrideTheAnnotations() {
    // Owner and Pet carry no association annotations: orm.xml maps them (Owner.pets lazy by default, Pet.visits made
    // EAGER over its annotation, so touching it in a loop is no lazy load)
    String owner = """
        package shop;
        import java.util.List;
        public class Owner {
          Integer id;
          List<Pet> pets;
          public List<Pet> getPets() { return pets; }
        }
        """;
    String ormXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
          <package>shop</package>
          <entity class="Owner">
            <table name="owners"/>
            <attributes>
              <id name="id"/>
              <one-to-many name="pets" mapped-by="owner"/>
            </attributes>
          </entity>
          <entity class="Pet">
            <attributes>
              <one-to-many name="visits" fetch="EAGER"/>
            </attributes>
          </entity>
        </entity-mappings>
        """;
    List<Finding> findings = orm(new ProjectFixture(dir).java(owner).java(PET)
        .java("package shop;\nimport jakarta.persistence.*;\n@Entity\npublic class Visit { @Id Integer id; }\n")
        .java("package shop;\nimport jakarta.persistence.*;\n@Entity\npublic class PetType { @Id Integer id; public Integer getId() { return id; } }\n")
        .file("src/main/resources/META-INF/orm.xml", ormXml)
        .java("""
            package shop;
            public class Report {
              public int visits(Owner owner) {
                int total = 0;
                for (Pet pet : owner.getPets()) {
                  total += pet.getVisits().size();
                }
                return total;
              }
              public int pets(java.util.List<Owner> owners) {
                int total = 0;
                for (Owner o : owners) {
                  total += o.getPets().size();
                }
                return total;
              }
            }
            """).findings(Category.IO_LOOP));
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).message().contains("touches the lazy OneToMany Owner.pets"), findings.get(0).message());
  }

  /**
   * A handler answering many entities as its body has Jackson write each one's lazy association: one query per entity
   * (a trial's employee API loaded telephones, authorizations and authentication per employee so). The near misses
   * write no lazy association: one entity, an association it does not see (@JsonIgnore), one loaded in batches, or a
   * DTO list.
   */
  @Test
  void aHandlerAnsweringManyEntitiesLoadsTheirLazyAssociationsOneByOne() {
    List<Finding> findings = orm(entities().java("""
        package shop;
        import java.util.List;
        import org.springframework.http.ResponseEntity;
        import org.springframework.web.bind.annotation.*;
        @RestController
        class OwnerApi {
          private final OwnerRepository owners;
          OwnerApi(OwnerRepository owners) { this.owners = owners; }
          @GetMapping("/owners") List<Owner> all() { return owners.findAll(); }
          @GetMapping("/owners/page") ResponseEntity<List<Owner>> wrapped() { return ResponseEntity.ok(owners.findAll()); }
          @GetMapping("/owners/one") Owner one() { return owners.findAll().get(0); }
          @GetMapping("/types") List<PetType> types() { return List.of(); }
          @GetMapping("/names") List<String> names() { return List.of(); }
        }
        """).java("""
        package shop;
        import org.springframework.data.jpa.repository.JpaRepository;
        interface OwnerRepository extends JpaRepository<Owner, Integer> {}
        """).findings(Category.IO_LOOP));
    List<String> serialised = findings.stream()
        .filter(f -> "orm-serialised-lazy-association".equals(f.details().get("classification")))
        .map(f -> f.enclosingMethod() + " " + f.details().get("association")).sorted().toList();
    assertEquals(List.of("all() pets", "wrapped() pets"), serialised, findings.toString());
    findings.stream().filter(f -> "orm-serialised-lazy-association".equals(f.details().get("classification")))
        .forEach(f -> assertEquals("loop.orm-fetch-plan", f.refusalId(), f.toString()));
    // the association Jackson leaves out is no load
    List<Finding> ignored = orm(entities(dir.resolve("ignored"), OWNER.replace(
            "@OneToMany(mappedBy = \"owner\") List<Pet> pets;",
            "@com.fasterxml.jackson.annotation.JsonIgnore @OneToMany(mappedBy = \"owner\") List<Pet> pets;"))
        .java("""
        package shop;
        import java.util.List;
        import org.springframework.web.bind.annotation.*;
        @RestController
        class OwnerApi {
          @GetMapping("/owners") List<Owner> all() { return List.of(); }
        }
        """).findings(Category.IO_LOOP));
    assertTrue(ignored.stream().noneMatch(f -> "orm-serialised-lazy-association".equals(f.details().get("classification"))),
        ignored.toString());
  }

  /**
   * What Jackson does not load (cases from a hostile review of the response-body rule): a getter that is not public,
   * a view the handler writes by, and Jackson's Hibernate module (an unloaded association written as null).
   */
  @Test
  void anAssociationJacksonDoesNotLoadIsNoResponseBodyNPlusOne() {
    String api = """
        package shop;
        import java.util.List;
        import org.springframework.web.bind.annotation.*;
        @RestController
        class OwnerApi {
          @GetMapping("/owners") List<Owner> all() { return List.of(); }
        }
        """;
    List<Finding> hidden = orm(entities().java(api).java(OWNER.replace("public List<Pet> getPets()", "List<Pet> getPets()"))
        .findings(Category.IO_LOOP));
    assertTrue(hidden.stream().noneMatch(f -> "orm-serialised-lazy-association".equals(f.details().get("classification"))),
        hidden.toString());
    List<Finding> viewed = orm(entities(dir.resolve("view"), OWNER)
        .java(api.replace("@GetMapping(\"/owners\")", "@com.fasterxml.jackson.annotation.JsonView(Object.class) @GetMapping(\"/owners\")"))
        .findings(Category.IO_LOOP));
    assertTrue(viewed.stream().noneMatch(f -> "orm-serialised-lazy-association".equals(f.details().get("classification"))),
        viewed.toString());
    List<Finding> module = orm(entities(dir.resolve("module"), OWNER)
        .java(api).java("""
        package shop;
        @org.springframework.context.annotation.Configuration
        class JsonConfig {
          @org.springframework.context.annotation.Bean
          com.fasterxml.jackson.datatype.hibernate6.Hibernate6Module hibernate() {
            return new com.fasterxml.jackson.datatype.hibernate6.Hibernate6Module();
          }
        }
        """).findings(Category.IO_LOOP));
    assertTrue(module.stream().noneMatch(f -> "orm-serialised-lazy-association".equals(f.details().get("classification"))),
        module.toString());
  }

  /** A repository method with an entity graph loads the association with the rows (a hostile review's o2): no N+1. */
  @Test
  void aHandlerReadingThroughAnEntityGraphLoadsNoAssociationOneByOne() {
    List<Finding> findings = orm(entities().java("""
        package shop;
        import java.util.List;
        import org.springframework.web.bind.annotation.*;
        @RestController
        class OwnerApi {
          private final OwnerRepository owners;
          OwnerApi(OwnerRepository owners) { this.owners = owners; }
          @GetMapping("/owners") List<Owner> all() { return owners.findAll(); }
        }
        """).java("""
        package shop;
        import java.util.List;
        import org.springframework.data.jpa.repository.EntityGraph;
        import org.springframework.data.jpa.repository.JpaRepository;
        interface OwnerRepository extends JpaRepository<Owner, Integer> {
          @EntityGraph(attributePaths = "pets") List<Owner> findAll();
        }
        """).findings(Category.IO_LOOP));
    assertTrue(findings.stream().noneMatch(f -> "orm-serialised-lazy-association".equals(f.details().get("classification"))),
        findings.toString());
  }
}
