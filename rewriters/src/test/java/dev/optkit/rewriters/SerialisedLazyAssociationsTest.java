package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a handler's response reads of a lazy association: none Jackson does not read ({@code @JsonIgnore}, left
 * alone by a mix-in for another class; a computed getter it ignores), fetched ({@code JOIN FETCH}) or written as
 * null by the Hibernate module it is given, nor any of a service that maps every entity to a DTO; without that
 * module (registered on another mapper, only in tests, beside the project's own), or with an ignore undone, a lazy
 * association Jackson reads still refuses, and with lazy loading outside a session the reason says what happens
 * there; an entity put in a view's model is refused for the view optkit does not read. Each case's comment names
 * the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came
 * from, and its project (a case naming none is from the first audit, a review of 30 refusals on four projects);
 * each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class SerialisedLazyAssociationsTest extends SpringProjectPlans {
  // ---- eleventh audit: s10: the associations a handler's entity is serialised without (@JsonIgnore), fetched (JOIN
  // FETCH), or written as null by the Hibernate module Jackson is given (IvanSavelyev/Restaurant-Voting-System: 14)

  @Test
  void associationsJacksonDoesNotReadAreNoLazyRead() {
    MigrationPlan plan = caseProject("audit11", "s10-jsonignore-lazy", "s10").plan();
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
    MigrationPlan plan = caseProject("audit11", "s10-jsonignore-lazy", "s10-twin").file("src/main/java/r/App.java", """
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
  /**
   * A lazy association Jackson's default visibility does not see (a package-private field with no getter, no Lombok
   * getter, no @JsonProperty) is not written: no lazy read for the handler (a trial's bank entity had every read of it
   * refused for serialising its livrosCaixa so). Its true twin is the test above: the same field with a public getter.
   */
  @Test
  void aLazyAssociationWithoutAGetterIsNotSerialised() {
    MigrationPlan plan = caseProject("audit11", "s10-jsonignore-lazy", "s10-no-getter").file("src/main/java/r/App.java", """
        package r;
        @org.springframework.boot.autoconfigure.SpringBootApplication public class App {}
        """).file("src/main/java/r/Restaurant.java", """
        package r;
        import jakarta.persistence.*;
        import java.util.List;
        @Entity
        public class Restaurant {
            @Id @GeneratedValue Integer id;
            String name;
            @OneToMany(mappedBy = "restaurant")
            List<Menu> menu;
            public Integer getId() { return id; }
            public String getName() { return name; }
            public void setName(String name) { this.name = name; }
        }
        """).plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("Api.one() returns it as its response")),
        reasons(plan).toString());
  }

  @Test
  void withLazyLoadingOutsideASessionTheReasonSaysWhatHappensThere() {
    MigrationPlan plan = caseProject("audit11", "s10-jsonignore-lazy", "s10-no-trans").file("src/main/java/r/App.java", """
        package r;
        @org.springframework.boot.autoconfigure.SpringBootApplication public class App {}
        """).file("src/main/resources/application.properties",
            "spring.jpa.properties.hibernate.enable_lazy_load_no_trans=true\n").plan();
    // the refusals of the reads the handler serialises: by the entity proof, as without the setting
    List<Refusal> entity = plan.refusals().stream().filter(r -> r.proof() == dev.optkit.analyzers.proof.Proof.ENTITY_RESULT)
        .toList();
    assertFalse(entity.isEmpty(), reasons(plan).toString());
    assertTrue(entity.stream().allMatch(r -> r.reason().contains(dev.optkit.rewriters.caching.WholeProject.LAZY_LOAD_NO_TRANS)),
        reasons(plan).toString());
  }

  // ---- eleventh audit: s10, again on the project: a computed getter Jackson is told to ignore (HasId's isNew(),
  // @JsonIgnore'd)

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
    MigrationPlan plan = caseProject("audit11", "s10-jsonignore-lazy", "s10-isnew").file("src/main/java/r/HasId.java", hasId)
        .file("src/main/java/r/Restaurant.java", RESTAURANT.formatted("")).plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("LazyInitializationException")), reasons(plan).toString());
    // its true twin: a computed getter Jackson writes, reading the lazy menu
    MigrationPlan counted = caseProject("audit11", "s10-jsonignore-lazy", "s10-count").file("src/main/java/r/HasId.java", hasId)
        .file("src/main/java/r/Restaurant.java", RESTAURANT.formatted("public int getMenuCount() { return menu.size(); }"))
        .plan();
    assertTrue(reasons(counted).stream().anyMatch(r -> r.contains("whose serialisation reads its lazy associations")),
        reasons(counted).toString());
  }

  /**
   * Twelfth audit, s10e: an entity put in a view's model is refused for a view optkit does not read, not for a read it
   * saw.
   */
  @Test
  void aModelAttributesLazyAssociationsAreSaidUnread() {
    MigrationPlan plan = casePlan("audit12", "s10e");
    String reason = reason(plan, "findWithIcon");
    assertTrue(reason.contains("a view optkit does not read"), reason);
    assertFalse(reason.contains("read there after the load"), reason);
  }

  /** Fourteenth audit, s10d: a Jackson mix-in for ProblemDetail only does not undo the entity's @JsonIgnore. */
  @Test
  void aMixInForAnotherClassLeavesTheIgnoreAlone() {
    MigrationPlan plan = casePlan("audit14", "s10d");
    assertFalse(reason(plan, "MealRepository.getAll").contains("serialisation reads its lazy"),
        reason(plan, "MealRepository.getAll"));
  }

  /**
   * Sixteenth audit, S10f: a service mapping every entity to a DTO ({@code .map(mapper::toMenuTo)}) hands the handler
   * no entity; the repository read is refused for its true reason, the outer service method cached. The twin: a
   * "mapper" returning the entity it gets hands it on to the handler, whose response reads its lazy association.
   */
  @Test
  void aServiceMappingEntitiesToDtosReturnsNoEntity() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s10f")).resources("/audit16/s10f").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("lazy associations")), plan.refusals().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findAllByRestaurantId")
        && r.reason().contains("MenuService.getAll(), which is cached in this migration")), plan.refusals().toString());

    // the same with a static mapper, map(MenuMapper::toMenuTo): its fresh DTO's setters were "state shared between
    // calls" (the element taken for an unknown receiver), and the read was refused as returned (audit 16's S-13)
    MigrationPlan statically = new MigrationFixture(dir.resolve("s10fstatic")).resources("/audit16/s10fstatic").plan();
    assertTrue(statically.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("MenuService.getAll")),
        statically.refusals().toString());
    assertFalse(statically.refusals().stream().anyMatch(r -> r.reason().contains("lazy associations")),
        statically.refusals().toString());

    MigrationPlan same = new MigrationFixture(dir.resolve("s10fsame")).resources("/audit16/s10fsame").plan();
    assertTrue(same.targets().stream().noneMatch(t -> t.method().fact().displayName().equals(
        "MenuRepository.findAllByRestaurantId")), same.targets().toString());
    assertTrue(same.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findAllByRestaurantId")
        && r.reason().contains("MenuMapper.toMenuTo(), which returns it")), same.refusals().toString());
  }

  /**
   * Hostile review 35, an entity a handler serialises: Jackson's Hibernate module registered on another mapper (h1),
   * only in tests (h2), beside the project's own ObjectMapper (h3), or registered and writing whatever the first caller
   * loaded (h5, h14); an ignore undone by an included accessor (h6, h12), allowGetters (h7), {@code @JsonIgnore(value =
   * false)} (h9), a mix-in (h10).
   */
  @ParameterizedTest
  @ValueSource(strings = {"h1", "h2", "h3", "h5", "h6", "h7", "h9", "h10", "h12"})
  void aSerialisedLazyAssociationRefuses(String attack) {
    MigrationPlan plan = casePlan("hostile35", attack);
    assertFalse(cached(plan, "OwnerService.find"), plan.targets().toString());
  }

  // From hostile review 35 (src/test/resources/hostile35/).
  @ParameterizedTest
  @ValueSource(strings = {"h14"})
  void aLazyToOneTheModuleWritesAsLoadedRefuses(String attack) {
    MigrationPlan plan = casePlan("hostile35", attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), Entities returned as an interface they implement
   * ({@code List<Titled>} of {@code Book}, d2b) are entities still: the handler serialises them, lazy associations and
   * all, after the transaction.
   */
  @ParameterizedTest
  @ValueSource(strings = {"d2b"})
  void entitiesReturnedAsAnInterfaceTheyImplementAreEntities(String attack) {
    MigrationPlan plan = casePlan("attacks28", attack);
    assertFalse(target(plan, "Books.byTitle").isPresent(), plan.targets().toString());
    assertFalse(target(plan, "BookRepository.findByTitle").isPresent(), plan.targets().toString());
  }

  /**
   * A handler returning {@code findOne(id).getTitle()}, a String, hands out no entity: nothing is refused as an
   * entity result. (From hostile review 43, its false reason m1b.)
   */
  @Test
  void aTitleReadOffTheEntityIsNoEntity() {
    MigrationPlan title = caseProject("hostile43", "menu-base", "m1b").resources("/hostile43/m1b").plan();
    assertFalse(title.refusals().stream().anyMatch(r -> r.proof() == Proof.ENTITY_RESULT), title.refusals().toString());
  }

  /**
   * eladmin's MenuController.childMenu collects a menu and its children into a set and answers their ids, {@code
   * map(Menu::getId)} with Lombok's getter: a Set of Longs, no entity, so findOne was refused for a response "whose
   * serialisation reads its lazy associations (roles)" that never holds a menu. The twin answers {@code
   * map(Menu::getRoles)}, reading the lazy association of each menu, and stays refused for it.
   * (From the false reasons of 2026-11-26 (eladmin).)
   */
  @Test
  void idsMappedFromCollectedEntitiesAreNoEntity() {
    MigrationPlan plan = caseProject("reasons43", "ids").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.ENTITY_RESULT), plan.refusals().toString());
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("MenuService.findOne")
        && t.toString().contains("name=rename")), plan.targets() + " " + plan.refusals());

    // with open-session-in-view on, the request loads menus (getChildMenus' findByPid) besides findOne: refused for that
    MigrationPlan inView = caseProject("reasons43", "ids", "idsview")
        .file("src/main/resources/application.properties", "spring.jpa.open-in-view=true\n").plan();
    assertTrue(inView.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findOne")
        && r.proof() == Proof.SAME_REQUEST),
        inView.refusals().toString());

    MigrationPlan twin = caseProject("reasons43", "ids", "idstwin").resources("/reasons43/idstwin").plan();
    // ENTITY_RESULT is any entity handed out; that the handler reads a lazy association of it only the words say
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findOne")
        && r.proof() == Proof.ENTITY_RESULT
        && r.reason().contains("MenuController.childMenu() reads its lazy association roles (getRoles())")),
        twin.refusals().toString());
  }
}
