package dev.optkit.rewriters;

import dev.optkit.analyzers.proof.Proof;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which code a call runs: the overload of a Spring Data query method, a repository's default method (and the
 * queries it runs), the one bean a {@code @Qualifier} field is wired to, the getter Lombok writes rather than
 * another class's method of that name (also as a method reference, read as the lambda beside it), the production
 * class rather than a test's double of its interface, the overload a method reference's element takes, each row a
 * bound method reference is mapped over, the method of the result's own type rather than another of that name, a
 * project helper called through a static import, and a call from a local class. Each case's comment names the audit
 * of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review it came from, and
 * its project (a case naming none is from the first audit, a review of 30 refusals on four projects); each stands
 * beside a true twin, or a control: the code the reason names must do what it says.
 */
class CallTargetResolutionTest extends SpringProjectPlans {
  // ---- an overload of a Spring Data query method is another query (petclinic-rest findByLastName)

  @Test
  void theCachedCallerOfASpringDataQueryMethodIsTheOneCallingThatOverload() {
    String store = """
        package shop;

        import java.util.List;
        import org.springframework.data.domain.Pageable;
        import org.springframework.data.repository.Repository;

        public interface NameStore extends Repository<Visit, Integer> {
            List<String> findNamesByKind(String kind);

            List<String> findNamesByKind(String kind, Pageable page);
        }
        """;
    String service = """
        package shop;

        import java.util.List;
        import org.springframework.data.domain.PageRequest;
        import org.springframework.stereotype.Service;

        @Service
        public class Names {
            private final NameStore store;

            public Names(NameStore store) {
                this.store = store;
            }

            public List<String> firstTen(String kind) {
                return List.copyOf(store.findNamesByKind(kind, PageRequest.of(0, 10)));
            }

            public List<String> all(String kind) {
                return List.copyOf(store.findNamesByKind(kind));
            }
        }
        """;
    MigrationPlan plan = spring("overloads").java(PreciseProofsTest.VISIT).java(store).java(service).plan();
    String single = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().equals("findNamesByKind(String)"))
        .map(Refusal::reason).findFirst().orElse("cached");
    assertFalse(single.contains("Names.firstTen()"), single);
    assertTrue(single.contains("called by Names.all()"), single);
    // through a project interface the Spring Data one implements (petclinic-rest's OwnerRepository)
    String repository = """
        package shop;

        import java.util.List;
        import org.springframework.data.domain.Pageable;

        public interface NameRepository {
            List<String> findNamesByKind(String kind);

            List<String> findNamesByKind(String kind, Pageable page);
        }
        """;
    MigrationPlan through = spring("through").java(PreciseProofsTest.VISIT).java(repository)
        .java(store.replace("extends Repository<Visit, Integer>", "extends NameRepository, Repository<Visit, Integer>"))
        .java(service.replace("NameStore", "NameRepository")).plan();
    String implemented = through.refusals().stream()
        .filter(r -> r.finding().enclosingClass().endsWith("NameStore")
            && r.finding().enclosingMethod().equals("findNamesByKind(String)"))
        .map(Refusal::reason).findFirst().orElse("cached");
    assertTrue(implemented.contains("called by Names.all()"), implemented);
  }

  // ---- a repository's default method (fourth audit: jhipster findOneWithEagerRelationships)

  @Test
  void aRepositoryDefaultMethodIsToldApartFromAnInterfaceWithoutACache() {
    MigrationPlan plan = spring("default")
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Account {
                @Id
                private Long id;
                private String name;

                public Long getId() {
                    return id;
                }

                public String getName() {
                    return name;
                }
            }
            """)
        .java("""
            package shop;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;
            import org.springframework.data.repository.query.Param;

            public interface AccountRepository extends JpaRepository<Account, Long> {
                default Optional<Account> findOneWithEagerRelationships(Long id) {
                    return this.findOneWithToOneRelationships(id);
                }

                @Query("select a from Account a where a.id = :id")
                Optional<Account> findOneWithToOneRelationships(@Param("id") Long id);
            }
            """)
        .java("""
            package shop;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class AccountResource {
                private final AccountRepository accounts;

                public AccountResource(AccountRepository accounts) {
                    this.accounts = accounts;
                }

                @GetMapping("/accounts/{id}")
                public String get(@PathVariable Long id) {
                    return accounts.findOneWithEagerRelationships(id).map(Account::getName).orElse("none");
                }
            }
            """)
        .plan();
    String why = refusal(plan, "findOneWithEagerRelationships").orElse("cached");
    assertTrue(why.startsWith("a default method of the repository interface AccountRepository"), why);
    assertFalse(why.contains("caches need a class"), why);
  }

  // ---- a field wired by @Qualifier runs one implementation (fourth audit: A-Cherm java-filmorate FilmService)

  private MigrationPlan films(String name, String parameter) {
    return films(name, parameter, "");
  }

  private MigrationPlan films(String name, String parameter, String inMemoryQualifier) {
    return spring(name)
        .java("""
            package shop;

            public interface FilmStorage {
                String title(int id);
            }
            """)
        .java("""
            package shop;

            import java.util.HashMap;
            import java.util.Map;
            import org.springframework.stereotype.Component;

            @Component
            %s
            public class InMemoryFilmStorage implements FilmStorage {
                private final Map<Integer, String> films = new HashMap<>();

                public String title(int id) {
                    return films.get(id);
                }

                public void put(int id, String title) {
                    films.put(id, title);
                }
            }
            """.formatted(inMemoryQualifier.isEmpty() ? "" : "@org.springframework.beans.factory.annotation."
                + inMemoryQualifier.substring(1)))
        .java(MigrationSafetyTest.bean("FilmDbStorage", "Component", "import org.springframework.stereotype.Component;", """
                public String title(int id) {
                    return jdbc.queryForObject("SELECT title FROM films WHERE id = ?", String.class, id);
                }
            """).replace("public class FilmDbStorage {", "public class FilmDbStorage implements FilmStorage {"))
        .java("""
            package shop;

            import org.springframework.beans.factory.annotation.Qualifier;
            import org.springframework.stereotype.Service;

            @Service
            public class FilmService {
                private final FilmStorage storage;

                public FilmService(%s FilmStorage storage) {
                    this.storage = storage;
                }

                public String title(int id) {
                    return storage.title(id);
                }
            }
            """.formatted(parameter))
        .plan();
  }

  @Test
  void aFieldWiredByQualifierRunsThatBeansClassOnly() {
    MigrationPlan wired = films("wired", "@Qualifier(\"filmDbStorage\")");
    assertTrue(cached(wired, "FilmService.title"), wired.refusals().toString());
    // the in-memory class qualified with that name too: Spring's candidates are both, and so are optkit's
    MigrationPlan twice = films("twice", "@Qualifier(\"filmDbStorage\")", "@Qualifier(\"filmDbStorage\")");
    assertFalse(cached(twice, "FilmService.title"), twice.targets().toString());
    // the true twin: unqualified, either implementation may be the one injected
    MigrationPlan either = films("either", "");
    String why = either.refusals().stream().filter(r -> r.finding().enclosingMethod().equals("FilmService.title(int)")
        || r.finding().enclosingMethod().startsWith("title(")).map(Refusal::reason)
        .filter(r -> r.contains("InMemoryFilmStorage")).findFirst().orElse("not refused for InMemoryFilmStorage: "
            + either.refusals());
    assertTrue(why.contains("InMemoryFilmStorage.title() reads field films"), why);
  }

  // ---- sixth audit: a getter Lombok writes is not another class's method of that name (hotel-booking-service
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
    String why = refusalStartingWith(lombok, "findByHotelId").orElse("cached");
    assertFalse(why.contains("Picture.getHotelId()"), why);
    // the true twin: the entity's own getter reads its lazy association
    MigrationPlan own = stocks("own", """
                public Long getHotelId() {
                    return hotel.getId() + 0;
                }
            """);
    why = refusalStartingWith(own, "findByHotelId").orElse("cached");
    assertTrue(why.contains("Stock.getHotelId()") && why.contains("lazy association hotel"), why);
  }

  // ---- sixth audit: a test's double of an interface never runs in production (vsnamta bookstore OrderService.findOne:
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
    String why = refusalStartingWith(test, "greet").orElse("cached");
    assertFalse(why.contains("MemoryMembers"), why);
    // the true twin: the same class in production code may be the one wired
    MigrationPlan main = members("main", "src/main/java/shop/MemoryMembers.java");
    why = refusalStartingWith(main, "greet").orElse("cached");
    assertTrue(why.contains("MemoryMembers"), why);
  }

  // ---- sixth audit: a bound method reference mapped over loaded rows gets each row (hotel-booking-service
  // listHotelImages: "Image.getUuid() reads field id ... of an object shared between calls" for a row the read just
  // loaded)

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
    String why = refusalStartingWith(rows, "snapshots").orElse("cached");
    assertFalse(why.contains("shared between calls"), why);
    // the true twin: a function held in a local may be handed anything, and gets what optkit cannot tell
    MigrationPlan held = snapshots("held", "java.util.function.Function<Picture, String> f = this::snapshot;\n"
        + "        return rows.stream().map(f).toList();");
    why = refusalStartingWith(held, "snapshots").orElse("cached");
    assertTrue(why.contains("shared between calls"), why);
  }

  // ---- sixth audit: a method reference runs the overload that takes the element (hotel-booking-service
  // listReviewImages: "toImageSnapshot() calls HotelImage.getImageAssetId() on it", the ReviewImage overload being the
  // one run)

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
    String why = refusalStartingWith(reviewImages("column", "image.getUrl()"), "findByReviewId").orElse("cached");
    assertFalse(why.contains("lazy association"), why);
    // the true twin: the overload that takes a ReviewImage reads its lazy asset
    why = refusalStartingWith(reviewImages("lazy", "image.getAsset().getName()"), "findByReviewId").orElse("cached");
    assertTrue(why.contains("lazy association asset"), why);
  }

  // ---- seventh audit: two methods of one name on different receivers in one caller (genesshoan/cinema-rest-api #16:
  // "RoomService.getEntityById: ... Movie.addShowtime(), which changes it", for `var room = ...; room.addShowtime(s)`)

  @Test
  void aCallOnTheResultRunsItsOwnTypesMethodNotAnotherOfTheSameName() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("samename")).resources("/reasons30/samename").plan();
    Optional<String> room = refusalStartingWith(plan, "getEntityById").filter(r -> false);
    for (Refusal refusal : plan.refusals()) {
      if (refusal.finding().enclosingClass().endsWith("RoomService")) {
        room = Optional.of(refusal.reason());
      }
    }
    assertFalse(room.isPresent() && room.get().contains("Movie.addShowtime"), room.toString());
    // its true twin: the movie's own addShowtime changes the movie
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingClass().endsWith("MovieService")
        && r.reason().contains("Movie.addShowtime(), which changes it")), plan.refusals().toString());
  }

  // ---- eleventh audit: s10c: a project helper called through import static r.Checks.*, read as a call optkit cannot
  // see into

  @Test
  void aStaticallyImportedHelperIsFollowed() {
    MigrationPlan plan = caseProject("audit11", "s10c-static-helper", "s10c").plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("notFound(), which optkit cannot see into")),
        reasons(plan).toString());
    // its true twin: the imported helper changes what it gets
    MigrationPlan changes = caseProject("audit11", "s10c-static-helper", "s10c-twin").file("src/main/java/r/Checks.java", """
        package r;
        public final class Checks {
            private Checks() {}
            public static Restaurant notFound(Restaurant object, int id) { object.setName(object.getName().trim()); return object; }
        }
        """).plan();
    assertTrue(reasons(changes).stream().anyMatch(r -> r.contains("setName")), reasons(changes).toString());
  }

  /**
   * Thirteenth audit, s14: Category::getId, a getter Lombok writes for the interface it implements, is read as the
   * lambda beside it.
   */
  @Test
  void aGetterReferenceIsAGetter() {
    MigrationPlan plan = casePlan("audit13", "s14");
    assertFalse(reason(plan, "categoryIdsByItem()").contains("no implementation"), reason(plan, "categoryIdsByItem()"));
  }

  /**
   * Sixteenth audit, U1: a repository's default method groups what an @Query reading {@code current_date} answers; the
   * service calling it was cached (today's menu served after midnight), the default method taken for a query of its
   * own.
   */
  @Test
  void aRepositorysDefaultMethodIsFollowedToTheQueriesItRuns() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("u1")).resources("/audit16/u1").plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("MenuService.todaysMenu")),
        plan.targets().toString());
    assertTrue(plan.notCacheable().stream().anyMatch(r -> r.method().equals("MenuService.todaysMenu()")
        && r.reason().proof() == Proof.KEY_MISSES_STATE && r.reason().text().contains("CURRENT_DATE")),
        plan.notCacheable().toString());
  }

  /**
   * Hostile review 36, a local class inside an anonymous class whose own method changes the result (e1, e2), a local
   * record calling the enclosing class's static method (e3), a local class extending a base without the method (e8).
   */
  @ParameterizedTest
  @ValueSource(strings = {"e1", "e2", "e3", "e8"})
  void aCallFromALocalClassIsFollowedOrRefused(String attack) {
    MigrationPlan plan = casePlan("hostile36", attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }

  /**
   * A record whose compact constructor changes what it is given, local (k2) or top-level (k4); a local class with a
   * JDK supertype calling the enclosing class's mutating method (k5: Serializable, k6: ArrayList).
   * (From hostile review 37, cases k2, k4, k5, k6.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"k2", "k4", "k5", "k6"})
  void aChangeInCodeAroundTheCallIsFollowedOrRefused(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "CatService.find"), plan.targets().toString());
  }
}
