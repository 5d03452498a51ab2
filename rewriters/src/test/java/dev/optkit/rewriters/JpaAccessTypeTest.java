package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import org.junit.jupiter.api.Test;

/**
 * An entity's JPA access type decides where its mapping is read: {@code @Access(AccessType.FIELD)} written out on a
 * mapped superclass is still field access, while property access (an entity mapped on its getters) moves the
 * mapping onto getters optkit does not read, and refuses. Each case's comment names the audit of optkit's refusal
 * reasons on public projects (2026-11-25 on), the trial or the hostile review it came from, and its project (a case
 * naming none is from the first audit, a review of 30 refusals on four projects); each stands beside a true twin,
 * or a control: the code the reason names must do what it says.
 */
class JpaAccessTypeTest extends SpringProjectPlans {
  // ---- tenth audit: s2: @Access(AccessType.FIELD) on a mapped superclass whose @Id is on the field

  @Test
  void fieldAccessWrittenOutIsStillFieldAccess() {
    MigrationPlan plan = caseProject("audit10", "s2-access-field").plan();
    assertTrue(cached(plan, "DishService.getAll"), reasons(plan).toString());
    // its true twin: property access moves the mapping onto getters optkit does not read
    String base = "package r;\nimport jakarta.persistence.*;\n@MappedSuperclass @Access(AccessType.PROPERTY)\n"
        + "public abstract class BaseEntity { protected Integer id; protected BaseEntity() {} protected BaseEntity(Integer id) { this.id = id; }\n"
        + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer getId() { return id; } public void setId(Integer id) { this.id = id; } }\n";
    MigrationPlan property = caseProject("audit10", "s2-access-field", "s2-twin").file("src/main/java/r/BaseEntity.java", base).plan();
    assertFalse(cached(property, "DishService.getAll"), property.targets().toString());
  }

  // From the hostile review of issue 23's relaxed proofs (its case e1, as the reviewer wrote it).
  @Test
  void anEntityMappedOnItsGettersIsRefused() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("e1"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework.data</groupId><artifactId>spring-data-jpa</artifactId><version>3.4.10</version></dependency><dependency><groupId>jakarta.persistence</groupId><artifactId>jakarta.persistence-api</artifactId><version>3.2.0</version></dependency><dependency><groupId>org.springframework</groupId><artifactId>spring-webmvc</artifactId><version>6.2.12</version></dependency>
              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/Owner.java", """
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.OneToMany;
            import java.util.List;

            @Entity
            public class Owner {
                private Integer id;
                private String name;
                private List<Visit> visits;

                @Id
                public Integer getId() {
                    return id;
                }

                public void setId(Integer id) {
                    this.id = id;
                }

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }

                @OneToMany(mappedBy = "owner")
                public List<Visit> getVisits() {
                    return visits;
                }

                public void setVisits(List<Visit> visits) {
                    this.visits = visits;
                }
            }
            """)
        .file("src/main/java/shop/OwnerController.java", """
            package shop;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class OwnerController {
                private final OwnerService service;

                public OwnerController(OwnerService service) {
                    this.service = service;
                }

                @GetMapping("/owners/{id}/visits")
                public int visits(@PathVariable int id) {
                    return service.find(id).getVisits().size();
                }
            }
            """)
        .file("src/main/java/shop/OwnerRepository.java", """
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OwnerRepository extends JpaRepository<Owner, Integer> {
                @org.springframework.data.jpa.repository.Modifying
                @org.springframework.data.jpa.repository.Query("update Owner o set o.name = ?2 where o.id = ?1")
                void updateName(int id, String name);
            }
            """)
        .file("src/main/java/shop/OwnerService.java", """
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class OwnerService {
                private final OwnerRepository owners;

                public OwnerService(OwnerRepository owners) {
                    this.owners = owners;
                }

                public Owner find(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public void rename(int id, String name) {
                    owners.updateName(id, name);
                }
            }
            """)
        .file("src/main/java/shop/Visit.java", """
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Visit {
                @Id
                private Integer id;
                private String note;

                public String getNote() {
                    return note;
                }
            }
            """)
        .plan();
    assertTrue(refusal(plan, "OwnerService", "find").contains("is on its getters or in embedded objects"),
        refusal(plan, "OwnerService", "find"));
  }

  /**
   * Trial 42's F6 (jhipster-sample-app-dto's UserService.getAuthorities): Authority maps its fields (@Id on one), and
   * the {@code @Transient} on its {@code isNew()} was read as property access, a mapping optkit cannot see, so every
   * write of the project counted as a writer; and the remember-me filter's changes of the token its helper returns
   * were counted as changes of whatever the helper's {@code deleteById} loaded (token, user, authorities). Both
   * false: cached. The twin maps its getters (@Id on getName()) and stays refused, saying the filter's superclass is
   * library code optkit does not read (not "keeps code in a field").
   * (From trial 42's false reasons, F6.)
   */
  @Test
  void aTransientGetterOfAFieldMappedEntityIsNoPropertyAccess() {
    MigrationPlan plan = caseProject("reasons44", "authority").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("AuthorityService.getAuthorities")
        && t.toString().contains("name=create") && !t.toString().contains("TokenFilter")),
        plan.targets() + " " + plan.refusals());

    MigrationPlan twin = caseProject("reasons44", "authority", "authoritytwin")
        .resources("/reasons44/authorityproperty").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("getAuthorities")
        && r.proof() == Proof.UNKNOWN_DATA
        // the false reason was in what the refusal says of the filter (not "keeps code in a field"): only words tell
        && r.reason().contains("its class extends GenericFilterBean, library code optkit does not read")),
        twin.refusals().toString());
  }
}
