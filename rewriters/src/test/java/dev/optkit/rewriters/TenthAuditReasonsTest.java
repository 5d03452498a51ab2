package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusal reasons the tenth audit (2026-11-26: four projects no audit had read; 9 of 30 refusals false) found false,
 * each beside a true twin. Its smallest projects are under {@code src/test/resources/audit10/}, as it wrote them.
 */
class TenthAuditReasonsTest {
  @TempDir Path dir;

  private MigrationFixture project(String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/audit10/" + name);
  }

  private MigrationFixture project(String name, String copy) {
    return new MigrationFixture(dir.resolve(copy)).resources("/audit10/" + name);
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  private static List<String> reasons(MigrationPlan plan) {
    return plan.refusals().stream().map(Refusal::reason).toList();
  }

  // ---- s7: a response envelope with a second one-argument constructor taking an enum (Kim-Ji-Seop's BaseResponse:
  // 22 refusals "keeps it in field result, where anyone may change it later"); s6 stood behind it

  @Test
  void anEnvelopeWhoseOtherConstructorTakesAnEnumIsOnlySerialised() {
    MigrationPlan plan = project("s7-response-wrapper").plan();
    assertTrue(cached(plan, "CityService.cities"), reasons(plan).toString());
    MigrationPlan derived = project("s6-derived-value").plan();
    assertTrue(cached(derived, "UserDao.info"), reasons(derived).toString());
  }

  @Test
  void anEnvelopeWhoseOtherConstructorMayTakeTheResultStillRefuses() {
    // its true twin: the other one-argument constructor takes any collection and empties it
    MigrationPlan plan = project("s7-response-wrapper", "s7-twin").file("src/main/java/r/Status.java", """
        package r;
        public enum Status { OK; public boolean isSuccess() { return true; } public String getMessage() { return "ok"; } }
        """).file("src/main/java/r/BaseResponse.java", """
        package r;
        import lombok.Getter;
        @Getter
        public class BaseResponse<T> {
            private final boolean isSuccess;
            private final String message;
            private T result;
            public BaseResponse(T result) { this.isSuccess = true; this.message = "ok"; this.result = result; }
            public BaseResponse(java.util.Collection<?> dropped) { dropped.clear(); this.isSuccess = false; this.message = "dropped"; }
        }
        """).plan();
    assertFalse(cached(plan, "CityService.cities"), plan.targets().toString());
  }

  // ---- s5: an int read from the result, put into the method's own map as a key beside lists it changes

  @Test
  void anIntResultIsNotChangedByAnAddOnTheMapItKeys() {
    MigrationPlan plan = project("s5-add-elsewhere").plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("changes the result it gets (add)")), reasons(plan).toString());
    assertTrue(cached(plan, "TeamDao.teamOf"), reasons(plan).toString());
  }

  @Test
  void aListResultTheCallerAddsToStillRefuses() {
    // its true twin: the result is a list, and the caller adds to it
    MigrationPlan plan = project("s5-add-elsewhere", "s5-twin").file("src/main/java/r/Roster.java", """
        package r;
        import java.util.List;
        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Service;
        @Service public class Roster {
          private final JdbcTemplate jdbc; Roster(JdbcTemplate jdbc) { this.jdbc = jdbc; }
          public List<Long> members(int team) { return jdbc.queryForList("SELECT id FROM player WHERE team = ?", Long.class, team); }
          public List<Long> withCoach(int team) { List<Long> m = members(team); m.add(0L); return m; }
        }
        """).file("src/main/java/r/RosterApi.java", """
        package r;
        import java.util.List;
        import org.springframework.web.bind.annotation.*;
        @RestController public class RosterApi {
          private final Roster roster; RosterApi(Roster roster) { this.roster = roster; }
          @GetMapping("/teams/{t}") public List<Long> team(@PathVariable int t) { return roster.withCoach(t); }
        }
        """).plan();
    assertFalse(cached(plan, "Roster.members"), plan.targets().toString());
  }

  // ---- s2: @Access(AccessType.FIELD) on a mapped superclass whose @Id is on the field

  @Test
  void fieldAccessWrittenOutIsStillFieldAccess() {
    MigrationPlan plan = project("s2-access-field").plan();
    assertTrue(cached(plan, "DishService.getAll"), reasons(plan).toString());
    // its true twin: property access moves the mapping onto getters optkit does not read
    String base = "package r;\nimport jakarta.persistence.*;\n@MappedSuperclass @Access(AccessType.PROPERTY)\n"
        + "public abstract class BaseEntity { protected Integer id; protected BaseEntity() {} protected BaseEntity(Integer id) { this.id = id; }\n"
        + "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) public Integer getId() { return id; } public void setId(Integer id) { this.id = id; } }\n";
    MigrationPlan property = project("s2-access-field", "s2-twin").file("src/main/java/r/BaseEntity.java", base).plan();
    assertFalse(cached(property, "DishService.getAll"), property.targets().toString());
  }

  // ---- s4: a missing MapStruct implementation, and another mapper's generated one named as a repository fragment

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
    MigrationPlan plan = project("s4-wrong-impl")
        .file("target/generated-sources/annotations/r/LocationMapperImpl.java", LOCATION_IMPL).plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("LocationMapperImpl")), reasons(plan).toString());
    // its true twin: with a lazy association, the missing implementation is what the proof needs
    MigrationPlan lazy = project("s4-wrong-impl", "s4-twin")
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

  // ---- s8: a Spring Batch step's @Bean factory, charged with what its tasklet lambda does at job time

  @Test
  void aBeanFactoryIsNoRead() {
    MigrationPlan plan = project("s8-bean-lambda").plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("setExitStatus")), reasons(plan).toString());
    assertFalse(cached(plan, "JobConfig.check"), plan.targets().toString());
  }

  // ---- s3: an abstract base controller's read, which each subclass overrides and reaches through super.getAll()

  @Test
  void aBaseMethodEverySubclassOverridesSaysSo() {
    MigrationPlan plan = project("s3-abstract-controller").plan();
    assertTrue(reasons(plan).stream().anyMatch(r -> r.contains("each overrides it (AdminShopController.getAll(), "
        + "UserShopController.getAll())")), reasons(plan).toString());
    // its true twin: a subclass that does not override it shares the base method's one cache
    MigrationPlan inherited = project("s3-abstract-controller", "s3-twin").file("src/main/java/r/GuestShopController.java", """
        package r;
        @org.springframework.stereotype.Component public class GuestShopController extends AbstractShopController {}
        """).plan();
    assertTrue(reasons(inherited).stream().anyMatch(r -> r.contains("several beans or objects of different kinds")),
        reasons(inherited).toString());
  }

  // ---- a JPQL query's JOIN FETCH loads the associations a handler's serialisation reads

  private MigrationFixture fetchJoined(String name, String query) {
    return new MigrationFixture(dir.resolve(name))
        .file("src/main/java/r/Restaurant.java", """
            package r;
            import jakarta.persistence.*;
            @Entity public class Restaurant { @Id Integer id; String name;
              @OneToMany(fetch = FetchType.LAZY) @JoinColumn(name = "restaurant_id") java.util.List<MenuItem> menuItems;
              public Integer getId() { return id; } public String getName() { return name; }
              public java.util.List<MenuItem> getMenuItems() { return menuItems; } }
            """)
        .file("src/main/java/r/MenuItem.java", """
            package r;
            import jakarta.persistence.*;
            @Entity public class MenuItem { @Id Integer id; int price;
              @ManyToOne(fetch = FetchType.LAZY) Dish dish;
              public Integer getId() { return id; } public int getPrice() { return price; } public Dish getDish() { return dish; } }
            """)
        .file("src/main/java/r/Dish.java", """
            package r;
            import jakarta.persistence.*;
            @Entity public class Dish { @Id Integer id; String name; public Integer getId() { return id; } public String getName() { return name; } }
            """)
        .file("src/main/java/r/RestaurantRepository.java", """
            package r;
            import org.springframework.data.jpa.repository.*;
            public interface RestaurantRepository extends JpaRepository<Restaurant, Integer> {
              @Query("%s") java.util.Optional<Restaurant> withMenu(int id);
            }
            """.formatted(query))
        .file("src/main/java/r/RestaurantApi.java", """
            package r;
            import org.springframework.web.bind.annotation.*;
            @RestController public class RestaurantApi {
              private final RestaurantRepository repo; RestaurantApi(RestaurantRepository repo) { this.repo = repo; }
              @GetMapping("/restaurants/{id}/menu") public Restaurant menu(@PathVariable int id) { return repo.withMenu(id).orElseThrow(); }
            }
            """);
  }

  @Test
  void associationsAQueryFetchJoinsAreLoadedWithTheRow() {
    MigrationPlan plan = fetchJoined("fetched",
        "SELECT r FROM Restaurant r JOIN FETCH r.menuItems m JOIN FETCH m.dish WHERE r.id = ?1").plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("LazyInitializationException")), reasons(plan).toString());
    // its true twin: the dishes are not fetched, and the serialiser reads them from the detached entity
    MigrationPlan partly = fetchJoined("partly", "SELECT r FROM Restaurant r JOIN FETCH r.menuItems m WHERE r.id = ?1").plan();
    assertTrue(reasons(partly).stream().anyMatch(r -> r.contains("LazyInitializationException") && r.contains("dish")),
        reasons(partly).toString());
  }
}
