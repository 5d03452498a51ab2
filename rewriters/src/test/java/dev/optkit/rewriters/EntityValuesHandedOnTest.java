package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A value read off an entity and handed on (an entity or its id to a Spring Data query method, a column value to a
 * library call, a Lombok builder or setter, or a DTO's constructor copying the columns, a lazy to-one's id read off
 * its proxy, through a local or by the entity's own method) is no association handed to code optkit cannot see
 * into. Each case's comment names the audit of optkit's refusal reasons on public projects (2026-11-25 on), the
 * trial or the hostile review it came from, and its project (a case naming none is from the first audit, a review
 * of 30 refusals on four projects); each stands beside a true twin, or a control: the code the reason names must do
 * what it says.
 */
class EntityValuesHandedOnTest extends SpringProjectPlans {
  // ---- a value read from an entity handed to a Spring Data query method (eladmin findByPidOrderByMenuSort)

  private static final String VISIT_STORE = """
      package shop;

      import org.springframework.data.repository.CrudRepository;

      public interface VisitStore extends CrudRepository<Visit, Integer> {
          long countByOwnerId(Integer ownerId);

          long countByOwner(Owner owner);

          void deleteByOwner(Owner owner);
      }
      """;

  private MigrationFixture owners(String name, String useOfEach) {
    String controller = PreciseProofsTest.ownerController("", useOfEach)
        .replace("private final OwnerMapper mapper;", "private final OwnerMapper mapper;\n    private final VisitStore visits = null;");
    return spring(name).java(PreciseProofsTest.OWNER).java(PreciseProofsTest.VISIT).java(PreciseProofsTest.OWNER_REPOSITORY)
        .java(controller).java(PreciseProofsTest.OWNER_MAPPER).java(VISIT_STORE);
  }

  @Test
  void anEntityOrItsIdHandedToASpringDataQueryMethodIsALibraryReadNotAMissingBuild() {
    MigrationPlan byId = owners("by-id", "names.add(owner.getName() + visits.countByOwnerId(owner.getId()));").plan();
    assertFalse(refusal(byId, "findAll").orElse("cached").contains("build the project first"),
        refusal(byId, "findAll").orElse(""));
    assertTrue(cached(byId, "OwnerRepository.findAll"), byId.refusals().toString());
    MigrationPlan byEntity = owners("by-entity", "names.add(owner.getName() + visits.countByOwner(owner));").plan();
    assertTrue(cached(byEntity, "OwnerRepository.findAll"), byEntity.refusals().toString());
    // the true twin: a derived delete writes with it
    MigrationPlan deletes = owners("deletes", "visits.deleteByOwner(owner);\n                    names.add(owner.getName());")
        .plan();
    Refusal findAll = RefusalIds.assertProof(Proof.ENTITY_RESULT, deletes, "OwnerRepository", "findAll");
    // the name: no fact carries it yet
    assertTrue(findAll.reason().contains("VisitStore.deleteByOwner()"), findAll.reason());
    // ENTITY_RESULT also says an implementation is missing; only the words tell that apart
    String why = findAll.reason();
    assertFalse(why.contains("build the project first"), why);
  }

  // ---- a column value read off an entity and handed to a library call (explore-with-me List.of(event.getId()))

  @Test
  void aColumnValueOfAnEntityHandedToALibraryCallIsNoAssociation() {
    MigrationPlan ids = owners("ids", "names.add(owner.getName() + java.util.List.of(owner.getId()).size());").plan();
    assertTrue(cached(ids, "OwnerRepository.findAll"), ids.refusals().toString());
    // the true twin: the lazy association itself handed on
    MigrationPlan visits = owners("visits", "names.add(owner.getName() + java.util.List.of(owner.getVisits()).size());")
        .plan();
    Refusal findAll = RefusalIds.assertProof(Proof.ENTITY_RESULT, visits, "OwnerRepository", "findAll");
    // the name: no fact carries it yet
    assertTrue(findAll.reason().contains("to of()"), findAll.reason());
  }

  // ---- a lazy to-one's id read off its proxy (explore-with-me RequestStorage.findByEventId)

  private MigrationFixture requests(String name, String requesterField, String use) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Person {
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

            import jakarta.persistence.Entity;
            import jakarta.persistence.FetchType;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;

            @Entity
            public class Request {
                @Id
                private Long id;
                private Long eventId;
                %s
                private Person requester;

                public Long getId() {
                    return id;
                }

                public Person getRequester() {
                    return requester;
                }
            }
            """.formatted(requesterField))
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface RequestStorage extends JpaRepository<Request, Long> {
                List<Request> findByEventId(Long eventId);
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Requests {
                private final RequestStorage storage;

                public Requests(RequestStorage storage) {
                    this.storage = storage;
                }

                public String firstRequester(Long eventId) {
                    List<Request> requests = storage.findByEventId(eventId);
                    return requests.isEmpty() ? "none" : "" + requests.get(0).getRequester().%s;
                }
            }
            """.formatted(use));
  }

  @Test
  void theIdOfALazyToOneIsReadOffItsProxyWithoutLoading() {
    String lazy = "@ManyToOne(fetch = FetchType.LAZY)";
    MigrationPlan id = requests("id", lazy, "getId()").plan();
    assertNotEquals(Optional.of(Proof.ENTITY_RESULT), RefusalIds.proofOf(id, "RequestStorage", "findByEventId"),
        RefusalIds.listing(id));
    // the true twins: another getter loads the proxy; @LazyToOne(NO_PROXY) is no proxy at all
    MigrationPlan name = requests("name", lazy, "getName()").plan();
    Refusal requester = RefusalIds.assertProof(Proof.ENTITY_RESULT, name, "RequestStorage", "findByEventId");
    // the name: no fact carries it yet
    assertTrue(requester.reason().contains("lazy association requester (getRequester())"), requester.reason());
    MigrationPlan noProxy = requests("no-proxy", lazy + "\n    @org.hibernate.annotations.LazyToOne("
        + "org.hibernate.annotations.LazyToOneOption.NO_PROXY)", "getId()").plan();
    requester = RefusalIds.assertProof(Proof.ENTITY_RESULT, noProxy, "RequestStorage", "findByEventId");
    assertTrue(requester.reason().contains("lazy association requester (getRequester())"), requester.reason());
  }

  // ---- seventh audit: a lazy to-one read only for its id through a local, as MapStruct writes it (esidarapp/bookstore
  // built, audit 7: "OrderItemMapperImpl.orderItemBookId() reads its lazy association OrderItem.book (getBook())")

  private MigrationPlan mappedItems(String name, String bookRead) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            import jakarta.persistence.*;

            @Entity
            public class Book {
                @Id private Long id;
                private String title;
                public Long getId() { return id; }
                public String getTitle() { return title; }
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.*;

            @Entity
            public class OrderItem {
                @Id private Long id;
                private int quantity;
                @ManyToOne(fetch = FetchType.LAZY) private Book book;
                public Long getId() { return id; }
                public int getQuantity() { return quantity; }
                public Book getBook() { return book; }
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OrderItemRepository extends JpaRepository<OrderItem, Long> {
                List<OrderItem> findByQuantity(int quantity);
            }
            """)
        .java("""
            package shop;

            public record ItemDto(Long id, Object book) {}
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Component;

            @Component
            public class OrderItemMapper {
                public ItemDto toDto(OrderItem orderItem) {
                    return new ItemDto(orderItem.getId(), orderItemBook(orderItem));
                }

                private Object orderItemBook(OrderItem orderItem) {
                    if ( orderItem == null ) {
                        return null;
                    }
                    Book book = orderItem.getBook();
                    if ( book == null ) {
                        return null;
                    }
                    Object value = BOOK_READ;
                    if ( value == null ) {
                        return null;
                    }
                    return value;
                }
            }
            """.replace("BOOK_READ", bookRead))
        .java("""
            package shop;

            import java.util.ArrayList;
            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Items {
                private final OrderItemRepository items;
                private final OrderItemMapper mapper;

                public Items(OrderItemRepository items, OrderItemMapper mapper) {
                    this.items = items;
                    this.mapper = mapper;
                }

                public List<ItemDto> byQuantity(int quantity) {
                    List<ItemDto> result = new ArrayList<>();
                    for (OrderItem item : items.findByQuantity(quantity)) {
                        result.add(mapper.toDto(item));
                    }
                    return result;
                }
            }
            """)
        .plan();
  }

  @Test
  void aLazyToOneReadOnlyForItsIdThroughALocalLoadsNothing() {
    MigrationPlan plan = mappedItems("id", "book.getId()");
    Optional<String> reason = refusalStartingWith(plan, "findByQuantity");
    assertFalse(reason.isPresent() && reason.get().contains("lazy association"), reason.toString());
    // its true twin: the title is read off the proxy, which loads it
    MigrationPlan title = mappedItems("title", "book.getTitle()");
    String refused = refusalStartingWith(title, "findByQuantity").orElseThrow(() -> new AssertionError(title.targets()));
    assertTrue(refused.contains("reads its lazy association book (getBook())"), refused);
  }


  /**
   * Sixteenth audit, S32: the entity's own {@code getBookerId() { return booker.getId(); }} reads only the id the lazy
   * proxy holds; the twin reading the booker's name loads it, and stays refused for that.
   */
  @Test
  void anEntityMethodReadingOnlyALazyAssociationsIdLoadsNothing() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s32")).resources("/audit16/s32").plan();
    assertNotEquals(Optional.of(Proof.ENTITY_RESULT), RefusalIds.proofOf(plan, "BookingRepository", "findLast"),
        RefusalIds.listing(plan));
    MigrationPlan twin = new MigrationFixture(dir.resolve("s32twin")).resources("/audit16/s32twin").plan();
    Refusal findLast = RefusalIds.assertProof(Proof.ENTITY_RESULT, twin, "BookingRepository", "findLast");
    // the name: no fact carries it yet
    assertTrue(findLast.reason().contains("lazy association booker"), findLast.reason());
  }

  /**
   * Sixteenth audit, S20d: Lombok's setter and builder methods are field assignments, not code optkit "cannot see
   * into": a Long read from the entity into a {@code @Builder} field reaches no association (the read's true reason is
   * then the outer cache), and a set holding a Role kept by a {@code @Setter} is said as kept in that field. The twin
   * hands the lazy association itself to the builder, and stays refused for that.
   */
  @Test
  void lombokSettersAndBuilderMethodsAreFieldAssignments() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s20d")).resources("/audit16/s20d").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.reason().contains("cannot see into")), plan.refusals().toString());
    Refusal search = RefusalIds.assertProof(Proof.OUTER_LEVEL_CACHED, plan, "AccountRepository", "findByEmailContaining");
    assertEquals(List.of("outer-cache r.AccountService.search"), RefusalIds.facts(search));
    Refusal roles = RefusalIds.assertProof(Proof.ENTITY_RESULT, plan, "RoleRepository", "findByName");
    // the name: no fact carries it yet
    assertTrue(roles.reason().contains("to setRoles(), a setter Lombok writes"), roles.reason());

    MigrationPlan twin = new MigrationFixture(dir.resolve("s20dtwin")).resources("/audit16/s20dtwin").plan();
    Refusal owner = RefusalIds.assertProof(Proof.ENTITY_RESULT, twin, "AccountRepository", "findByEmailContaining");
    // the name: no fact carries it yet
    assertTrue(owner.reason().contains("owner(), a builder method Lombok writes"), owner.reason());
  }

  /**
   * Trial 88's second cause (workshop-springboot3-jpa's ProductController.findById): a DTO made by a constructor that
   * copies {@code getId()} and {@code getName()} into its own fields was "what holds" the entity, handed to
   * {@code body()} with its lazy {@code reviews}; a constructor keeping the lazy set still is.
   */
  @Test
  void aCopyOfAnEntitysColumnsHoldsNoAssociation() throws Exception {
    MigrationPlan copy = new MigrationFixture(dir.resolve("copy")).resources("/trial88/r2").plan();
    assertTrue(refusalStartingWith(copy, "findById(").map(r -> !r.contains("passes what holds it")).orElse(true),
        refusalStartingWith(copy, "findById(").toString());
    MigrationPlan keeps = new MigrationFixture(dir.resolve("keeps")).resources("/trial88/r2")
        .file("src/main/java/repro/two/ProductDto.java", """
            package repro.two;
            import java.util.Set;
            public class ProductDto {
                private Long id;
                private Set<Review> reviews;
                public ProductDto(Product product) {
                    this.id = product.getId();
                    this.reviews = product.getReviews();
                }
                public Long getId() { return id; }
                public Set<Review> getReviews() { return reviews; }
            }
            """).plan();
    assertTrue(refusalStartingWith(keeps, "findById(").map(r -> r.contains("lazy")).orElse(false),
        refusalStartingWith(keeps, "findById(").toString());
    // hostile review 92's c12: a basic column fetched lazily (loaded by its getter under bytecode enhancement)
    String product = new String(getClass().getResourceAsStream("/trial88/r2/src/main/java/repro/two/Product.java")
        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    MigrationPlan lazyColumn = new MigrationFixture(dir.resolve("lazyColumn")).resources("/trial88/r2")
        .file("src/main/java/repro/two/Product.java", product.replace("    private String name;",
            "    @Basic(fetch = FetchType.LAZY)\n    private String name;")).plan();
    assertTrue(refusalStartingWith(lazyColumn, "findById(").map(r -> r.contains("passes what holds it")).orElse(false),
        refusalStartingWith(lazyColumn, "findById(").toString());
  }
}
