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
 * Refusal reasons the eleventh audit (2026-11-26: three projects no audit had read; 15 of the first 30 refusals
 * false) found false, each beside a true twin. Its smallest projects are under {@code src/test/resources/audit11/}.
 */
class EleventhAuditReasonsTest {
  @TempDir Path dir;

  private MigrationFixture project(String name, String copy) {
    return new MigrationFixture(dir.resolve(copy)).resources("/audit11/" + name);
  }

  private static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  private static List<String> reasons(MigrationPlan plan) {
    return plan.refusals().stream().map(Refusal::reason).toList();
  }

  // ---- s9: one application whose @ComponentScan lists three packages; a generated mapper bean moved optkit's
  // configuration into one of them, and every bean of the others was refused (PutosForks/logistic, built: 15)

  @Test
  void aBeanUnderAnotherScanOfTheOneApplicationIsInItsContext() {
    MigrationPlan plan = project("s9-explicit-scan", "s9").plan();
    assertTrue(cached(plan, "VehicleService.findAll"), reasons(plan).toString());
    // its true twin: a second application scanning only the service package starts a context of its own
    MigrationPlan two = project("s9-explicit-scan", "s9-twin").file("src/main/java/r/service/Worker.java", """
        package r.service;
        @org.springframework.boot.autoconfigure.SpringBootApplication
        @org.springframework.context.annotation.ComponentScan({"r.service"})
        public class Worker { public static void main(String[] a) { org.springframework.boot.SpringApplication.run(Worker.class, a); } }
        """).plan();
    assertFalse(cached(two, "VehicleService.findAll"), two.targets().toString());
  }

  // ---- s10: the associations a handler's entity is serialised without (@JsonIgnore), fetched (JOIN FETCH), or
  // written as null by the Hibernate module Jackson is given (IvanSavelyev/Restaurant-Voting-System: 14)

  @Test
  void associationsJacksonDoesNotReadAreNoLazyRead() {
    MigrationPlan plan = project("s10-jsonignore-lazy", "s10").plan();
    // the menu's and the dishes' back references are @JsonIgnore'd, the restaurant's menu fetch-joined
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("Menu.restaurant") || r.contains("Dish.menu")),
        reasons(plan).toString());
    assertTrue(cached(plan, "RestaurantService.getWithMenu") || cached(plan, "RestaurantRepository.getWithMenu"),
        reasons(plan).toString());
    // the Hibernate module is no allowance (hostile review 35's h5, h14): Restaurant.menu, lazy and not ignored, is
    // read by the serialisation of get()
    assertTrue(reasons(plan).stream().anyMatch(r -> r.contains("Api.one() returns it as its response")), reasons(plan).toString());
    // and says what the module does, not an exception it prevents
    assertTrue(reasons(plan).stream().filter(r -> r.contains("Api.one()")).allMatch(r -> r.contains("Hibernate module")
        && !r.contains("LazyInitializationException")), reasons(plan).toString());
  }

  @Test
  void withoutTheHibernateModuleALazyAssociationJacksonReadsStillRefuses() {
    // its true twin: no Hibernate module, and Restaurant.menu (not ignored, not fetched by get) is serialised
    MigrationPlan plan = project("s10-jsonignore-lazy", "s10-twin").file("src/main/java/r/App.java", """
        package r;
        @org.springframework.boot.autoconfigure.SpringBootApplication public class App {}
        """).plan();
    assertTrue(reasons(plan).stream().anyMatch(r -> r.contains("Api.one() returns it as its response")
        && r.contains("(menu)") && r.contains("LazyInitializationException")), reasons(plan).toString());
    // and the ignored back references are not named
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("Menu.restaurant") || r.contains("Dish.menu")),
        reasons(plan).toString());
  }

  /**
   * The same handler where the application lets Hibernate load lazy associations outside a session
   * ({@code hibernate.enable_lazy_load_no_trans}): still refused, by the same proof, but the reason says what happens
   * there (one load kept for every later answer), not an exception that never comes. (A trial's audit log.)
   */
  @Test
  void withLazyLoadingOutsideASessionTheReasonSaysWhatHappensThere() {
    MigrationPlan plan = project("s10-jsonignore-lazy", "s10-no-trans").file("src/main/java/r/App.java", """
        package r;
        @org.springframework.boot.autoconfigure.SpringBootApplication public class App {}
        """).file("src/main/resources/application.properties",
            "spring.jpa.properties.hibernate.enable_lazy_load_no_trans=true\n").plan();
    // the refusals of the reads the handler serialises: by the entity proof, as without the setting
    List<Refusal> entity = plan.refusals().stream().filter(r -> r.proof() == dev.optkit.rewriters.proof.Proof.ENTITY_RESULT)
        .toList();
    assertFalse(entity.isEmpty(), reasons(plan).toString());
    assertTrue(entity.stream().allMatch(r -> r.reason().contains(dev.optkit.rewriters.caching.WholeProject.LAZY_LOAD_NO_TRANS)),
        reasons(plan).toString());
  }

  // ---- s3b: a base controller's read nobody overrides, called as super.getAllShops() from handlers of other names

  @Test
  void aBaseMethodOnlyItsSubclassesCallSaysSo() {
    MigrationPlan plan = project("s3b-abstract-not-overridden", "s3b").plan();
    assertTrue(reasons(plan).stream().anyMatch(r -> r.contains("only their own methods call it")), reasons(plan).toString());
    // its true twin: another bean calls it through a subclass bean, and several kinds of bean would share the cache
    MigrationPlan outside = project("s3b-abstract-not-overridden", "s3b-twin").file("src/main/java/r/Report.java", """
        package r;
        @org.springframework.stereotype.Component public class Report {
          private final AdminShopController admin; Report(AdminShopController admin) { this.admin = admin; }
          public int count() { return admin.getAllShops().size(); }
        }
        """).plan();
    assertTrue(reasons(outside).stream().anyMatch(r -> r.contains("several beans or objects of different kinds")),
        reasons(outside).toString());
  }

  // ---- s12: a writer's class implementing a library interface (UserDetailsService) read as keeping code in a field

  @Test
  void aLibraryInterfaceHoldsNoCode() {
    MigrationPlan plan = project("s12-code-in-field", "s12").plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("keeps code in a field")), reasons(plan).toString());
    assertTrue(cached(plan, "VoteService.hasVoted"), reasons(plan).toString());
    // its true twin: the class does keep a method reference to itself in a field
    MigrationPlan code = project("s12-code-in-field", "s12-twin").file("src/main/java/r/MemberService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class MemberService {
            private final MemberRepository repository;
            private final java.util.function.IntConsumer purge = this::delete;
            public MemberService(MemberRepository repository) { this.repository = repository; }
            public void delete(int id) { repository.delete(id); }
            public void purgeLater(int id) { purge.accept(id); }
        }
        """).plan();
    assertTrue(reasons(code).stream().anyMatch(r -> r.contains("keeps code in a field")), reasons(code).toString());
  }

  // ---- s10c: a project helper called through import static r.Checks.*, read as a call optkit cannot see into

  @Test
  void aStaticallyImportedHelperIsFollowed() {
    MigrationPlan plan = project("s10c-static-helper", "s10c").plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("notFound(), which optkit cannot see into")),
        reasons(plan).toString());
    // its true twin: the imported helper changes what it gets
    MigrationPlan changes = project("s10c-static-helper", "s10c-twin").file("src/main/java/r/Checks.java", """
        package r;
        public final class Checks {
            private Checks() {}
            public static Restaurant notFound(Restaurant object, int id) { object.setName(object.getName().trim()); return object; }
        }
        """).plan();
    assertTrue(reasons(changes).stream().anyMatch(r -> r.contains("setName")), reasons(changes).toString());
  }

  // ---- s10, again on the project: a computed getter Jackson is told to ignore (HasId's isNew(), @JsonIgnore'd)

  private static final String RESTAURANT = """
      package r;
      import jakarta.persistence.*;
      import java.util.List;
      @Entity public class Restaurant implements HasId {
          @Id @GeneratedValue Integer id;
          String name;
          @OneToMany(mappedBy = "restaurant") @com.fasterxml.jackson.annotation.JsonIgnore List<Menu> menu;
          public Integer getId() { return id; }
          public String getName() { return name; }
          public void setName(String name) { this.name = name; }
          public List<Menu> getMenu() { return menu; }
          @com.fasterxml.jackson.annotation.JsonIgnore @Override public boolean isNew() { return id == null; }
          %s
      }
      """;

  @Test
  void aComputedGetterJacksonIgnoresReadsNothing() {
    String hasId = "package r;\npublic interface HasId { Integer getId(); default boolean isNew() { return getId() == null; } }\n";
    MigrationPlan plan = project("s10-jsonignore-lazy", "s10-isnew").file("src/main/java/r/HasId.java", hasId)
        .file("src/main/java/r/Restaurant.java", RESTAURANT.formatted("")).plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("LazyInitializationException")), reasons(plan).toString());
    // its true twin: a computed getter Jackson writes, reading the lazy menu
    MigrationPlan counted = project("s10-jsonignore-lazy", "s10-count").file("src/main/java/r/HasId.java", hasId)
        .file("src/main/java/r/Restaurant.java", RESTAURANT.formatted("public int getMenuCount() { return menu.size(); }"))
        .plan();
    assertTrue(reasons(counted).stream().anyMatch(r -> r.contains("whose serialisation reads its lazy associations")),
        reasons(counted).toString());
  }

  @Test
  void aRepositoryInterfaceHoldsNoCodeThroughWhatItExtends() {
    // audit 10's restaurant-voting: BaseRepository<T> extends JpaRepository<T, Integer>, its default deleteExisted
    MigrationPlan plan = project("s12-code-in-field", "s12-base").file("src/main/java/r/BaseRepository.java", """
        package r;
        @org.springframework.data.repository.NoRepositoryBean
        public interface BaseRepository<T> extends org.springframework.data.jpa.repository.JpaRepository<T, Integer> {
          default void deleteExisted(int id) { deleteById(id); }
        }
        """).file("src/main/java/r/MemberRepository.java", """
        package r;
        public interface MemberRepository extends BaseRepository<Member> { Member getByEmail(String email); }
        """).file("src/main/java/r/MemberService.java", """
        package r;
        @org.springframework.stereotype.Service public class MemberService {
          private final MemberRepository repository; public MemberService(MemberRepository repository) { this.repository = repository; }
          public void delete(int id) { repository.deleteExisted(id); }
        }
        """).plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("keeps code in a field")), reasons(plan).toString());
  }
}
