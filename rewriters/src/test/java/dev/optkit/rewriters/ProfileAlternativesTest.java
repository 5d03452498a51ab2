package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 93's second and third causes (petclinic-rest: one interface, an implementation per {@code @Profile}):
 * a chain through a {@code @Profile("jdbc")} bean into the {@code @Profile("jpa")} implementation (resources
 * trial93/profiles), and a request said to run both the Spring Data query and the JPA implementation a field of the
 * interface reaches (trial93/views). Where the two can run together (no implementation covering the caller's
 * profile, a {@code @Primary} one, a list of the beans), the reasons stand.
 */
class ProfileAlternativesTest {
  @TempDir Path dir;

  @Test
  void aBeanOfAnotherProfileIsNoCallee() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("exclusive")).resources("/trial93/profiles").plan();
    assertTrue(reasonOf(plan, "demo.JpaOwnerRepositoryImpl.findById(").map(r -> !r.contains("JdbcPetRepositoryImpl"))
        .orElse(true), reasonOf(plan, "demo.JpaOwnerRepositoryImpl.findById(").toString());
    // no jdbc implementation of its own: with both profiles on, the jdbc pets run the jpa owners
    MigrationPlan alone = new MigrationFixture(dir.resolve("alone")).resources("/trial93/profiles")
        .file("src/main/java/demo/JdbcOwnerRepositoryImpl.java", "package demo;\n").plan();
    assertTrue(reasonOf(alone, "demo.JpaOwnerRepositoryImpl.findById(").map(r -> r.contains("JdbcPetRepositoryImpl"))
        .orElse(false), reasonOf(alone, "demo.JpaOwnerRepositoryImpl.findById(").toString());
    // hostile review 95's p05 and p07: the jdbc implementation made only on a property, or under a profile written in
    // an annotation of the project's own: both profiles may run with the jpa owners alone
    String jdbcOwners = new String(getClass().getResourceAsStream(
        "/trial93/profiles/src/main/java/demo/JdbcOwnerRepositoryImpl.java").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    for (String condition : java.util.List.of(
        "@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = \"owners.store\", havingValue = \"jdbc\")\n",
        "@JdbcOnly\n")) {
      MigrationPlan conditional = new MigrationFixture(dir.resolve("c" + condition.length())).resources("/trial93/profiles")
          .file("src/main/java/demo/JdbcOwnerRepositoryImpl.java", jdbcOwners.replace("@Repository\n", "@Repository\n" + condition))
          .file("src/main/java/demo/JdbcOnly.java", """
              package demo;
              @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
              @org.springframework.context.annotation.Profile("jdbc & !jpa")
              public @interface JdbcOnly {}
              """).plan();
      assertTrue(reasonOf(conditional, "demo.JpaOwnerRepositoryImpl.findById(").map(r -> r.contains("JdbcPetRepositoryImpl"))
          .orElse(false), condition + ": " + reasonOf(conditional, "demo.JpaOwnerRepositoryImpl.findById("));
    }
    // review 95's p09: a jpa subclass runs the jdbc pets' code, its field holding the jpa owners
    MigrationPlan subclass = new MigrationFixture(dir.resolve("subclass")).resources("/trial93/profiles")
        .file("src/main/java/demo/JpaPetRepositoryExt.java", """
            package demo;
            @org.springframework.stereotype.Repository
            @org.springframework.context.annotation.Profile("jpa")
            public class JpaPetRepositoryExt extends JdbcPetRepositoryImpl {
                public JpaPetRepositoryExt(OwnerRepository owners) { super(owners); }
            }
            """).plan();
    assertTrue(reasonOf(subclass, "demo.JpaOwnerRepositoryImpl.findById(").map(r -> r.contains("JdbcPetRepositoryImpl"))
        .orElse(false), reasonOf(subclass, "demo.JpaOwnerRepositoryImpl.findById(").toString());
    MigrationPlan primary = new MigrationFixture(dir.resolve("primary")).resources("/trial93/profiles")
        .file("src/main/java/demo/JpaOwnerRepositoryImpl.java", """
            package demo;
            import jakarta.persistence.EntityManager;
            import jakarta.persistence.PersistenceContext;
            import org.springframework.context.annotation.Primary;
            import org.springframework.context.annotation.Profile;
            import org.springframework.stereotype.Repository;
            @Repository
            @Primary
            @Profile("jpa")
            public class JpaOwnerRepositoryImpl implements OwnerRepository {
                @PersistenceContext private EntityManager em;
                public Owner findById(int id) { return em.find(Owner.class, id); }
            }
            """).plan();
    assertTrue(reasonOf(primary, "demo.JpaOwnerRepositoryImpl.findById(").map(r -> r.contains("JdbcPetRepositoryImpl"))
        .orElse(false), reasonOf(primary, "demo.JpaOwnerRepositoryImpl.findById(").toString());
  }

  @Test
  void aFieldOfTheInterfaceRunsOneImplementationInARequest() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("field")).resources("/trial93/views").plan();
    assertTrue(reasonOf(plan, "demo.SpringDataOwnerRepository.findByLastName(").map(r -> !r.contains("also runs"))
        .orElse(true), reasonOf(plan, "demo.SpringDataOwnerRepository.findByLastName(").toString());
    // review 95's v04: a @Primary wrapper over every store runs the others from the one field
    MigrationPlan wrapped = new MigrationFixture(dir.resolve("wrapped")).resources("/trial93/views")
        .file("src/main/java/demo/AllOwners.java", """
            package demo;
            import java.util.ArrayList;
            import java.util.Collection;
            import java.util.List;
            @org.springframework.stereotype.Repository
            @org.springframework.context.annotation.Primary
            public class AllOwners implements OwnerRepository {
                private final List<OwnerRepository> stores;
                public AllOwners(List<OwnerRepository> stores) { this.stores = stores; }
                public Collection<Owner> findByLastName(String lastName) {
                    return stores.get(0).findByLastName(lastName);
                }
                public void audit() {
                    for (OwnerRepository store : stores) {
                        store.findByLastName("audit");
                    }
                }
            }
            """).plan();
    for (String read : java.util.List.of("demo.SpringDataOwnerRepository.findByLastName(",
        "demo.JpaOwnerRepositoryImpl.findByLastName(")) {
      assertTrue(reasonOf(wrapped, read).map(r -> r.contains("also runs")).orElse(false), read + reasonOf(wrapped, read));
    }
    MigrationPlan every = new MigrationFixture(dir.resolve("every")).resources("/trial93/views")
        .file("src/main/java/demo/OwnerController.java", """
            package demo;
            import java.util.List;
            import org.springframework.web.bind.annotation.*;
            @RestController
            public class OwnerController {
                private final List<OwnerRepository> owners;
                public OwnerController(List<OwnerRepository> owners) { this.owners = owners; }
                @GetMapping("/owners")
                public List<String> byLastName(@RequestParam String lastName) {
                    List<String> names = new java.util.ArrayList<>();
                    for (OwnerRepository repository : owners) {
                        for (Owner owner : repository.findByLastName(lastName)) {
                            names.add(owner.getLastName());
                        }
                    }
                    return names;
                }
            }
            """).plan();
    assertTrue(reasonOf(every, "demo.SpringDataOwnerRepository.findByLastName(").map(r -> r.contains("also runs"))
        .orElse(false), reasonOf(every, "demo.SpringDataOwnerRepository.findByLastName(").toString());
  }

  private static Optional<String> reasonOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> (r.finding().enclosingClass() + "." + r.finding().enclosingMethod())
        .startsWith(method) || r.finding().enclosingMethod().startsWith(method)).map(Refusal::reason).findFirst();
  }
}
