package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refusal reasons the sixth audit (30 refusals on five projects no audit had read, 2026-11-25)
 * found false, each beside a true twin.
 */
class SixthAuditReasonsTest {
  @TempDir Path dir;

  private MigrationFixture spring(String name) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM);
  }

  private static Optional<String> refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }

  // ---- a private static helper of a repository interface is its own code, no query (hotel-booking-service
  // BookingRepository.legacyId(): "it may write accountroles, accounts, ..." in 46 refusals)

  private static final String BOOKING = """
      package shop;

      import jakarta.persistence.Entity;
      import jakarta.persistence.Id;
      import java.util.UUID;

      @Entity
      public class Booking {
          @Id
          private UUID id;
          private String reference;

          public String getReference() {
              return reference;
          }
      }
      """;

  private static String repository(String helper) {
    return """
        package shop;

        import java.util.Optional;
        import java.util.UUID;
        import org.springframework.data.jpa.repository.JpaRepository;

        public interface BookingRepository extends JpaRepository<Booking, UUID> {
            default Optional<Booking> findById(Integer id) {
                return findById(legacyId(id));
            }

        %s
        }
        """.formatted(helper);
  }

  private static final String BOOKINGS = """
      package shop;

      import org.springframework.stereotype.Service;

      @Service
      public class Bookings {
          private final BookingRepository repository;

          public Bookings(BookingRepository repository) {
              this.repository = repository;
          }

          public String reference(Integer id) {
              return repository.findById(id).map(Booking::getReference).orElse(null);
          }
      }
      """;

  @Test
  void aPrivateStaticHelperOfARepositoryInterfaceWritesNothing() {
    MigrationPlan helper = spring("helper").java(BOOKING).java(BOOKINGS).java(repository("""
            private static UUID legacyId(Integer id) {
                return id == null ? null : new UUID(0L, id.longValue());
            }
        """)).plan();
    String why = refusal(helper, "reference").or(() -> refusal(helper, "findById")).orElse("cached");
    assertFalse(why.contains("legacyId"), why);
    // the true twin: an abstract method of that name is a derived query optkit cannot read, taken for a write
    MigrationPlan query = spring("query").java(BOOKING).java(BOOKINGS).java(repository("""
            UUID legacyId(Integer id);
        """)).plan();
    why = refusal(query, "reference").or(() -> refusal(query, "findById")).orElse("cached");
    assertTrue(why.contains("legacyId"), why);
  }

  // ---- a getter Lombok writes is not another class's method of that name (hotel-booking-service
  // mapInventory(): "calls HotelImage.getHotelId() on it, which reads its lazy association hotel")

  private static String stock(String getterOfInventory) {
    return """
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.FetchType;
        import jakarta.persistence.Id;
        import jakarta.persistence.ManyToOne;
        import lombok.Getter;

        @Getter
        @Entity
        public class Stock {
            @Id
            private Long id;
            @ManyToOne(fetch = FetchType.LAZY)
            private Hotel hotel;
            private Long hotelId;
        %s
        }
        """.formatted(getterOfInventory);
  }

  private MigrationPlan stocks(String name, String ownGetter) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Hotel {
                @Id
                private Long id;
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.FetchType;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;

            @Entity
            public class Picture {
                @Id
                private Long id;
                @ManyToOne(fetch = FetchType.LAZY)
                private Hotel hotel;

                public Long getHotelId() {
                    return hotel.getId();
                }
            }
            """)
        .java(stock(ownGetter))
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface StockRepository extends JpaRepository<Stock, Long> {
                Stock findByHotelId(Long hotelId);
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Stocks {
                private final StockRepository repository;

                public Stocks(StockRepository repository) {
                    this.repository = repository;
                }

                public String describe(Long hotelId) {
                    return describe(repository.findByHotelId(hotelId), hotelId);
                }

                private String describe(Stock stock, Long hotelId) {
                    return stock.getId() + ":" + (stock.getHotelId() == null ? hotelId : stock.getHotelId());
                }
            }
            """)
        .plan();
  }

  @Test
  void aGetterLombokWritesIsNotAnotherClasssMethodOfThatName() {
    MigrationPlan lombok = stocks("lombok", "");
    String why = refusal(lombok, "findByHotelId").orElse("cached");
    assertFalse(why.contains("Picture.getHotelId()"), why);
    // the true twin: the entity's own getter reads its lazy association
    MigrationPlan own = stocks("own", """
                public Long getHotelId() {
                    return hotel.getId() + 0;
                }
            """);
    why = refusal(own, "findByHotelId").orElse("cached");
    assertTrue(why.contains("Stock.getHotelId()") && why.contains("lazy association hotel"), why);
  }

  // ---- a test's double of an interface never runs in production (vsnamta bookstore OrderService.findOne:
  // "MemoryMemberRepository.findById() reads field store", a class under src/test)

  private MigrationPlan members(String name, String memoryPath) {
    return spring(name)
        .java("""
            package shop;

            public interface Members {
                String nameOf(long id);

                void rename(long id, String name);
            }
            """)
        .java(MigrationSafetyTest.bean("JdbcMembers", "Repository",
            "import org.springframework.stereotype.Repository;", """
                public String nameOf(long id) {
                    return jdbc.queryForObject("SELECT name FROM member WHERE id = ?", String.class, id);
                }

                public void rename(long id, String name) {
                    jdbc.update("UPDATE member SET name = ? WHERE id = ?", name, id);
                }
            """).replace("public class JdbcMembers {", "public class JdbcMembers implements Members {"))
        .file(memoryPath, """
            package shop;

            import java.util.HashMap;
            import java.util.Map;

            public class MemoryMembers implements Members {
                private final Map<Long, String> store = new HashMap<>();

                public String nameOf(long id) {
                    return store.get(id);
                }

                public void rename(long id, String name) {
                    store.put(id, name);
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Greeter {
                private final Members members;

                public Greeter(Members members) {
                    this.members = members;
                }

                public String greet(long id) {
                    return "Hello " + members.nameOf(id);
                }
            }
            """)
        .plan();
  }

  @Test
  void aTestsDoubleOfAnInterfaceIsNoStateOfTheProductionRead() {
    MigrationPlan test = members("test", "src/test/java/shop/MemoryMembers.java");
    String why = refusal(test, "greet").orElse("cached");
    assertFalse(why.contains("MemoryMembers"), why);
    // the true twin: the same class in production code may be the one wired
    MigrationPlan main = members("main", "src/main/java/shop/MemoryMembers.java");
    why = refusal(main, "greet").orElse("cached");
    assertTrue(why.contains("MemoryMembers"), why);
  }

  // ---- an entity that is a UserDetails, returned in an Optional, is a login's credentials (Akej24 bookstore
  // SecuredUserRepository.findByUserEmailEmail, read by a lambda UserDetailsService bean)

  private MigrationPlan securedUsers(String name, String implemented) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class SecuredUser%s {
                @Id
                private long id;
                private String email;
                private String password;

                public String getUsername() {
                    return email;
                }

                public String getPassword() {
                    return password;
                }
            }
            """.formatted(implemented))
        .java("""
            package shop;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface SecuredUserRepository extends JpaRepository<SecuredUser, Long> {
                Optional<SecuredUser> findByEmail(String email);
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Logins {
                private final SecuredUserRepository users;

                public Logins(SecuredUserRepository users) {
                    this.users = users;
                }

                public String nameOf(String email) {
                    return users.findByEmail(email).map(SecuredUser::getUsername).orElse(null);
                }
            }
            """)
        .plan();
  }

  @Test
  void anOptionalOfAUserDetailsEntityIsALoginsCredentials() {
    MigrationPlan details = securedUsers("details",
        " implements org.springframework.security.core.userdetails.UserDetails");
    String why = refusal(details, "findByEmail").orElse("cached");
    assertTrue(why.contains("returns credentials (UserDetails)"), why);
    // an entity implementing UserDetails alone is no CredentialsContainer: no login erases it (trial 98)
    assertFalse(why.contains("erases the credentials"), why);
    // the true twin: a plain entity is no credentials
    MigrationPlan plain = securedUsers("plain", "");
    why = refusal(plain, "findByEmail").orElse("cached");
    assertFalse(why.contains("credentials"), why);
  }

  // ---- an immutable result handed to a factory whose new object the caller changes stays what it was
  // (nhnacademy bookstore-order-api OrderServiceImpl.getUserNo: "passes the result it gets to ShippingInfo.of(),
  // which returns it, and changes what that returns (setTotalPrice)")

  private MigrationPlan orders(String name, String resultType, String read) {
    return spring(name)
        .java("""
            package shop;

            public class Order {
                private final %1$s owner;
                private long total;

                private Order(%1$s owner) {
                    this.owner = owner;
                }

                public static Order of(%1$s owner) {
                    return new Order(owner);
                }

                public %1$s getOwner() {
                    return owner;
                }

                public void setTotal(long total) {
                    this.total = total;
                }
            }
            """.formatted(resultType))
        .java(MigrationSafetyTest.bean("Users", "Service", "import org.springframework.stereotype.Service;", """
                public %s owner(String user) {
                    return %s;
                }
            """.formatted(resultType, read)))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Orders {
                private final Users users;

                public Orders(Users users) {
                    this.users = users;
                }

                public long create(String user) {
                    Order order = Order.of(users.owner(user));
                    order.setTotal(42);
                    return order.getTotal();
                }
            }
            """.replace("return order.getTotal();", "return 42;"))
        .plan();
  }

  @Test
  void anImmutableResultInANewObjectTheCallerChangesStaysWhatItWas() {
    MigrationPlan number = orders("number", "Long",
        "jdbc.queryForObject(\"SELECT id FROM users WHERE name = ?\", Long.class, user)");
    String why = refusal(number, "owner").orElse("cached");
    assertFalse(why.contains("changes what that returns"), why);
    // the true twin: a mutable result the new object hands back, then changed
    MigrationPlan list = orders("list", "java.util.List<String>",
        "jdbc.queryForList(\"SELECT role FROM roles WHERE name = ?\", String.class, user)");
    why = refusal(list, "owner").orElse("cached");
    // setTotal changes the new Order, not the list it holds: the refusal stands on the list kept in its field
    assertTrue(why.contains("keeps it in field owner"), why);
  }

  // ---- a bound method reference mapped over loaded rows gets each row (hotel-booking-service listHotelImages:
  // "Image.getUuid() reads field id ... of an object shared between calls" for a row the read just loaded)

  private MigrationPlan snapshots(String name, String source) {
    return spring(name)
        .java("""
            package shop;

            public class Picture {
                private long id;
                private String url;

                public Picture(long id, String url) {
                    this.id = id;
                    this.url = url;
                }

                public long getId() {
                    return id;
                }

                public void setId(long id) {
                    this.id = id;
                }

                public String getUrl() {
                    return url;
                }
            }
            """)
        .java(MigrationSafetyTest.bean("Pictures", "Service", """
            import java.util.List;
            import org.springframework.stereotype.Service;""", """
                private final List<Picture> recent = new java.util.ArrayList<>();

                public List<String> snapshots(long hotelId) {
                    List<Picture> rows = jdbc.query("SELECT id, url FROM pictures WHERE hotel_id = ?",
                            (rs, n) -> new Picture(rs.getLong(1), rs.getString(2)), hotelId);
                    %s
                }

                private String snapshot(Picture picture) {
                    return picture.getId() + ":" + picture.getUrl();
                }

                public void remember(Picture picture) {
                    recent.add(picture);
                    picture.setId(picture.getId() + 1);
                }
            """.formatted(source)))
        .plan();
  }

  @Test
  void aBoundReferenceMappedOverLoadedRowsGetsEachRow() {
    MigrationPlan rows = snapshots("rows", "return rows.stream().map(this::snapshot).toList();");
    String why = refusal(rows, "snapshots").orElse("cached");
    assertFalse(why.contains("shared between calls"), why);
    // the true twin: a function held in a local may be handed anything, and gets what optkit cannot tell
    MigrationPlan held = snapshots("held", "java.util.function.Function<Picture, String> f = this::snapshot;\n"
        + "        return rows.stream().map(f).toList();");
    why = refusal(held, "snapshots").orElse("cached");
    assertTrue(why.contains("shared between calls"), why);
  }

  // ---- a getter the entity writes for a column of another name (hotel-booking-service UserServiceImpl.loginUser:
  // "passes what it reads from it (a value, or an association) to matches()" for user.getPassword(), which
  // returns passwordHash; the lazy read is user.getRoles(), which the true reason names)

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
    String why = refusal(column, "findByEmail").orElse("cached");
    assertFalse(why.contains("join()"), why);
    // the true twins: the lazy roles read after the load is named; the roles handed on are an association
    MigrationPlan roles = logins("roles",
        "return String.join(\",\", password, account.getPassword()).isEmpty() && account.getRoles().isEmpty();");
    why = refusal(roles, "findByEmail").orElse("cached");
    assertTrue(why.contains("lazy association roles"), why);
    MigrationPlan handed = logins("handed", "return Objects.equals(password, account.getRoles());");
    why = refusal(handed, "findByEmail").orElse("cached");
    assertTrue(why.contains("lazy association roles"), why);
  }

  // ---- an unbuilt MapStruct mapper is code the build makes (Hyacintholuscus explore-with-me, unbuilt)

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
    String why = refusal(categories("mapstruct", "@org.mapstruct.Mapper(componentModel = \"spring\")"), "category")
        .orElse("cached");
    assertTrue(why.contains("build the project first (missing: the implementation of CategoryMapper, which MapStruct "
        + "generates at build time"), why);
    // the true twin: an interface nothing in the project implements is code optkit cannot read
    why = refusal(categories("plain", ""), "category").orElse("cached");
    assertTrue(why.contains("CategoryMapper.toDto() has no implementation among the project's classes"), why);
  }

  // ---- an embedded object of columns only is the entity's own table (bookstore-order-api calculateFinalPrice:
  // "it reads tables optkit cannot tell", through Wrapping -> OrderItem -> Order's @Embedded ShippingInfo)

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

  // ---- an object kept in a private final field its holder only reads through getters is reached by no one
  // (blog-api-spring findWithRolesById: "SecurityUser.SecurityUser() keeps it in field user, where anyone
  // (data binding included) may change it later")

  private MigrationPlan badges(String name, String memberGetter, String badgeExtra) {
    return spring(name)
        .java("""
            package shop;

            public class Member {
                private String name;
                private int visits;

                public Member(String name) {
                    this.name = name;
                }

                public String getName() {
                    %s
                }

                public void rename(String name) {
                    this.name = name;
                }
            }
            """.formatted(memberGetter))
        .java("""
            package shop;

            public class Badge {
                private final Member member;

                public Badge(Member member) {
                    this.member = member;
                }

                public String getName() {
                    return member.getName();
                }
            %s
            }
            """.formatted(badgeExtra))
        .java(MigrationSafetyTest.bean("Members", "Service", "import org.springframework.stereotype.Service;", """
                public Member member(long id) {
                    return jdbc.queryForObject("SELECT name FROM member WHERE id = ?",
                        (rs, n) -> new Member(rs.getString(1)), id);
                }

                public void rename(long id, String name) {
                    jdbc.update("UPDATE member SET name = ? WHERE id = ?", name, id);
                }
            """))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class Badges {
                private final Members members;

                public Badges(Members members) {
                    this.members = members;
                }

                public Badge badge(long id) {
                    return new Badge(members.member(id));
                }
            }
            """)
        .plan();
  }

  @Test
  void anObjectKeptInAFieldItsHolderOnlyReadsIsReachedByNoOne() {
    String why = refusal(badges("sealed", "return name;", ""), "member").orElse("cached");
    assertFalse(why.contains("keeps it in field"), why);
    // the true twins: the holder hands the member out; the getter it calls changes the member
    why = refusal(badges("handed", "return name;", """
                public Member getMember() {
                    return member;
                }
            """), "member").orElse("cached");
    assertTrue(why.contains("keeps it in field member"), why);
    why = refusal(badges("counting", "visits++;\n        return name;", ""), "member").orElse("cached");
    assertTrue(why.contains("keeps it in field member"), why);
  }

  // ---- associations an @EntityGraph fetches are loaded with the row (blog-api-spring findWithRolesById:
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
    String why = refusal(roles("fetched", "@EntityGraph(attributePaths = {\"roles\", \"roles.permissions\"})"),
        "findWithRolesById").orElse("cached");
    assertFalse(why.contains("lazy association"), why);
    // the true twins: without the graph the roles are lazy; with the roles alone, their permissions are
    why = refusal(roles("lazy", ""), "findWithRolesById").orElse("cached");
    assertTrue(why.contains("lazy association roles"), why);
    why = refusal(roles("half", "@EntityGraph(attributePaths = \"roles\")"), "findWithRolesById").orElse("cached");
    assertTrue(why.contains("permissions"), why);
  }

  // ---- a method reference runs the overload that takes the element (hotel-booking-service listReviewImages:
  // "toImageSnapshot() calls HotelImage.getImageAssetId() on it", the ReviewImage overload being the one run)

  private static String imageEntity(String name, String reviewUse) {
    return """
        package shop;

        import jakarta.persistence.Entity;
        import jakarta.persistence.FetchType;
        import jakarta.persistence.Id;
        import jakarta.persistence.ManyToOne;

        @Entity
        public class %s {
            @Id
            private Long id;
            private Long reviewId;
            private String url;
            @ManyToOne(fetch = FetchType.LAZY)
            private Asset asset;

            public String getUrl() {
                return url;
            }

            public Asset getAsset() {
                return asset;
            }
        }
        """.formatted(name);
  }

  private MigrationPlan reviewImages(String name, String reviewUse) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Asset {
                @Id
                private Long id;
                private String name;

                public String getName() {
                    return name;
                }
            }
            """)
        .java(imageEntity("HotelImage", ""))
        .java(imageEntity("ReviewImage", ""))
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface ReviewImageRepository extends JpaRepository<ReviewImage, Long> {
                List<ReviewImage> findByReviewId(Long reviewId);
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Reviews {
                private final ReviewImageRepository images;

                public Reviews(ReviewImageRepository images) {
                    this.images = images;
                }

                public List<String> listReviewImages(Long reviewId) {
                    return images.findByReviewId(reviewId).stream().map(this::toSnapshot).toList();
                }

                protected String toSnapshot(HotelImage image) {
                    return image.getAsset().getName();
                }

                protected String toSnapshot(ReviewImage image) {
                    return %s;
                }
            }
            """.formatted(reviewUse))
        .plan();
  }

  @Test
  void aMethodReferenceRunsTheOverloadTakingTheElement() {
    String why = refusal(reviewImages("column", "image.getUrl()"), "findByReviewId").orElse("cached");
    assertFalse(why.contains("lazy association"), why);
    // the true twin: the overload that takes a ReviewImage reads its lazy asset
    why = refusal(reviewImages("lazy", "image.getAsset().getName()"), "findByReviewId").orElse("cached");
    assertTrue(why.contains("lazy association asset"), why);
  }

  // ---- a repository held in a field of a type variable is still that repository (Technic47/Shop_data_model:
  // AbstractService<E, DTO, R extends JpaRepository<E, Long>, M>'s repository.saveAndFlush() went unseen, and
  // ProductService.getOwner() was cached with no eviction)

  private MigrationPlan genericServices(String name, String ownerRead) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.Table;

            @Entity
            @Table(name = "product")
            public class Product {
                @Id
                private Long id;
                private String ownerId;
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;

            public interface ProductRepository extends JpaRepository<Product, Long> {
                @Query(value = "select product.owner_id from product where product.id = :id", nativeQuery = true)
                String getOwnerId(Long id);
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public abstract class AbstractService<E, R extends JpaRepository<E, Long>> {
                protected final R repository;

                protected AbstractService(R repository) {
                    this.repository = repository;
                }

                public E update(E entity) {
                    return repository.saveAndFlush(entity);
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class ProductService extends AbstractService<Product, ProductRepository> {
                protected ProductService(ProductRepository repository) {
                    super(repository);
                }

                public String getOwner(Long id) {
                    return %s;
                }
            }
            """.formatted(ownerRead))
        .plan();
  }

  @Test
  void aRepositoryInAFieldOfATypeVariableWritesItsEntitysTable() {
    MigrationPlan plan = genericServices("generic", "repository.getOwnerId(id)");
    var target = plan.targets().stream().filter(t -> t.method().fact().name().equals("getOwner")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.refusals().toString()));
    // the inherited update() runs in ProductService's bean, whose proxy evicts around it
    assertTrue(target.evictions().stream().anyMatch(e -> e.writer().fact().name().equals("update")),
        "getOwner cached with no eviction by update()");
  }
}
