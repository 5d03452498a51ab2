package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapper handed an entity's association reads columns off it: {@code city.getName()} into a
 * builder, {@code owner.getVet().getId()} off a lazy proxy. Neither reaches a lazy association
 * (hostile probe of GlazyrinAV explore-with-me: CategoryMapper.toDto, ParticipationRequestsMapper).
 * The true twins hand on an association, or read more than the id off a lazy proxy.
 */
class ColumnReadsTest {
  @TempDir Path dir;

  private static final String OWNER = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.FetchType;
      import jakarta.persistence.Id;
      import jakarta.persistence.ManyToOne;
      import jakarta.persistence.OneToMany;
      import java.util.ArrayList;
      import java.util.List;

      @Entity
      public class Owner {
          @Id
          private Integer id;
          private String name;
          @ManyToOne
          private City city;
          @ManyToOne(fetch = FetchType.LAZY)
          private Vet vet;
          @OneToMany(mappedBy = "owner")
          private List<Visit> visits = new ArrayList<>();

          public Integer getId() {
              return id;
          }

          public String getName() {
              return name;
          }

          public City getCity() {
              return city;
          }

          public Vet getVet() {
              return vet;
          }

          public List<Visit> getVisits() {
              return visits;
          }
      }
      """;

  private static final String CITY = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.FetchType;
      import jakarta.persistence.Id;
      import jakarta.persistence.ManyToOne;

      @Entity
      public class City {
          @Id
          private Integer id;
          private String name;
          @ManyToOne(fetch = FetchType.LAZY)
          private Vet mayor;

          public String getName() {
              return name;
          }

          public Vet getMayor() {
              return mayor;
          }
      }
      """;

  private static final String VET = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;

      @Entity
      public class Vet {
          @Id
          private Integer id;
          private String name;

          public Integer getId() {
              return id;
          }

          public String getName() {
              return name;
          }
      }
      """;

  private static String mapper(String cityPart, String vetPart) {
    return """
        package shop;

        import org.springframework.stereotype.Component;

        @Component
        public class OwnerMapper {
            public String toName(Owner owner) {
                return owner.getName() + city(owner.getCity()) + String.valueOf(%s);
            }

            private String city(City city) {
                return String.valueOf(%s);
            }
        }
        """.formatted(vetPart, cityPart);
  }

  private MigrationPlan plan(String name, String cityPart, String vetPart) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(OWNER).java(CITY).java(VET).java(PreciseProofsTest.VISIT).java(PreciseProofsTest.OWNER_REPOSITORY)
        .java(PreciseProofsTest.ownerController("", "names.add(mapper.toName(owner));"))
        .java(mapper(cityPart, vetPart)).plan();
  }

  private static String reason(MigrationPlan plan) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("findAll("))
        .map(Refusal::reason).findFirst().orElse("cached");
  }

  @Test
  void columnsReadOffAnAssociationOrTheIdOffALazyProxyReachNoLazyAssociation() {
    MigrationPlan columns = plan("columns", "city.getName()", "owner.getVet().getId()");
    assertTrue(reason(columns).equals("cached"), reason(columns));
    // the true twins: an association handed on, a lazy proxy's other column read
    MigrationPlan association = plan("association", "city.getMayor()", "owner.getVet().getId()");
    assertTrue(reason(association).contains("which optkit cannot see into"), reason(association));
    MigrationPlan proxy = plan("proxy", "city.getName()", "owner.getVet().getName()");
    assertTrue(reason(proxy).contains("vet"), reason(proxy));
  }
}
