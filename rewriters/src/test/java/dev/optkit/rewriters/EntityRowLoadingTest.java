package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a read of an entity's row loads with it: a getter the entity writes for a column of another name reads no
 * association, an embedded object of columns only is the entity's own table, and the associations an {@code
 * @EntityGraph} or a JPQL {@code JOIN FETCH} fetches are loaded with the row. Each case's comment names the audit
 * of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came from, and
 * its project (a case naming none is from the first audit, a review of 30 refusals on four projects); each stands
 * beside a true twin, or a control: the code the reason names must do what it says.
 */
class EntityRowLoadingTest extends SpringProjectPlans {
  // ---- sixth audit: a getter the entity writes for a column of another name (hotel-booking-service
  // UserServiceImpl.loginUser: "passes what it reads from it (a value, or an association) to matches()" for
  // user.getPassword(), which returns passwordHash; the lazy read is user.getRoles(), which the true reason names)

  private MigrationPlan logins(String name, String use) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.OneToMany;
            import java.util.List;

            @Entity
            public class Account {
                @Id
                private Long id;
                private String digest; // a name no secret check reads: this case is about the getter's other name
                @OneToMany(mappedBy = "account")
                private List<Role> roles;

                public String getPassword() {
                    return digest;
                }

                public List<Role> getRoles() {
                    return roles;
                }
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Role {
                @Id
                private Long id;
            }
            """)
        .java("""
            package shop;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface AccountRepository extends JpaRepository<Account, Long> {
                Account findByEmail(String email);
            }
            """)
        .java("""
            package shop;

            import java.util.Objects;
            import org.springframework.stereotype.Service;

            @Service
            public class Accounts {
                private final AccountRepository accounts;

                public Accounts(AccountRepository accounts) {
                    this.accounts = accounts;
                }

                public boolean check(String email, String password) {
                    Account account = accounts.findByEmail(email);
                    %s
                }
            }
            """.formatted(use))
        .plan();
  }

  @Test
  void aColumnsGetterOfAnotherNameReadsNoAssociation() {
    MigrationPlan column = logins("column", "return String.join(\",\", password, account.getPassword()).isEmpty();");
    String why = refusalStartingWith(column, "findByEmail").orElse("cached");
    assertFalse(why.contains("join()"), why);
    // the true twins: the lazy roles read after the load is named; the roles handed on are an association
    MigrationPlan roles = logins("roles",
        "return String.join(\",\", password, account.getPassword()).isEmpty() && account.getRoles().isEmpty();");
    why = refusalStartingWith(roles, "findByEmail").orElse("cached");
    assertTrue(why.contains("lazy association roles"), why);
    MigrationPlan handed = logins("handed", "return Objects.equals(password, account.getRoles());");
    why = refusalStartingWith(handed, "findByEmail").orElse("cached");
    assertTrue(why.contains("lazy association roles"), why);
  }

  // ---- sixth audit: an embedded object of columns only is the entity's own table (bookstore-order-api
  // calculateFinalPrice: "it reads tables optkit cannot tell", through Wrapping -> OrderItem -> Order's @Embedded
  // ShippingInfo)

  private MigrationPlan wrappings(String name, String shippingMembers) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Embeddable;

            @Embeddable
            public class Shipping {
            %s
            }
            """.formatted(shippingMembers))
        .java("""
            package shop;

            import jakarta.persistence.Embedded;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Parcel {
                @Id
                private Long id;
                @Embedded
                private Shipping shipping;
                private Integer price;

                public Integer getPrice() {
                    return price;
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface ParcelRepository extends JpaRepository<Parcel, Long> {
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Receipt {
                @Id
                private Long id;
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface ReceiptRepository extends JpaRepository<Receipt, Long> {
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Prices {
                private final ParcelRepository parcels;
                private final ReceiptRepository receipts;

                public Prices(ParcelRepository parcels, ReceiptRepository receipts) {
                    this.parcels = parcels;
                    this.receipts = receipts;
                }

                public int finalPrice(int total, Long parcelId) {
                    return total + parcels.findById(parcelId).map(Parcel::getPrice).orElse(0);
                }

                public void receipt(Receipt receipt) {
                    receipts.save(receipt);
                }
            }
            """)
        .plan();
  }

  @Test
  void anEmbeddedObjectOfColumnsIsTheEntitysOwnTable() {
    MigrationPlan columns = wrappings("columns", """
                private String address;
                private java.time.LocalDate requested;
                private int fee;
            """);
    String prices = MigrationFixture.after(columns, "src/main/java/shop/Prices.java");
    assertTrue(prices.contains("@Cacheable"), prices);
    // saving a receipt writes no table the parcel's read touches: no eviction
    assertFalse(prices.contains("@CacheEvict"), prices);
    // the true twin: an embeddable holding an association reaches a table optkit does not follow, so every
    // write of the project may change what the read returns
    MigrationPlan association = wrappings("association", """
                private String address;
                @jakarta.persistence.ManyToOne
                private Receipt receipt;
            """);
    prices = MigrationFixture.after(association, "src/main/java/shop/Prices.java");
    assertTrue(prices.contains("@CacheEvict"), prices);
  }

  // ---- sixth audit: associations an @EntityGraph fetches are loaded with the row (blog-api-spring findWithRolesById:
  // "reads its lazy association roles (getRoles()) after the read" under attributePaths {roles, roles.permissions})

  private MigrationPlan roles(String name, String graph) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToMany;
            import java.util.Set;

            @Entity
            public class Role {
                @Id
                private Long id;
                private String name;
                @ManyToMany
                private Set<Permission> permissions;

                public String getName() {
                    return name;
                }

                public Set<Permission> getPermissions() {
                    return permissions;
                }
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToMany;
            import java.util.Set;

            @Entity
            public class Permission {
                @Id
                private Long id;
                private String name;
                @ManyToMany(mappedBy = "permissions")
                private Set<Role> roles;

                public String getName() {
                    return name;
                }

                public Set<Role> getRoles() {
                    return roles;
                }
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToMany;
            import java.util.Set;

            @Entity
            public class Person {
                @Id
                private Long id;
                private String email;
                @ManyToMany
                private Set<Role> roles;

                public String getEmail() {
                    return email;
                }

                public Set<Role> getRoles() {
                    return roles;
                }
            }
            """)
        .java("""
            package shop;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.EntityGraph;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface PersonRepository extends JpaRepository<Person, Long> {
                %s
                Optional<Person> findWithRolesById(long id);
            }
            """.formatted(graph))
        .java("""
            package shop;

            import java.util.ArrayList;
            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class People {
                private final PersonRepository people;

                public People(PersonRepository people) {
                    this.people = people;
                }

                public Optional<Person> findById(Long id) {
                    return people.findWithRolesById(id);
                }

                public List<String> privileges(Long id) {
                    Person person = findById(id).orElseThrow();
                    List<String> names = new ArrayList<>();
                    for (Role role : person.getRoles()) {
                        names.add(role.getName());
                        for (Permission permission : role.getPermissions()) {
                            names.add(permission.getName());
                        }
                    }
                    return names;
                }
            }
            """.replace("import java.util.List;", "import java.util.List;\nimport java.util.Optional;"))
        .plan();
  }

  @Test
  void associationsAnEntityGraphFetchesAreLoadedWithTheRow() {
    String why = refusalStartingWith(roles("fetched", "@EntityGraph(attributePaths = {\"roles\", \"roles.permissions\"})"),
        "findWithRolesById").orElse("cached");
    assertFalse(why.contains("lazy association"), why);
    // the true twins: without the graph the roles are lazy; with the roles alone, their permissions are
    why = refusalStartingWith(roles("lazy", ""), "findWithRolesById").orElse("cached");
    assertTrue(why.contains("lazy association roles"), why);
    why = refusalStartingWith(roles("half", "@EntityGraph(attributePaths = \"roles\")"), "findWithRolesById").orElse("cached");
    assertTrue(why.contains("permissions"), why);
  }

  // ---- tenth audit: R-2: a JPQL query's JOIN FETCH loads the associations a handler's serialisation reads

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

  /**
   * An entity subclass's getRoleCount() reads the lazy roles (m2). (From hostile review 43, case m2.)
   */
  @ParameterizedTest
  @CsvSource({"m2, MenuRepository.findByPid"})
  void anEntitySubclassesGetterMayReadItsLazyAssociations(String attack, String read) {
    MigrationPlan plan = caseProject("hostile43", "menu-base", attack).resources("/hostile43/" + attack).plan();
    assertFalse(cached(plan, read), attack + ": " + plan.targets());
  }

  /**
   * An entity subclass's {@code @DiscriminatorValue} is no Lombok {@code @Value} (m2lombok, over m2's entities). No
   * proof id names Lombok, so the words are asserted. (From hostile review 43, its false reason m2-lombok-reason.)
   */
  @Test
  void aDiscriminatorValueIsNoLombokValue() {
    MigrationPlan noLombok = caseProject("hostile43", "menu-base", "m2lombok").resources("/hostile43/m2")
        .resources("/hostile43/m2lombok").plan();
    assertFalse(noLombok.refusals().stream().anyMatch(r -> r.reason().contains("Lombok")), noLombok.refusals().toString());
  }

  /**
   * F1 (adnanebk's ecommerce backend): a {@code List<String>} field stored by an {@code AttributeConverter} is one
   * column of the product's row, but was taken for a mapping of unknown tables, so every JPA load of the request
   * (the user's) counted as loading categories. The twin's list has no converter and may map a table of its own.
   * (From trial 48's false reasons, F1.)
   */
  @Test
  void aConvertedFieldIsOneColumnOfItsRow() {
    MigrationPlan plan = caseProject("reasons48", "convertlist", "convert").plan();
    assertTrue(cached(plan, "CategoryService.names") && plan.targets().toString().contains("name=create"),
        plan.targets() + " " + plan.refusals());

    MigrationPlan twin = caseProject("reasons48", "convertlist", "plain")
        .resources("/reasons48/convertlistplain").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("names")
        && r.proof() == Proof.SAME_REQUEST), twin.targets() + " " + twin.refusals());
  }
}
