package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What no two calls, or a call and its caller, share, so that no one changes a cached answer through it: a value
 * sent to Kafka or kept by a response envelope that is only serialised; what a mapper or a load makes (fresh, even
 * where an {@code @AfterMapping} hook changes it); an immutable value (a class of final immutable fields, a sum, a
 * log line, an int the caller keys a map by; one handed to a new object the caller changes); an object kept where
 * its holder only reads it; what a self-call returned, which Spring's proxy never serves from the cache; a list its
 * caller reverses, which changes no element. Their twins stay refused: a result the caller adds to, replaces a map
 * entry of, or hands to a function or an event, and a helper handing back what it was given. Each case's comment
 * names the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review
 * it came from, and its project (a case naming none is from the first audit, a review of 30 refusals on four
 * projects); each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class UnsharedResultsTest extends SpringProjectPlans {
  // ---- a value sent to Kafka is serialised, not shared (fourth audit: GlazyrinAV StatsRepository.updateViews)

  private MigrationPlan sentViews(String name, String field, String send) {
    return spring(name)
        .java(MigrationSafetyTest.bean("ViewStore", "Repository", "import org.springframework.stereotype.Repository;", """
                public java.util.List<String> views() {
                    return jdbc.queryForList("SELECT uri FROM views", String.class);
                }
            """))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class ViewPublisher {
                private final ViewStore store;
                %s

                public ViewPublisher(ViewStore store) {
                    this.store = store;
                }

                public void publish() {
                    %s
                }
            }
            """.formatted(field, send))
        .plan();
  }

  @Test
  void aValueSentToKafkaIsSerialisedNotShared() {
    MigrationPlan kafka = sentViews("kafka",
        "private final org.springframework.kafka.core.KafkaTemplate<String, Object> kafka = null;",
        "kafka.send(\"views\", store.views());");
    assertNotEquals(Optional.of(Proof.RESULT_CHANGED), RefusalIds.proofOf(kafka, "ViewStore", "views"),
        RefusalIds.listing(kafka));
    // the true twin: an application event's listeners run in this process and get the object itself
    MigrationPlan event = sentViews("event",
        "private final org.springframework.context.ApplicationEventPublisher events = null;",
        "events.publishEvent(store.views());");
    Refusal views = RefusalIds.assertProof(Proof.RESULT_CHANGED, event, "ViewStore", "views");
    // the name: no fact carries it yet
    assertTrue(views.reason().contains("to publishEvent()"), views.reason());
  }

  // ---- what a mapper makes is new (fifth audit: basilisk1869 explore-with-me getEvent)

  @Test
  void aSetterOnWhatAMapperMadeChangesNothingShared() {
    MigrationPlan plan = spring("mapped")
        .java("""
            package shop;

            public class EventDto {
                private String title;
                private long views;

                public String getTitle() {
                    return title;
                }

                public void setViews(long views) {
                    this.views = views;
                }
            }
            """)
        .java(MigrationSafetyTest.bean("Events", "Service",
            "import org.modelmapper.ModelMapper;\nimport org.springframework.stereotype.Service;", """
                private final ModelMapper mapper = new ModelMapper();

                public EventDto event(long id) {
                    String title = jdbc.queryForObject("SELECT title FROM events WHERE id = ?", String.class, id);
                    EventDto dto = mapper.map(title, EventDto.class);
                    dto.setViews(0L);
                    return dto;
                }
            """))
        .plan();
    assertNotEquals(Optional.of(Proof.KEY_MISSES_STATE), RefusalIds.proofOf(plan, "Events", "event"),
        RefusalIds.listing(plan));
  }

  // ---- sixth audit: an immutable result handed to a factory whose new object the caller changes stays what it was
  // (nhnacademy bookstore-order-api OrderServiceImpl.getUserNo: "passes the result it gets to ShippingInfo.of(), which
  // returns it, and changes what that returns (setTotalPrice)")

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
    assertNotEquals(Optional.of(Proof.RESULT_CHANGED), RefusalIds.proofOf(number, "Users", "owner"),
        RefusalIds.listing(number));
    // the true twin: a mutable result the new object hands back, then changed
    MigrationPlan list = orders("list", "java.util.List<String>",
        "jdbc.queryForList(\"SELECT role FROM roles WHERE name = ?\", String.class, user)");
    Refusal owner = RefusalIds.assertProof(Proof.RESULT_CHANGED, list, "Users", "owner");
    // setTotal changes the new Order, not the list it holds: the refusal stands on the list kept in its field
    // the name: no fact carries it yet
    assertTrue(owner.reason().contains("keeps it in field owner"), owner.reason());
  }

  // ---- sixth audit: an object kept in a private final field its holder only reads through getters is reached by no
  // one (blog-api-spring findWithRolesById: "SecurityUser.SecurityUser() keeps it in field user, where anyone (data
  // binding included) may change it later")

  private MigrationPlan badges(String name, String memberGetter, String badgeExtra) {
    return badges(name, memberGetter, badgeExtra, "public class Badge {");
  }

  private MigrationPlan badges(String name, String memberGetter, String badgeExtra, String badgeDeclaration) {
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

            BADGE
                private final Member member;

                public Badge(Member member) {
                    this.member = member;
                }

                public String getName() {
                    return member.getName();
                }
            %s
            }
            """.replace("BADGE", badgeDeclaration).formatted(badgeExtra))
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
    MigrationPlan sealed = badges("sealed", "return name;", "");
    assertNotEquals(Optional.of(Proof.RESULT_CHANGED), RefusalIds.proofOf(sealed, "Members", "member"),
        RefusalIds.listing(sealed));
    // the true twins: the holder hands the member out; the getter it calls changes the member
    Refusal member = RefusalIds.assertProof(Proof.RESULT_CHANGED, badges("handed", "return name;", """
                public Member getMember() {
                    return member;
                }
            """), "Members", "member");
    // the name: no fact carries it yet
    assertTrue(member.reason().contains("keeps it in field member"), member.reason());
    member = RefusalIds.assertProof(Proof.RESULT_CHANGED, badges("counting", "visits++;\n        return name;", ""),
        "Members", "member");
    assertTrue(member.reason().contains("keeps it in field member"), member.reason());
  }

  /**
   * A getter Lombok writes hands the kept member out as a written one does: {@code @Getter} or {@code @Data} on the
   * holder, or {@code @Getter} on its field.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"@lombok.Getter\npublic class Badge {",
      "@lombok.Data\npublic class Badge {", "public class Badge {\n    @lombok.Getter"})
  void aFieldLombokWritesAGetterForIsReachedByItsHoldersUsers(String lombok) {
    MigrationPlan plan = badges("lombok" + lombok.length(), "return name;", "", lombok);
    RefusalIds.assertProof(Proof.RESULT_CHANGED, plan, "Members", "member");
  }

  // ---- seventh audit: a MapStruct @AfterMapping hook changes the DTO the mapping just made (esidarapp/bookstore
  // BookServiceImpl.findAll: "changes state shared between calls: BookMapper.setCategories() setCategoryIds")

  private MigrationPlan books(String name, String toDto) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Book {
                @Id
                private Long id;
                private String title;

                public Long getId() {
                    return id;
                }

                public String getTitle() {
                    return title;
                }
            }
            """)
        .java("""
            package shop;

            public class BookDto {
                private String title;
                private Long code;

                public void setTitle(String title) {
                    this.title = title;
                }

                public void setCode(Long code) {
                    this.code = code;
                }
            }
            """)
        .java("""
            package shop;

            import org.mapstruct.AfterMapping;
            import org.mapstruct.Mapper;
            import org.mapstruct.MappingTarget;

            @Mapper(componentModel = "spring")
            public interface BookMapper {
                BookDto toDto(Book book);

                @AfterMapping
                default void setCode(@MappingTarget BookDto dto, Book book) {
                    dto.setCode(book.getId());
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Component;

            @Component
            public class BookMapperImpl implements BookMapper {
                private final BookDto last = new BookDto();

                @Override
                public BookDto toDto(Book book) {
                    %s
                }
            }
            """.formatted(toDto))
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface BookRepository extends JpaRepository<Book, Long> {
                List<Book> findByTitle(String title);
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Books {
                private final BookRepository books;
                private final BookMapper bookMapper;

                public Books(BookRepository books, BookMapper bookMapper) {
                    this.books = books;
                    this.bookMapper = bookMapper;
                }

                public List<BookDto> byTitle(String title) {
                    return books.findByTitle(title).stream().map(bookMapper::toDto).toList();
                }
            }
            """)
        .plan();
  }

  @Test
  void anAfterMappingHookChangesTheDtoTheMappingMade() {
    MigrationPlan fresh = books("fresh", """
                    BookDto dto = new BookDto();
                    dto.setTitle(book.getTitle());
                    setCode(dto, book);
                    return dto;
            """);
    assertNotEquals(Optional.of(Proof.KEY_MISSES_STATE), RefusalIds.proofOf(fresh, "Books", "byTitle"),
        RefusalIds.listing(fresh));
    // the true twin: the mapper changes one DTO it keeps for every call
    RefusalIds.assertProof(Proof.KEY_MISSES_STATE, books("kept", """
                    setCode(last, book);
                    return last;
            """), "Books", "byTitle");
  }

  // ---- eighth audit: rows the method loads, held in a local before they are mapped
  // (cleverjohann/spring-boot-ecommerce ProductoServiceImpl.getActiveProducts: "Producto.getStockStatus() reads field
  // stockQuantity ... of an object shared between calls"; the same code chained was cached)

  @Test
  void rowsHeldInALocalAndMappedAreFreshObjects() {
    MigrationPlan plan = caseProject("audit8", "s6-fresh").plan();
    assertTrue(cached(plan, "ProductService.statuses"), plan.refusals().toString());
    // its true twin: the page is kept in a field, shared between calls
    MigrationPlan shared = caseProject("audit8", "s6-fresh").file("src/main/java/r/ProductService.java", """
        package r;
        import org.springframework.data.domain.*;
        import org.springframework.stereotype.Service;
        @Service public class ProductService {
          private final ProductRepository repo; private Page<Product> last;
          public ProductService(ProductRepository repo){this.repo=repo;}
          public void refresh(int page, int size) { last = repo.findAll(PageRequest.of(page, size)); }
          public Page<String> statuses(int page, int size) {
            Page<Product> products = last;
            return products.map(Product::getStockStatus);
          }
        }
        """).plan();
    assertFalse(cached(shared, "ProductService.statuses"), shared.targets().toString());
  }

  // ---- eighth audit: an immutable class handed to a response wrapper (ravan-chuang/spring-boot-ecommerce-backend
  // ProductService.getAllProducts: "ApiResponse() keeps it in field data, where anyone (data binding included) may
  // change it later"; the same code with a record was cached)

  @Test
  void aClassOfFinalImmutableFieldsIsAValueLikeARecord() {
    MigrationPlan plan = caseProject("audit8", "s1-wrapper").plan();
    assertTrue(cached(plan, "ItemService.get"), plan.refusals().toString());
    // its true twin: the DTO has a setter, and the wrapper is a view's model attribute (not a response body only
    // the serialiser reads, ResponseWrapperTest), so whoever holds the wrapper may change the shared DTO
    MigrationPlan settable = caseProject("audit8", "s1-wrapper").file("src/main/java/r/ItemDto.java", """
        package r;
        public class ItemDto { private String name; public ItemDto(String name){this.name=name;}
          public String getName(){return name;} public void setName(String n){name=n;} }
        """).file("src/main/java/r/ItemController.java", """
        package r;
        import org.springframework.web.bind.annotation.*;
        @org.springframework.stereotype.Controller public class ItemController {
          private final ItemService s; public ItemController(ItemService s){this.s=s;}
          @GetMapping("/items/{id}") public String get(@PathVariable Long id, org.springframework.ui.Model model) {
            model.addAttribute("item", new Wrapper<>(s.get(id))); return "item"; }
        }
        """).plan();
    String refused = refusalStartingWith(settable, "get").orElseThrow(() -> new AssertionError(settable.targets()));
    assertTrue(refused.contains("keeps it in field data"), refused);
  }

  // ---- eighth audit: a sum with reduce (cleverjohann: "changes the result it gets (hands its elements to
  // BigDecimal.ZERO)" and "it writes: it changes what findByStatus() loaded") and a log line on System.out ("reads
  // System.out, a static field of another class, which code anywhere may change")

  @Test
  void aSumOfImmutableValuesAndALogLineChangeNothing() {
    MigrationPlan sum = caseProject("audit8", "s2-reduce").plan();
    assertTrue(cached(sum, "ReportService.total"), sum.refusals().toString());
    MigrationPlan printed = caseProject("audit8", "s14-println").plan();
    assertTrue(cached(printed, "ItemService.name"), printed.refusals().toString());
    // their true twins: a reduce whose accumulator changes the element, a read of another class's static state
    MigrationPlan changing = caseProject("audit8", "s2-reduce").file("src/main/java/r/ReportService.java", """
        package r;
        import java.math.BigDecimal;
        import org.springframework.stereotype.Service;
        @Service public class ReportService {
          private final LineRepository repo; public ReportService(LineRepository repo){this.repo=repo;}
          public Line total(String status) { return repo.findByStatus(status).stream().reduce((a, b) -> { a.setAmount(a.getAmount().add(b.getAmount())); return a; }).orElseThrow(); }
          public void setAmount(Long id, BigDecimal a) { Line l = repo.findById(id).orElseThrow(); l.setAmount(a); repo.save(l); }
        }
        """).plan();
    assertFalse(cached(changing, "ReportService.total"), changing.targets().toString());
    MigrationPlan statics = caseProject("audit8", "s14-println").file("src/main/java/r/Prefix.java", """
        package r;
        public class Prefix { public static String value = ""; public static void set(String v) { value = v; } }
        """).file("src/main/java/r/ItemService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class ItemService {
          private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
          public String name(Long id) { return Prefix.value + repo.findById(id).orElseThrow().getName(); }
          public void rename(Long id, String n) { Item i = repo.findById(id).orElseThrow(); i.setName(n); repo.save(i); }
        }
        """).plan();
    String refused = refusalStartingWith(statics, "name").orElseThrow(() -> new AssertionError(statics.targets()));
    assertTrue(refused.contains("Prefix"), refused);
  }

  // ---- ninth audit: a change made to what a call through 'this' returned (techmart's
  // CategoryServiceImpl.updateCategory: Category c = findCategoryById(id); BeanUtils.copyProperties(request, c)):
  // Spring's proxy never serves a self-call from the cache

  @Test
  void aChangeToWhatASelfCallReturnedIsNoChangeToTheCachedObject() {
    MigrationPlan plan = caseProject("audit9", "s19-selfcall")
        .file("src/main/resources/application.properties", "spring.jpa.open-in-view=false\n").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.find")),
        plan.refusals().toString());
    // its true twins: the setting commented out, or absent (Boot's default), so open in view is on: one persistence
    // context spans the request, and the entity a self-call changes is the instance a later proxied call of the same
    // request caches (hostile review 32, a2b) -- here a handler that renames and then reads (without it, no request
    // runs both, and the read is cached: the sixteenth audit's S29, in TransactionSnapshotReadsTest)
    String renameThenRead = """
        package r;
        import org.springframework.web.bind.annotation.*;
        @RestController public class CatRenamer {
          private final CatService s; public CatRenamer(CatService s){this.s=s;}
          @PostMapping("/cats/{id}/name") public String rename(@PathVariable Long id, @RequestBody String n) {
            s.rename(id, n); return s.find(id).getName();
          }
        }
        """;
    MigrationPlan commented = new MigrationFixture(dir.resolve("s19-commented")).resources("/audit9/s19-selfcall")
        .file("src/main/resources/application.properties", "# spring.jpa.open-in-view=false\n")
        .file("src/main/java/r/CatRenamer.java", renameThenRead).plan();
    assertFalse(commented.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.find")),
        commented.targets().toString());
    MigrationPlan inView = new MigrationFixture(dir.resolve("s19-in-view")).resources("/audit9/s19-selfcall")
        .file("src/main/java/r/CatRenamer.java", renameThenRead).plan();
    assertFalse(inView.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.find")),
        inView.targets().toString());
    // its true twin: another bean, through the proxy, changes what it gets
    MigrationPlan other = new MigrationFixture(dir.resolve("s19-other")).resources("/audit9/s19-selfcall")
        .file("src/main/resources/application.properties", "spring.jpa.open-in-view=false\n")
        .file("src/main/java/r/Renamer.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class Renamer {
          private final CatService cats; public Renamer(CatService cats){this.cats=cats;}
          public void shout(Long id) { Cat c = cats.find(id); c.setName(c.getName().toUpperCase()); }
        }
        """).plan();
    Refusal find = RefusalIds.assertProof(Proof.RESULT_CHANGED, other, "CatService", "find");
    // the name: no fact carries it yet
    assertTrue(find.reason().contains("Renamer.shout() changes"), find.reason());
  }

  // ---- tenth audit: s7: a response envelope with a second one-argument constructor taking an enum (Kim-Ji-Seop's
  // BaseResponse: 22 refusals "keeps it in field result, where anyone may change it later"); s6 stood behind it

  @Test
  void anEnvelopeWhoseOtherConstructorTakesAnEnumIsOnlySerialised() {
    MigrationPlan plan = caseProject("audit10", "s7-response-wrapper").plan();
    assertTrue(cached(plan, "CityService.cities"), reasons(plan).toString());
    MigrationPlan derived = caseProject("audit10", "s6-derived-value").plan();
    assertTrue(cached(derived, "UserDao.info"), reasons(derived).toString());
  }

  @Test
  void anEnvelopeWhoseOtherConstructorMayTakeTheResultStillRefuses() {
    // its true twin: the other one-argument constructor takes any collection and empties it
    MigrationPlan plan = caseProject("audit10", "s7-response-wrapper", "s7-twin").file("src/main/java/r/Status.java", """
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

  // ---- tenth audit: s5: an int read from the result, put into the method's own map as a key beside lists it changes

  @Test
  void anIntResultIsNotChangedByAnAddOnTheMapItKeys() {
    MigrationPlan plan = caseProject("audit10", "s5-add-elsewhere").plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("changes the result it gets (add)")), reasons(plan).toString());
    assertTrue(cached(plan, "TeamDao.teamOf"), reasons(plan).toString());
  }

  @Test
  void aListResultTheCallerAddsToStillRefuses() {
    // its true twin: the result is a list, and the caller adds to it
    MigrationPlan plan = caseProject("audit10", "s5-add-elsewhere", "s5-twin").file("src/main/java/r/Roster.java", """
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

  /**
   * Twelfth audit, s11: a map the constructor keeps in a private final field and only reads with get() is changed by
   * nobody (the reason said "anyone may change it"); a user made part of a login's credentials is refused for that.
   */
  @Test
  void aContainerOnlyReadInPlaceIsNoSharedChange() {
    MigrationPlan plan = casePlan("audit12", "s11");
    assertFalse(reason(plan, "findAllStatuses").contains("may change it"), reason(plan, "findAllStatuses"));
    assertTrue(reason(plan, "getByEmail").contains("credentials"), reason(plan, "getByEmail"));
  }

  /**
   * Sixteenth audit, S30: a category put in a new list its caller reverses is no category changed; the list itself is
   * the result that caller changes, so caching the list stays refused for that true reason.
   */
  @Test
  void reversingAListDoesNotChangeWhatItHolds() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s30")).resources("/audit16/s30").plan();
    assertNotEquals(Optional.of(Proof.RESULT_CHANGED), RefusalIds.proofOf(plan, "CategoryService", "getCategoryById"),
        RefusalIds.listing(plan));
    Refusal upper = RefusalIds.assertProof(Proof.RESULT_CHANGED, plan, "CategoryService", "getAllUpperCategoriesById");
    // the name: no fact carries it yet
    assertTrue(upper.reason().contains("Collections.reverse"), upper.reason());
  }

  /**
   * Sixteenth audit, what the S10f change exposed: a helper returning what it is handed ({@code map(same::same)},
   * {@code same.sameList(rows)}, {@code same.same(items.get(0)).setName(..)} in a callee) hands back the cached rows,
   * which a caller then changes; each was cached before (the direct ones already before S10f's change).
   */
  @Test
  void aHelperReturningWhatItGetsHandsTheResultBack() {
    for (String project : java.util.List.of("helperref", "helperdirect", "helpercallee")) {
      MigrationPlan plan = new MigrationFixture(dir.resolve(project)).resources("/audit16/" + project).plan();
      assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().displayName().equals("ItemDao.all")),
          project + ": " + plan.targets());
      Refusal all = RefusalIds.assertProof(Proof.RESULT_CHANGED, plan, "ItemDao", "all");
      // the name: no fact carries it yet
      assertTrue(all.reason().contains("Same.same"), project + ": " + all.reason());
    }
  }

  // From the hostile review of issue 23's relaxed proofs (its case e3, as the reviewer wrote it).
  @Test
  void aCachedResultHandedToAFunctionOrAnEventIsRefused() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("e3"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework.data</groupId><artifactId>spring-data-jpa</artifactId><version>2.7.18</version></dependency><dependency><groupId>jakarta.persistence</groupId><artifactId>jakarta.persistence-api</artifactId><version>3.2.0</version></dependency><dependency><groupId>org.springframework</groupId><artifactId>spring-webmvc</artifactId><version>5.3.39</version></dependency>
              </dependencies>
            </project>
            """)
        .file("src/main/java/shop/Owner.java", """
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Owner {
                @Id
                private Integer id;
                private String name;

                public Integer getId() {
                    return id;
                }

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }
            }
            """)
        .file("src/main/java/shop/OwnerController.java", """
            package shop;

            import java.util.function.Consumer;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class OwnerController {
                private final OwnerService service;
                private final OwnerEditor editor;
                private final org.springframework.context.ApplicationEventPublisher events = null;
                private final Consumer<Owner> hook = o -> o.setName(o.getName() + "!");

                public OwnerController(OwnerService service, OwnerEditor editor) {
                    this.service = service;
                    this.editor = editor;
                }

                @GetMapping("/1/{id}")
                public String shout(@PathVariable int id) {
                    Owner owner = service.find1(id);
                    editor.edit(owner);
                    return owner.getName();
                }

                @GetMapping("/2/{id}")
                public String bang(@PathVariable int id) {
                    Owner owner = service.find2(id);
                    hook.accept(owner);
                    return owner.getName();
                }

                @GetMapping("/3/{id}")
                public String ref(@PathVariable int id) {
                    Owner owner = service.find3(id);
                    java.util.Optional.of(owner).ifPresent(this::mark);
                    return owner.getName();
                }

                @GetMapping("/4/{id}")
                public String event(@PathVariable int id) {
                    Owner owner = service.find4(id);
                    events.publishEvent(owner);
                    return owner.getName();
                }

                private void mark(Owner owner) {
                    owner.setName("*" + owner.getName());
                }
            }
            """)
        .file("src/main/java/shop/OwnerEditor.java", """
            package shop;

            public interface OwnerEditor {
                void edit(Owner owner);
            }
            """)
        .file("src/main/java/shop/OwnerRepository.java", """
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OwnerRepository extends JpaRepository<Owner, Integer> {
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

                public Owner find1(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find2(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find3(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find4(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find5(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find6(int id) {
                    return owners.findById(id).orElseThrow();
                }

                public Owner find7(int id) {
                    return owners.findById(id).orElseThrow();
                }
            }
            """)
        .file("src/main/java/shop/PlainEditor.java", """
            package shop;

            public class PlainEditor implements OwnerEditor {
                @Override
                public void edit(Owner owner) {
                }
            }
            """)
        .file("src/main/java/shop/Stats.java", """
            package shop;

            import org.springframework.context.event.EventListener;
            import org.springframework.stereotype.Component;

            @Component
            public class Stats {
                @EventListener
                public void seen(Owner owner) {
                    owner.setName(owner.getName() + " (seen)");
                }
            }
            """)
        .file("src/main/java/shop/UpperEditor.java", """
            package shop;

            import org.springframework.stereotype.Component;

            @Component
            public class UpperEditor implements OwnerEditor {
                @Override
                public void edit(Owner owner) {
                    owner.setName(owner.getName().toUpperCase());
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
    assertTrue(refusal(plan, "OwnerService", "find2").contains("hands the result it gets to accept()"),
        refusal(plan, "OwnerService", "find2"));
    assertTrue(refusal(plan, "OwnerService", "find4").contains("hands the result it gets to publishEvent()"),
        refusal(plan, "OwnerService", "find4"));
  }

  // From the hostile review of issue 23's relaxed proofs (its case v1, as the reviewer wrote it).
  @Test
  void aMapsReplaceIsAChangeEvenWithALiteralKey() throws Exception {
    MigrationPlan plan = new MigrationFixture(dir.resolve("v1"))
        .file("pom.xml", """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>h</groupId><artifactId>h</artifactId><version>1</version>
              <properties><maven.compiler.release>17</maven.compiler.release></properties>
              <dependencies>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>6.2.12</version></dependency>
                <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>6.2.12</version></dependency>

              <dependency><groupId>org.springframework</groupId><artifactId>spring-web</artifactId><version>6.2.12</version></dependency></dependencies>
            </project>
            """)
        .file("src/main/java/shop/ModeService.java", """
            package shop;

            import java.util.Map;


            @org.springframework.web.bind.annotation.RestController
            public class ModeService {
                private final SettingsDao dao;

                public ModeService(SettingsDao dao) {
                    this.dao = dao;
                }

                /** Previews maintenance mode: returns the mode it would replace. */
                @org.springframework.web.bind.annotation.GetMapping("/preview")
                public String preview(String tenant) {
                    Map<String, String> settings = dao.settings(tenant);
                    String previous = settings.replace("mode", "maintenance");
                    return previous + " -> " + settings.get("mode");
                }
            }
            """)
        .file("src/main/java/shop/SettingsDao.java", """
            package shop;

            import java.util.HashMap;
            import java.util.Map;
            import org.springframework.jdbc.core.JdbcTemplate;
            import org.springframework.stereotype.Repository;

            @Repository
            public class SettingsDao {
                private final JdbcTemplate jdbc;

                public SettingsDao(JdbcTemplate jdbc) {
                    this.jdbc = jdbc;
                }

                public Map<String, String> settings(String tenant) {
                    Map<String, String> all = new HashMap<>();
                    jdbc.query("SELECT k, v FROM settings WHERE tenant = ?", rs -> {
                        all.put(rs.getString(1), rs.getString(2));
                    }, tenant);
                    return all;
                }
            }
            """)
        .plan();
    assertTrue(refusal(plan, "SettingsDao", "settings").contains("changes the result it gets (replace)"),
        refusal(plan, "SettingsDao", "settings"));
  }

  /**
   * Hostile review 36, an access-ordered LinkedHashMap kept in a sealed field: each get() reorders the cached map
   * (m1d); a holder's constructor changing the map it got from the service its parameter is (m2p), or keeping it and
   * changing an element later (m2q).
   */
  @ParameterizedTest
  @ValueSource(strings = {"m1d", "m2p", "m2q"})
  void aContainerChangedByItsHolderIsChanged(String attack) {
    MigrationPlan plan = casePlan("hostile36", attack);
    assertFalse(cached(plan, "IdService.ids") || cached(plan, "IdService.tallies"), plan.targets().toString());
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), a mapper held in a field that returns the element
   * itself (d2), a part of it (d1c), or hands it to a writer (d11b; d11c: the writer calls it directly, {@code
   * mapper.same(rows.get(0)).setTitle(t)}, whose write JPA's flush makes was not seen, and the writer itself was
   * cached).
   */
  @ParameterizedTest
  @ValueSource(strings = {"d2", "d1c", "d11b", "d11c"})
  void aMapperReturningTheElementKeepsItTheEntity(String attack) {
    MigrationPlan plan = casePlan("attacks28", attack);
    assertFalse(target(plan, "BookRepository.findByTitle").isPresent(), plan.targets().toString());
    target(plan, "Books.byTitle").ifPresent(target -> assertTrue(target.evictions().stream()
        .anyMatch(e -> e.writer().fact().name().equals("retitle")), "Books.byTitle not evicted by retitle()"));
  }

  /**
   * A response body whose kept result project code reaches: a getter named otherwise (k1), a method reference to it
   * (k1c), a public or package-private field (k2, k13), a superclass holding it (k4), a constructor sorting it (k6),
   * a body advice reading it by reflection (k11), a record, a {@code this(...)} chain or Lombok's getter (k8b,
   * k21b, k23e); each case's advice or handler changed the cached rows.
   * (From hostile review 31, cases k1 to k23e.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"k1", "k1c", "k2", "k4", "k6", "k11", "k13", "k8b", "k21b", "k23e"})
  void aBodyProjectCodeReachesIsNotSharedFromACache(String attack) {
    MigrationPlan plan = casePlan("hostile31", attack);
    assertFalse(cached(plan, "ProductCatalog.list"), plan.targets().toString());
  }

  /**
   * The review's false refusals: the wrapper made by its static factory ({@code ApiResponse.ok(list)}, k9) and a
   * mapping declared on the interface the controller implements (the openapi-generator style, k20) are bodies too,
   * as is the review's control, a wrapper made by its constructor (k0).
   * (From hostile review 31, cases k0, k9 and k20.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"k0", "k9", "k20"})
  void aFactoryMadeWrapperAndAnInterfaceMappingServeTheBody(String attack) {
    MigrationPlan plan = casePlan("hostile31", attack);
    assertTrue(cached(plan, "ProductCatalog.list"), plan.refusals().toString());
  }

  /**
   * A response wrapper's subclass keeps the result through {@code super(200, "ok", rows)} and its overriding getter
   * sorts it: the serialiser's read changes the cached list (f9: {@code /admin/owners} answered {@code amy,zed,}
   * instead of {@code zed,amy,} after one {@code /products}).
   * (From hostile review 32, case f9.)
   */
  @Test
  void aWrapperSubclassWhoseGetterChangesTheValueRefuses() {
    MigrationPlan plan = casePlan("hostile32", "f9");
    assertFalse(cached(plan, "ProductCatalog.list"), plan.targets().toString());
  }

  /**
   * A {@code DateTimeFormatterBuilder} is no immutable java.time value: its caller appends to the cached one.
   * (From hostile review 33, case a5.)
   */
  @Test
  void aJavaTimeBuilderIsNoValue() {
    MigrationPlan plan = casePlan("hostile33", "a5");
    assertFalse(cached(plan, "FormatDao.dateFormat"), plan.targets().toString());
  }

  /** An enum whose field the read sets (k1), a String[] result (k2). (From hostile review 34, cases k1, k2.) */
  @Test
  void stateThatLooksImmutableRefuses() {
    assertFalse(cached(casePlan("hostile34", "k1"), "PlanDao.load"));
    assertFalse(cached(casePlan("hostile34", "k2"), "ShopDao.names"));
  }

  /**
   * A holder changing the map it got through Objects.requireNonNull(service) (v1) or an ObjectProvider (v3).
   * (From hostile review 37, cases v1, v3.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"v1", "v3"})
  void aCollaboratorsAnswerChangedByItsHolderIsRefused(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "IdService.tallies"), plan.targets().toString());
  }

  /**
   * c3: a MapStruct interface mapper whose implementation a build generates copies the pet's Owner into the DTO, and
   * the handler renames that owner; c1b: the cached rows are value-only DTOs themselves, handed through {@code
   * map(Objects::requireNonNull)} to a handler that renames them. The controls, refused before too: c3b the same mapper
   * written by hand, c1 {@code toMap(PetDto::getId, Function.identity())}.
   * (From hostile review 42, cases c3, c1b, c3b, c1.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"c3", "c1b", "c3b", "c1"})
  void aMapperOrFunctionMayHandBackWhatTheRowsHold(String attack) {
    MigrationPlan plan = caseProject("hostile42", "jdbc-base", attack).resources("/hostile42/" + attack).plan();
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
  }

  /**
   * c4, c4b: Lombok's fluent setters ({@code @Accessors(fluent = true)}), on the field or on the class, in a list.
   * (From hostile review 42, cases c4, c4b.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"c4", "c4b"})
  void lombokFluentSettersChangeTheResult(String attack) {
    MigrationPlan plan = caseProject("hostile42", "jdbc-base", attack).resources("/hostile42/" + attack).plan();
    assertFalse(cached(plan, "PetDao.all"), plan.targets().toString());
    assertFalse(cached(plan, "PetDao.one"), plan.targets().toString());
  }

  /**
   * A holder's own method renaming the pets it holds (h3); a badge field declared abstract holding the cached pets'
   * own StarBadges (h2); a MapStruct expression sharing the pet's String[] tags (h1b). (From hostile review 43, cases
   * h3, h2, h1b.)
   */
  @ParameterizedTest
  @CsvSource({"h3, PetDao.one", "h2, PetDao.all", "h1b, PetDao.all"})
  void whatAHolderOrMapperKeepsOfTheRowsIsShared(String attack, String read) {
    MigrationPlan plan = casePlan("hostile43", attack);
    assertFalse(cached(plan, read), attack + ": " + plan.targets());
  }

  /**
   * U1, U2: a field updater's {@code set(user, "")} and a method handle's {@code invokeWithArguments(user, "")}.
   * (From hostile review 50, its U1 and U2.)
   */
  @Test
  void aFieldUpdaterOrAMethodHandleWritingTheResultChangesIt() {
    MigrationPlan plan = casePlan("hostile50", "updater");
    assertFalse(cached(plan, "UserRepository.findByEmail"), plan.targets().toString());
  }

  /**
   * J1: the project's own Jackson serializer changes the value it writes (over trial 48's envelope shop).
   * (From hostile review 50, its J1.)
   */
  @Test
  void aSerializerChangingWhatItWritesIsMoreThanTheSerialiser() {
    MigrationPlan plan = caseProject("reasons48", "responsewrapper", "jsonser")
        .resources("/hostile50/jsonser").plan();
    assertFalse(cached(plan, "ProductService.byId"), plan.targets().toString());
    // RESULT_CHANGED is any change of the result; that the serializer makes it only the words say
    Refusal byId = RefusalIds.assertProof(Proof.RESULT_CHANGED, plan, "ProductService", "byId");
    // the name: no fact carries it yet
    assertTrue(byId.reason().contains("Jackson serializer ProductDtoJson"), byId.reason());
  }

  /**
   * A serializer that only reads what it writes, copying its fields into a map of its own: the map's put is a
   * HashMap's, not the project's method of that name. A trial's serializer of error bodies alone, read so, was taken
   * for one changing every body, and every read a handler returned was refused.
   */
  @Test
  void aSerializerOnlyReadingWhatItWritesIsTheSerialiser() {
    MigrationPlan plan = caseProject("reasons48", "responsewrapper", "jsonread")
        .file("src/main/java/demo/ProductDtoJson.java", """
            package demo;
            import com.fasterxml.jackson.core.JsonGenerator;
            import com.fasterxml.jackson.databind.JsonSerializer;
            import com.fasterxml.jackson.databind.SerializerProvider;
            import java.io.IOException;
            import java.util.HashMap;
            import java.util.Map;
            import org.springframework.boot.jackson.JsonComponent;
            @JsonComponent
            public class ProductDtoJson extends JsonSerializer<ProductDto> {
              @Override
              public void serialize(ProductDto value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                Map<String, Object> json = new HashMap<>();
                json.put("name", value.name());
                json.put("tags", value.tags());
                gen.writeObject(json);
              }
            }
            """)
        .file("src/main/java/demo/Registry.java", """
            package demo;
            public class Registry {
              public void put(String key, Object value) {
              }
            }
            """)
        .plan();
    assertTrue(cached(plan, "ProductService.byId"), plan.targets() + " " + plan.refusals());
  }

  /**
   * F2 (ELglaly's shop): {@code ResponseEntity.ok(new ApiResponse(result, "found"))} hands the envelope to Spring
   * for the body; the envelope's {@code setData} stores and reads nothing, and no project code reads the result back
   * out of it. The twin's handler takes the product back out with {@code getData()} and empties its tags.
   * (From trial 48's false reasons, F2.)
   */
  @Test
  void aResultInAnEnvelopeHandedToResponseEntityIsOnlySerialised() {
    MigrationPlan plan = caseProject("reasons48", "responsewrapper", "wrapper").plan();
    assertTrue(cached(plan, "ProductService.byId"), plan.targets() + " " + plan.refusals());

    MigrationPlan twin = caseProject("reasons48", "responsewrapper", "read")
        .resources("/reasons48/responsewrapperread").plan();
    assertFalse(cached(twin, "ProductService.byId"), twin.targets().toString());
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("byId")),
        twin.refusals().toString());
  }

}
