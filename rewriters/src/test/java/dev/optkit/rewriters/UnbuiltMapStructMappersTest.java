package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * An unbuilt MapStruct mapper is code the build makes: a read through it, or a change to what it returned, asks for
 * the build, as does a mapper class whose generated implementation of a generic interface is missing; another
 * mapper's generated implementation is no repository fragment. Each case's comment names the audit of optkit's
 * refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came from, and its project
 * (a case naming none is from the first audit, a review of 30 refusals on four projects); each stands beside a true
 * twin, or a control: the code the reason names must do what it says.
 */
class UnbuiltMapStructMappersTest extends SpringProjectPlans {
  // ---- sixth audit: an unbuilt MapStruct mapper is code the build makes (Hyacintholuscus explore-with-me, unbuilt)

  private MigrationPlan categories(String name, String mapperAnnotation) {
    return spring(name)
        .java("""
            package shop;

            %s
            public interface CategoryMapper {
                String toDto(String name);
            }
            """.formatted(mapperAnnotation))
        .java(MigrationSafetyTest.bean("Categories", "Service", "import org.springframework.stereotype.Service;", """
                private final CategoryMapper mapper = null;

                public String category(long id) {
                    return mapper.toDto(jdbc.queryForObject("SELECT name FROM category WHERE id = ?", String.class, id));
                }
            """))
        .plan();
  }

  @Test
  void anUnbuiltMapStructMapperAsksForTheBuild() {
    String why = refusalStartingWith(categories("mapstruct", "@org.mapstruct.Mapper(componentModel = \"spring\")"), "category")
        .orElse("cached");
    assertTrue(why.contains("build the project first (missing: the implementation of CategoryMapper, which MapStruct "
        + "generates at build time"), why);
    // the true twin: an interface nothing in the project implements is code optkit cannot read
    why = refusalStartingWith(categories("plain", ""), "category").orElse("cached");
    assertTrue(why.contains("CategoryMapper.toDto() has no implementation among the project's classes"), why);
  }

  // ---- seventh audit: a MapStruct @Mapper class reached through a field typed by a type variable, whose method a
  // plain generic interface declares (Technic47/Shop_data_model BucketItemService: "AbstractMapper.allEntitiesToDtos()
  // has no implementation among the project's classes (a lambda, an anonymous class or generated code may implement
  // it")

  @Test
  void aMapperClassImplementingAGenericInterfaceIsMissingItsGeneratedImplementation() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("mapper")).resources("/reasons30/inheritedmapper").plan();
    String reason = refusalStartingWith(plan, "getAllByCustomerId").orElseThrow(() -> new AssertionError(plan.targets()));
    assertTrue(reason.contains("build the project first (missing: the implementation of ItemMapper"), reason);
  }

  // ---- eighth audit: a setter on the DTO an unbuilt MapStruct mapper returned (cleverjohann
  // CategoriaServiceImpl.getCategoryTree, as fetched: "changes state shared between calls: ... setSubcategories on what
  // toCategoriaTreeDTO() returned")

  @Test
  void aChangeToWhatAnUnbuiltMapperReturnedAsksForTheBuild() {
    MigrationPlan plan = caseProject("audit8", "s11-postprocess").plan();
    String reason = refusalStartingWith(plan, "get").orElseThrow(() -> new AssertionError(plan.targets()));
    assertTrue(reason.contains("build the project first (missing: the implementation of CatMapper"), reason);
    // its true twin: the DTO comes from a field, shared between calls
    MigrationPlan shared = caseProject("audit8", "s11-postprocess").file("src/main/java/r/CatService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class CatService {
          private final CatRepository repo; private final CatDto last = new CatDto();
          public CatService(CatRepository repo){this.repo=repo;}
          public CatDto get(Long id) { CatDto d = last; d.setName(repo.findById(id).orElseThrow().getName()); return d; }
          public void rename(Long id, String n) { Cat c = repo.findById(id).orElseThrow(); c.setName(n); repo.save(c); }
        }
        """).plan();
    assertFalse(cached(shared, "CatService.get"), shared.targets().toString());
  }

  // ---- tenth audit: s4: a missing MapStruct implementation, and another mapper's generated one named as a repository
  // fragment

  private static final String LOCATION_IMPL = """
      package r;
      @org.springframework.stereotype.Component
      public class LocationMapperImpl implements LocationMapper {
          @Override public LocationDTO toDTO(Location location) { LocationDTO d = new LocationDTO(); d.id = location.getId(); d.place = location.getPlace(); return d; }
          @Override public java.util.List<LocationDTO> toDTO(java.util.List<Location> ls) { java.util.List<LocationDTO> out = new java.util.ArrayList<>(); for (Location l : ls) out.add(toDTO(l)); return out; }
      }
      """;

  @Test
  void anotherMappersImplementationIsNoRepositoryFragment() {
    MigrationPlan plan = caseProject("audit10", "s4-wrong-impl")
        .file("target/generated-sources/annotations/r/LocationMapperImpl.java", LOCATION_IMPL).plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("LocationMapperImpl")), reasons(plan).toString());
    // its true twin: with a lazy association, the missing implementation is what the proof needs
    MigrationPlan lazy = caseProject("audit10", "s4-wrong-impl", "s4-twin")
        .file("target/generated-sources/annotations/r/LocationMapperImpl.java", LOCATION_IMPL)
        .file("src/main/java/r/Repair.java", """
            package r;
            import jakarta.persistence.*;
            @Entity public class Repair {
                @Id @GeneratedValue private Long id; private String serial; private String description;
                @ManyToOne(fetch = FetchType.LAZY) private Location location;
                public Long getId() { return id; } public String getSerial() { return serial; }
                public String getDescription() { return description; } public Location getLocation() { return location; }
            }
            """).plan();
    assertFalse(cached(lazy, "RepairService.bySerial"), lazy.targets().toString());
    assertTrue(reasons(lazy).stream().anyMatch(r -> r.contains("build the project first")), reasons(lazy).toString());
  }
}
