package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a method writes, and so which cached reads its run must evict: a save (its entity's table and what its
 * cascades reach, no delete rule of its own row), a change to an entity it or a helper loaded (its own row, at the
 * flush; also through Hibernate's load access), a Criteria delete, a repository reached through a type variable,
 * SQL held in another class's constant (the tables it names), a writer optkit must see wherever it hides (a
 * build-named package, a unicode escape, JDBC batch and updatable result sets); and what writes nothing: a save
 * stubbed on a mock, a select, a repository interface's private static helper, keeping what a load gave, a
 * collection's remove inside an entity, a {@code @Transient} field, a bodiless writer nothing calls. Each case's
 * comment names the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile
 * review it came from, and its project (a case naming none is from the first audit, a review of 30 refusals on four
 * projects); each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class WriteDetectionTest extends SpringProjectPlans {
  // ---- a Mockito stub of a save is no writer (fourth audit: ivoylov java-shareit UserService.getAll)

  private MigrationFixture usersWithTest(String name, String test) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Member {
                @Id
                private Long id;
                private String name;

                public String getName() {
                    return name;
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface MemberRepository extends JpaRepository<Member, Long> {
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class Members {
                private final MemberRepository repository;

                public Members(MemberRepository repository) {
                    this.repository = repository;
                }

                public List<String> names() {
                    return repository.findAll().stream().map(Member::getName).toList();
                }

                public void add(Member member) {
                    repository.save(member);
                }
            }
            """)
        .file("src/test/java/shop/MembersTest.java", test);
  }

  @Test
  void aSaveStubbedOnAMockInAUnitTestWritesNothing() {
    MigrationPlan stubbed = usersWithTest("stubbed", """
        package shop;

        import static org.mockito.ArgumentMatchers.any;
        import static org.mockito.Mockito.verify;
        import static org.mockito.Mockito.when;

        import org.junit.jupiter.api.Test;
        import org.mockito.InjectMocks;
        import org.mockito.Mock;

        class MembersTest {
            @Mock
            MemberRepository repository;
            @InjectMocks
            Members members;

            @Test
            void adds() {
                Member member = new Member();
                when(repository.save(any())).thenReturn(member);
                members.add(member);
                verify(repository).save(member);
                members.names();
            }
        }
        """).plan();
    assertTrue(RefusalIds.factsOf(stubbed, "Members", "names").stream().noneMatch(f -> f.contains(".MembersTest.")),
        RefusalIds.listing(stubbed));
    // the true twin: a Spring test saving through the real repository writes the table under the cache
    MigrationPlan real = usersWithTest("real", """
        package shop;

        import org.junit.jupiter.api.Test;
        import org.springframework.beans.factory.annotation.Autowired;
        import org.springframework.boot.test.context.SpringBootTest;

        @SpringBootTest
        class MembersTest {
            @Autowired
            MemberRepository repository;
            @Autowired
            Members members;

            @Test
            void adds() {
                members.names();
                repository.save(new Member());
                members.names();
            }
        }
        """).plan();
    // its write inside the test is a writer no eviction follows: the module's tests run with the caches off (trial 88)
    assertTrue(real.targets().stream().anyMatch(t -> t.method().fact().name().equals("names")
        && t.offInTests().stream().anyMatch(m -> m.fact().name().equals("adds"))), real.targets().toString());
  }

  // ---- a method that changes what it loaded writes (fourth audit: Bolohonov RequestServiceImpl.confirmRequest)

  @Test
  void aMethodChangingTheEntityItLoadedIsAWrite() {
    Refusal confirm = RefusalIds.assertProof(Proof.OWN_WRITE,
        tickets("confirm", "ticket.setStatus(\"CONFIRMED\");").plan(), "Tickets", "confirm");
    // the name: no fact carries it yet
    assertTrue(confirm.reason().contains("what findById() loaded (ticket)"), confirm.reason());
    // through a method of the entity's own: raeperd realworld's user.favoriteArticle(article)
    confirm = RefusalIds.assertProof(Proof.OWN_WRITE, tickets("method", "ticket.confirm();").plan(), "Tickets", "confirm");
    // the name: no fact carries it yet
    assertTrue(confirm.reason().contains("to Ticket.confirm()"), confirm.reason());
    // loaded by a helper of its own class and changed by the entity's method (raeperd's userFindService.findById)
    MigrationPlan helper = tickets("helper", "").java("""
        package shop;

        import org.springframework.stereotype.Service;
        import org.springframework.transaction.annotation.Transactional;

        @Service
        public class Confirmations {
            private final Tickets tickets;

            public Confirmations(Tickets tickets) {
                this.tickets = tickets;
            }

            @Transactional
            public String confirm(Long id) {
                Ticket ticket = tickets.load(id);
                ticket.confirm();
                return ticket.getStatus();
            }
        }
        """).plan();
    confirm = RefusalIds.assertProof(Proof.OWN_WRITE, helper, "Confirmations", "confirm");
    // the name: no fact carries it yet
    assertTrue(confirm.reason().contains("what Tickets.load() loaded (ticket) to Ticket.confirm()"), confirm.reason());
    // the true twin of a read: only getters on what it loaded
    assertTrue(cached(tickets("read", "").plan(), "Tickets.confirm"));
  }

  private MigrationFixture tickets(String name, String change) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Ticket {
                @Id
                private Long id;
                private String status;

                public String getStatus() {
                    return status;
                }

                public void setStatus(String status) {
                    this.status = status;
                }

                public void confirm() {
                    status = "CONFIRMED";
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface TicketRepository extends JpaRepository<Ticket, Long> {
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class Tickets {
                private final TicketRepository tickets;

                public Tickets(TicketRepository tickets) {
                    this.tickets = tickets;
                }

                @Transactional
                public String confirm(Long id) {
                    Ticket ticket = tickets.findById(id).orElseThrow();
                    %s
                    return ticket.getStatus();
                }

                public Ticket load(Long id) {
                    return tickets.findById(id).orElseThrow();
                }
            }
            """.formatted(change));
  }
  // ---- a save writes its entity's table and what its cascades reach, not every association (java-shareit create)

  private MigrationFixture bookings(String name, String itemMapping) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.Table;

            @Entity
            @Table(name = "users")
            public class Person {
                @Id
                private Long id;
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;
            import jakarta.persistence.Table;

            @Entity
            @Table(name = "items")
            public class Item {
                @Id
                private Long id;
                @ManyToOne
                private Person owner;
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.CascadeType;
            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;
            import jakarta.persistence.Table;

            @Entity
            @Table(name = "bookings")
            public class Booking {
                @Id
                private Long id;
                private String status;
                %s
                private Item item;
                @ManyToOne
                private Person booker;

                public String getStatus() {
                    return status;
                }
            }
            """.formatted(itemMapping))
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface BookingRepository extends JpaRepository<Booking, Long> {
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class BookingReader {
                private final BookingRepository bookings;

                public BookingReader(BookingRepository bookings) {
                    this.bookings = bookings;
                }

                public List<String> statuses() {
                    return bookings.findAll().stream().map(Booking::getStatus).toList();
                }
            }
            """)
        .java("""
            package shop;

            import java.util.concurrent.CompletableFuture;
            import org.springframework.stereotype.Service;

            @Service
            public class BookingWriter {
                private final BookingRepository bookings;

                public BookingWriter(BookingRepository bookings) {
                    this.bookings = bookings;
                }

                public CompletableFuture<Booking> create(Booking booking) {
                    return CompletableFuture.completedFuture(bookings.save(booking));
                }
            }
            """);
  }

  @Test
  void aSaveWithoutCascadesWritesItsEntitysTableAndACascadeItsTargetsToo() {
    MigrationPlan plain = bookings("no-cascade", "@ManyToOne").plan();
    Refusal statuses = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, plain, "BookingReader", "statuses");
    assertEquals(List.of("writer shop.BookingWriter.create"), RefusalIds.facts(statuses));
    // the name: no fact carries it yet (the tables the save writes)
    assertTrue(statuses.reason().contains("may write bookings (save()"), statuses.reason());
    // the true twin: a cascade reaches the item, and no further (Item's owner has none)
    MigrationPlan cascaded = bookings("cascade", "@ManyToOne(cascade = CascadeType.ALL)").plan();
    statuses = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, cascaded, "BookingReader", "statuses");
    assertEquals(List.of("writer shop.BookingWriter.create"), RefusalIds.facts(statuses));
    // the name: no fact carries it yet (the tables the save writes)
    assertTrue(statuses.reason().contains("may write bookings, items (save()"), statuses.reason());
  }

  // ---- a Criteria API select in a repository fragment is a read, and the fragment is a Spring bean
  // (Bolohonov java-explore-with-me EventRepositoryCustomImpl.getCount())

  private MigrationFixture criteria(String name, String fragmentBody) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Event {
                @Id
                private Long id;
                private String title;

                public String getTitle() {
                    return title;
                }
            }
            """)
        .java("""
            package shop;

            public interface EventRepositoryCustom {
                long countAll();
            }
            """)
        .java("""
            package shop;

            import jakarta.persistence.EntityManager;
            import jakarta.persistence.PersistenceContext;
            import jakarta.persistence.criteria.*;

            public class EventRepositoryCustomImpl implements EventRepositoryCustom {
                @PersistenceContext
                private EntityManager entityManager;

                @Override
                public long countAll() {
                    CriteriaBuilder cb = entityManager.getCriteriaBuilder();
                    CriteriaQuery<Long> countQuery = cb.createQuery(Long.class);
                    countQuery.select(cb.count(countQuery.from(Event.class)));
                    return entityManager.createQuery(countQuery).getSingleResult();
                }
            %s
            }
            """.formatted(fragmentBody))
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface EventRepository extends JpaRepository<Event, Long>, EventRepositoryCustom {
            }
            """)
        .java("""
            package shop;

            import java.util.List;
            import org.springframework.stereotype.Service;

            @Service
            public class EventReader {
                private final EventRepository events;

                public EventReader(EventRepository events) {
                    this.events = events;
                }

                public List<String> titles() {
                    return events.findAll().stream().map(Event::getTitle).toList();
                }
            }
            """);
  }

  @Test
  void aCriteriaSelectIsAReadAndACriteriaDeleteStillAWriteThatItsFragmentBeanEvicts() {
    MigrationPlan select = criteria("select", "").plan();
    assertTrue(cached(select, "EventReader.titles"), refusal(select, "titles").orElse(""));
    CachingTarget target = select.targets().stream().filter(t -> t.method().fact().displayName().equals("EventReader.titles"))
        .findFirst().orElseThrow();
    assertTrue(target.evictions().stream().noneMatch(e -> e.writer().fact().name().equals("countAll")),
        target.evictions().toString());
    // the true twin: a CriteriaDelete writes, and the fragment, a bean Spring Data registers, evicts around it
    MigrationPlan delete = criteria("delete", """
                public int purge() {
                    CriteriaDelete<Event> delete = entityManager.getCriteriaBuilder().createCriteriaDelete(Event.class);
                    delete.from(Event.class);
                    return entityManager.createQuery(delete).executeUpdate();
                }
            """).plan();
    assertNotEquals(Optional.of(Proof.WRITER_CANNOT_EVICT), RefusalIds.proofOf(delete, "EventReader", "titles"),
        RefusalIds.listing(delete));
    CachingTarget evicted = delete.targets().stream().filter(t -> t.method().fact().displayName().equals("EventReader.titles"))
        .findFirst().orElseThrow(() -> new AssertionError(refusal(delete, "titles").orElse("")));
    assertTrue(evicted.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("EventRepositoryCustomImpl.purge")),
        evicted.evictions().toString());
  }

  // ---- a setter on the entity a helper loads is written at the flush (Bolohonov RequestServiceImpl.revokeRequest)

  @Test
  void aSetterOnTheEntityAHelperLoadsIsAWriteTheCacheWouldSkip() {
    MigrationPlan changed = revoke("changed", "request.setStatus(\"CANCELED\");").plan();
    Refusal revoke = RefusalIds.assertProof(Proof.OWN_WRITE, changed, "Requests", "revoke");
    // the name: no fact carries it yet
    assertTrue(revoke.reason().contains("what Requests.load() loaded (request)"), revoke.reason());
    // the true twin: only read, it is a read
    MigrationPlan read = revoke("read", "").plan();
    assertFalse(refusal(read, "revoke").orElse("cached").contains("writes back at the flush"),
        refusal(read, "revoke").orElse(""));
  }

  // ---- sixth audit: a private static helper of a repository interface is its own code, no query
  // (hotel-booking-service BookingRepository.legacyId(): "it may write accountroles, accounts, ..." in 46 refusals)

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
    // the read is cached, and the default method is refused as one, not as a write
    assertEquals(Optional.empty(), RefusalIds.proofOf(helper, "Bookings", "reference"), RefusalIds.listing(helper));
    RefusalIds.assertProof(Proof.REPOSITORY_DEFAULT_METHOD, helper, "BookingRepository", "findById");
    // the true twin: an abstract method of that name is a derived query optkit cannot read, taken for a write
    MigrationPlan query = spring("query").java(BOOKING).java(BOOKINGS).java(repository("""
            UUID legacyId(Integer id);
        """)).plan();
    Refusal reference = RefusalIds.assertProof(Proof.WRITER_CANNOT_EVICT, query, "Bookings", "reference");
    assertEquals(List.of("writer shop.BookingRepository.findById"), RefusalIds.facts(reference));
    // the name: no fact carries it yet
    assertTrue(reference.reason().contains("legacyId"), reference.reason());
  }

  // ---- sixth audit: a repository held in a field of a type variable is still that repository
  // (Technic47/Shop_data_model: AbstractService<E, DTO, R extends JpaRepository<E, Long>, M>'s
  // repository.saveAndFlush() went unseen, and ProductService.getOwner() was cached with no eviction)

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

  // ---- eighth audit: records mapped from loaded rows, kept by a page wrapper (ravan-chuang: "it writes: it hands what
  // findAll() loaded (users) to PageResponse.PageResponse(), which keeps it in field content, which JPA writes back at
  // the flush")

  @Test
  void keepingWhatALoadGaveIsNoWriteAtTheFlush() {
    MigrationPlan plan = caseProject("audit8", "s12-pagewrap").plan();
    Optional<String> reason = refusalStartingWith(plan, "all");
    assertFalse(reason.isPresent() && reason.get().startsWith("it writes"), reason.toString());
    // its true twin: the wrapper's constructor renames the users it is given
    MigrationPlan renaming = caseProject("audit8", "s12-pagewrap").file("src/main/java/r/UserService.java", """
        package r;
        import java.util.List;
        import org.springframework.data.domain.*;
        import org.springframework.stereotype.Service;
        @Service public class UserService {
          private final UserRepository repo; public UserService(UserRepository repo){this.repo=repo;}
          public PageResponse<User> all(int p, int size) {
            Page<User> page = repo.findAll(PageRequest.of(p, size));
            return new PageResponse<>(Renamer.upper(page.getContent()), page.getTotalElements());
          }
          public void rename(Integer id, String n) { User u = repo.findById(id).orElseThrow(); u.setName(n); repo.save(u); }
        }
        """).file("src/main/java/r/Renamer.java", """
        package r;
        import java.util.List;
        public class Renamer {
          public static List<User> upper(List<User> users) { for (User u : users) { u.setName(u.getName().toUpperCase()); } return users; }
        }
        """).plan();
    assertFalse(cached(renaming, "UserService.all"), renaming.targets().toString());
  }

  // ---- eighth audit: a save counted as firing ON DELETE rules (ravan-chuang AuthService.register(): "may write
  // authauditlogs, ..., users (save(): its entity's table and the tables the schema's ON DELETE/UPDATE rules reach from
  // those)")

  @Test
  void aSaveOfItsOwnRowFiresNoDeleteRule() {
    MigrationPlan plan = caseProject("audit8", "s16-insert-ondelete").plan();
    assertTrue(cached(plan, "NoteService.count"), plan.refusals().toString());
    assertFalse(countsWriter(plan, "NoteService.count", "ItemService.create"), plan.targets().toString());
    // its true twin: the item is deleted, and the schema sets the notes' item_id to null
    MigrationPlan deleting = caseProject("audit8", "s16-insert-ondelete").file("src/main/java/r/ItemService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class ItemService {
          private final ItemRepository repo; public ItemService(ItemRepository repo){this.repo=repo;}
          public void remove(Long id) { remove(id, "admin"); }
          public void remove(Long id, String by) { repo.deleteById(id); }
        }
        """).plan();
    assertTrue(countsWriter(deleting, "NoteService.count", "ItemService.remove"), deleting.targets().toString());
  }

  // ---- eighth audit: a collection's remove in an entity read as EntityManager.remove (cleverjohann User.removeRole:
  // "role.getUsers().remove(this)", Lombok's getter, jakarta.persistence.* imported for the mapping: "User.removeRole()
  // may write data optkit cannot name (remove(): ...)", refusing every cached read of the project)

  private MigrationPlan roles(String name, String holder) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;
            import jakarta.persistence.*;
            import java.util.*;
            @lombok.Getter
            @Entity public class Role { @Id Long id; String name;
              @ManyToMany(mappedBy = "roles") Set<Member> members = new HashSet<>(); }
            """)
        .java("""
            package shop;
            import jakarta.persistence.*;
            import java.util.*;
            HOLDER public class Member { @Id Long id;
              @ManyToMany Set<Role> roles = new HashSet<>();
              public void removeRole(Role role) { roles.remove(role); role.getMembers().remove(this); } }
            """.replace("HOLDER", holder))
        .java("""
            package shop;
            import jakarta.persistence.*;
            @Entity public class Category { @Id Long id; String name; public String getName() { return name; } }
            """)
        .java("""
            package shop;
            public interface CategoryRepository extends org.springframework.data.jpa.repository.JpaRepository<Category, Long> {}
            """)
        .java("""
            package shop;
            import org.springframework.stereotype.Service;
            @Service public class Categories {
              private final CategoryRepository repo; public Categories(CategoryRepository repo){this.repo=repo;}
              public String name(Long id) { return repo.findById(id).orElseThrow().getName(); }
            }
            """)
        .java("""
            package shop;
            import org.springframework.stereotype.Service;
            @Service public class Members {
              public void drop(Member member, Role role) { member.removeRole(role); }
            }
            """)
        .plan();
  }

  @Test
  void aCollectionsRemoveInAnEntityIsNoEntityManagerCall() {
    MigrationPlan plan = roles("entity", "@Entity");
    assertTrue(plan.targets().stream().filter(t -> t.method().fact().displayName().equals("Categories.name"))
        .anyMatch(t -> t.evictions().stream().noneMatch(e -> e.writer().fact().name().equals("drop"))),
        "Categories.name evicted by Members.drop, a write of data optkit cannot name: " + plan.targets());
    // its true twin: outside an entity, a remove on a receiver nobody typed may be the EntityManager's
    MigrationPlan plain = roles("plain", "");
    assertTrue(plain.targets().stream().filter(t -> t.method().fact().displayName().equals("Categories.name"))
        .allMatch(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().name().equals("drop"))),
        plain.targets().toString());
  }

  // ---- ninth audit: a @Modifying query method nothing calls (bugisthegod/techmart-ecommerce-backend: 12 refusals "a
  // writer of its data cannot evict it: ...Repository.xxx() writes ... but it has no body to evict from")

  @Test
  void aBodilessWriterNothingCallsWritesNothing() {
    MigrationPlan plan = caseProject("audit9", "s18-uncalled-writer").plan();
    assertFalse(plan.refusals().stream().map(Refusal::reason).anyMatch(r -> r.contains("has no body to evict from")),
        plan.refusals().toString());
    // its true twin: a service calls it, and the read is evicted there
    MigrationPlan called = caseProject("audit9", "s18-uncalled-writer").file("src/main/java/r/Purger.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class Purger {
          private final ItemRepository repo; public Purger(ItemRepository repo){this.repo=repo;}
          public void purge() { repo.purgeInactive(); }
        }
        """).plan();
    assertTrue(called.targets().stream().filter(t -> t.method().fact().displayName().equals("ItemListener.report"))
        .allMatch(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("Purger.purge"))),
        called.targets().toString());
  }

  // ---- ninth audit: a column set on what a repository read loaded writes that entity's row, not the tables its
  // associations reach (ravan's CartService.addItemToCart, item.setQuantity(...): "changes what findByUserAndProduct()
  // loaded (cartitems, products, users)", so it evicted product caches and was named a missing evictor of the authors'
  // products cache)

  private MigrationPlan cart(String change) {
    return new MigrationFixture(dir.resolve("cart" + Math.abs(change.hashCode()))).file("pom.xml", SPRING_POM)
        .file("src/main/java/r/Product.java", """
            package r;
            import jakarta.persistence.*;
            @Entity public class Product { @Id Long id; String name;
              public String getName(){return name;} public void setName(String n){name=n;} }
            """)
        .file("src/main/java/r/CartItem.java", """
            package r;
            import jakarta.persistence.*;
            @Entity public class CartItem { @Id Long id; int quantity; @ManyToOne(fetch = FetchType.EAGER) Product product;
              public int getQuantity(){return quantity;} public void setQuantity(int q){quantity=q;}
              public Product getProduct(){return product;} }
            """)
        .file("src/main/java/r/ProductRepository.java", """
            package r;
            public interface ProductRepository extends org.springframework.data.jpa.repository.JpaRepository<Product, Long> {}
            """)
        .file("src/main/java/r/CartItemRepository.java", """
            package r;
            public interface CartItemRepository extends org.springframework.data.jpa.repository.JpaRepository<CartItem, Long> {}
            """)
        .file("src/main/java/r/ProductQueries.java", """
            package r;
            import org.springframework.stereotype.Service;
            @Service public class ProductQueries {
              private final ProductRepository products; public ProductQueries(ProductRepository products){this.products=products;}
              public java.util.List<String> names() { return products.findAll().stream().map(Product::getName).toList(); }
            }
            """)
        .file("src/main/java/r/CartService.java", """
            package r;
            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;
            @Service public class CartService {
              private final CartItemRepository items; public CartService(CartItemRepository items){this.items=items;}
              @Transactional public void change(Long id) { CartItem item = items.findById(id).orElseThrow(); %s; }
            }
            """.formatted(change)).plan();
  }

  private static final String SPRING_POM = """
      <project><modelVersion>4.0.0</modelVersion><groupId>r</groupId><artifactId>cart</artifactId><version>1</version>
        <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
          <version>3.3.0</version></parent>
        <dependencies><dependency><groupId>org.springframework.boot</groupId>
          <artifactId>spring-boot-starter-data-jpa</artifactId></dependency></dependencies></project>
      """;

  private static boolean evictedBy(MigrationPlan plan, String cached, String writer) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(cached)).findFirst()
        .map(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals(writer)))
        .orElseThrow(() -> new AssertionError(cached + " not cached: " + plan.refusals()));
  }

  @Test
  void aColumnSetOnTheLoadedEntityWritesItsOwnRowOnly() {
    MigrationPlan plan = cart("item.setQuantity(item.getQuantity() + 1)");
    assertFalse(evictedBy(plan, "ProductQueries.names", "CartService.change"), plan.targets().toString());
    // its true twin: the change is made on the product the item reaches, which the flush writes too
    MigrationPlan part = cart("item.getProduct().setName(\"renamed\")");
    assertTrue(evictedBy(part, "ProductQueries.names", "CartService.change"), part.targets().toString());
  }

  // ---- ninth audit: a @Transient field set on what a read loaded (InternetShop's order totals): no column, no write

  @Test
  void aTransientFieldSetIsNoWrite() {
    MigrationPlan plan = caseProject("audit9", "s17-transient").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.OWN_WRITE), RefusalIds.listing(plan));
    // and a count names no entity, whatever else its line holds (the repository declared on one line)
    assertNotEquals(Optional.of(Proof.ENTITY_RESULT), RefusalIds.proofOf(plan, "LineRepository", "countByItemId"),
        RefusalIds.listing(plan));
    // its true twin: the same field mapped to a column is written back at the flush
    MigrationPlan mapped = caseProject("audit9", "s17-transient").file("src/main/java/r/Line.java", """
        package r;
        import jakarta.persistence.*;
        @Entity public class Line { @Id Long id; String itemId; String label;
          public String getItemId(){return itemId;} public void setLabel(String l){label=l;} public String getLabel(){return label;} }
        """).plan();
    RefusalIds.assertProof(Proof.OWN_WRITE, mapped, "LineService", "describe");
  }

  /**
   * Sixteenth audit, S31: {@code jdbc.update(OrderQueries.INSERT_ORDER, code)} runs another class's constant, which
   * writes the orders table: no writer of unnamed data, so the stocks reads beside it are cached. The twin: a file's
   * own constant of the same name (on the audit table) was taken for it, so a cached count of orders was not evicted by
   * create().
   */
  @Test
  void anotherClasssSqlConstantNamesTheTablesItsCallWrites() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("s31")).resources("/audit16/s31").plan();
    // no refusal rests on a writer (one of data optkit cannot name would refuse the stocks reads)
    assertTrue(plan.refusals().stream().noneMatch(r -> r.facts().stream()
        .anyMatch(e -> e.role() == dev.optkit.analyzers.proof.Evidence.Role.WRITER)), RefusalIds.listing(plan));
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("StockDao.count")
        && t.evictions().stream().noneMatch(e -> e.toString().contains("OrderDao"))), plan.targets().toString());

    MigrationPlan same = new MigrationFixture(dir.resolve("s31same")).resources("/audit16/s31same").plan();
    assertTrue(same.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("OrderStats.orders")
        && t.evictions().stream().anyMatch(e -> e.toString().contains("name=create"))),
        "create() writes orders: " + same.targets());
  }

  /** Hostile review 38, Cached with no eviction by the pet's rename: the read is cached only where rename evicts it. */
  private static boolean cachedWithoutTheRename(MigrationPlan plan, String displayName) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(displayName))
        .anyMatch(t -> !t.toString().contains("name=rename"));
  }

  /**
   * Hostile review 38, a writer optkit did not read: in a package named build or target (u1, u2), or behind a unicode
   * escape javac reads as a line break, which ends the comment hiding the update (u8); and JDBC writes that were no
   * write sites: executeLargeBatch (i2), an updatable result set's updateRow on a statement (i15) or in a row callback
   * (i16).
   */
  @ParameterizedTest
  @ValueSource(strings = {"u1", "u2", "u8", "i2", "i15", "i16"})
  void aWriteOptkitDidNotSeeIsSeenOrRefused(String attack) {
    MigrationPlan plan = casePlan("hostile38", attack);
    assertFalse(cachedWithoutTheRename(plan, "PetDao.name"), plan.targets().toString());
  }

  /**
   * Hostile review 38, an entity loaded through Hibernate's byId(..).load / loadOptional / getReference and changed by
   * the read.
   */
  @ParameterizedTest
  @ValueSource(strings = {"l12", "l28", "l29"})
  void anEntityLoadedThroughALoadAccessAndChangedIsAWrite(String attack) {
    MigrationPlan plan = casePlan("hostile38", attack);
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("CatService.names")),
        plan.targets().toString());
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), a repository typed by a type variable written through
   * an intermediate abstract class's inherited field (a6b), a getter returning the variable (a6c), a local of the
   * variable's type (a6d), and all three at once (a6): each is the bound's repository, whose save writes the product
   * table, so the owner read is evicted by that write.
   */
  @ParameterizedTest
  @ValueSource(strings = {"a6", "a6b", "a6c", "a6d"})
  void aWriteThroughARepositoryOfATypeVariableEvictsTheRead(String attack) {
    MigrationPlan plan = casePlan("attacks28", attack);
    for (String read : new String[] {"ProductService.getOwner", "ProductRepository.getOwnerId"}) {
      target(plan, read).ifPresent(target -> assertTrue(target.evictions().stream()
              .anyMatch(e -> Set.of("update", "touch", "set").contains(e.writer().fact().name())),
          read + " cached with no eviction by the write: " + target.evictions()));
    }
  }

  /**
   * A bodiless write only XML configuration calls ({@code <task:scheduled ref="catRepository"
   * method="anonymiseAll"/>}: d8; and a service reading what it writes, b12) is no uncalled method; a caller that is a record bean cannot be proxied (d4:
   * the application failed to start); an override no eviction can go on (a non-bean's, o1; a final one, o4).
   * (From hostile review 32, cases d8, b12, d4, o1, o4.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"d8", "b12", "d4", "o1", "o4"})
  void aWriteNoEvictionCanFollowRefusesTheRead(String attack) {
    MigrationPlan plan = casePlan("hostile32", attack);
    assertFalse(cached(plan, "CatRepository.nameOf"), plan.targets().toString());
    assertFalse(cached(plan, "CatReader.name"), plan.targets().toString());
  }

  /**
   * A write through an interface the repository extends ({@code CatService} holds a {@code NameWriter}, which
   * {@code CatRepository} extends, redeclaring {@code rename} with its {@code @Modifying @Query}): the caller has no
   * site of its own, and the read of the name was cached with no eviction (found reading b11 of review 32, whose
   * repository file was empty).
   * (From hostile review 32, case b11.)
   */
  @Test
  void aWriteThroughAnInterfaceTheRepositoryExtendsEvicts() {
    MigrationPlan plan = casePlan("hostile32", "b11");
    plan.targets().stream().filter(t -> t.method().fact().displayName().equals("CatReader.name")).forEach(target ->
        assertTrue(target.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals("CatService.rename")),
            "cached with no eviction by CatService.rename: " + target.evictions()));
    assertTrue(cached(plan, "CatReader.name")
        || RefusalIds.factsOf(plan, "CatReader", "name").contains("writer shop.CatService.rename"), RefusalIds.listing(plan));
  }

  /** A write an eviction can follow leaves the read cached. (From hostile review 32: its control d0.) */
  @Test
  void aWriteAnEvictionCanFollowLeavesTheReadCached() {
    MigrationPlan writer = casePlan("hostile32", "d0");
    assertTrue(cached(writer, "CatRepository.nameOf"), writer.refusals().toString());
  }

  /**
   * A write declared only on an interface the repository extends: @Modifying @Query (b6), a derived delete (b7).
   * (From hostile review 34, cases b6, b7.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"b6", "b7"})
  void aWriteDeclaredOnAnExtendedInterfaceEvicts(String attack) {
    MigrationPlan plan = casePlan("hostile34", attack);
    assertFalse(cachedUnevicted(plan, "CatReader.name"), plan.targets().toString());
  }

  /**
   * A JDBC write through a statement whose type optkit cannot resolve without the project's jars: a {@code var}
   * connection from a library chain (b9e: prepareStatement, r1: not in a try, r3: createStatement, c9:
   * DataSourceUtils) or Hibernate's {@code doWork} lambda (c10). The read of the row it updates is evicted by it.
   * (From hostile review 37, cases b9e, c10, c9, r1, r3.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"b9e", "c10", "c9", "r1", "r3"})
  void aJdbcWriteThroughAnUnresolvedStatementEvictsTheRead(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(plan.targets().stream().filter(t -> t.method().fact().displayName().equals("PetDao.name"))
        .anyMatch(t -> !t.toString().contains("name=rename")), plan.targets().toString());
  }

  /**
   * Entities a JPQL query loaded ({@code em.createQuery(..).getResultStream()/getResultList()}), changed by the read
   * through a method reference (j1), a lambda (j3), a list streamed (j4) or a local (j5): a write at the flush that
   * a cached answer would skip.
   * (From hostile review 37, cases j1, j3, j4, j5.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"j1", "j3", "j4", "j5"})
  void entitiesAQueryLoadedAndTheReadChangesAreWritten(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "CatService.names"), plan.targets().toString());
  }

  /**
   * SQL in another class's constant, where the text taken was not the one that runs: a static import shadowed by an
   * inherited, an interface's or an own field (k1, k8, k2, and on the read side k1r), a field named like the class
   * (k7), a chain's bound value taken for the statement (k24), a batchUpdate of two statements read as one (k6). The
   * read was cached without the rename's eviction and answered the old name.
   * (From hostile review 40, cases k1 to k24.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"k1", "k8", "k2", "k1r", "k7", "k24", "k6"})
  void aConstantsTextIsTakenOnlyWhereItIsTheOneThatRuns(String attack) {
    MigrationPlan plan = caseProject("hostile40", "spring-base", attack).resources("/hostile40/" + attack).plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("PetDao.name")
        && !t.toString().contains("name=rename")), plan.targets() + "\n" + reasons(plan));
  }

  /**
   * The review's false reason: {@code find(id)} on {@code this}, then {@code pet.setLiked(..)} on a {@code @Transient}
   * field, was "it writes: it changes what PetService.find() loaded (pet), which JPA writes back at the flush" (and
   * so an evicting writer); the flush writes nothing of it, as when the repository's load is changed directly.
   * (From hostile review 42, case c8.)
   */
  @Test
  void aTransientFieldSetOnWhatAHelperLoadedIsNoWrite() {
    MigrationPlan plan = caseProject("hostile42", "jpa-base", "c8").resources("/hostile42/c8").plan();
    assertFalse(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.OWN_WRITE
        && r.finding().enclosingMethod().startsWith("forUser(")), plan.refusals().toString());
    assertTrue(plan.targets().stream().flatMap(t -> t.evictions().stream())
        .noneMatch(e -> e.writer().fact().displayName().equals("PetService.forUser")), plan.targets().toString());
  }

  /**
   * A feed that only sets a @Transient flag on each pet findAll() loaded writes nothing at the flush: no refusal of
   * feed() says it writes. (From hostile review 43, its false reason t1.)
   */
  @Test
  void aTransientFlagOnEachLoadedEntityIsNoWrite() {
    MigrationPlan feed = casePlan("hostile43", "t1");
    assertFalse(feed.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("feed(")
        && r.proof() == Proof.OWN_WRITE), feed.refusals().toString());
  }

  /**
   * F3 (hoangtuanqn's shop): {@code sessions.set(user.getId(), user.getEmail())} on a bean of the project was read as
   * reflection's {@code Field.set(target, value)}, a write of the user. The twin does set the user's name by
   * reflection and stays refused.
   * (From trial 48's false reasons, F3.)
   */
  @Test
  void aProjectMethodNamedSetIsNoReflectiveWrite() {
    MigrationPlan plan = caseProject("reasons48", "setnamedcall", "set").plan();
    assertTrue(cached(plan, "UserRepository.findByEmail"), plan.targets() + " " + plan.refusals());
    assertFalse(plan.targets().toString().contains("name=login"), plan.targets().toString());

    MigrationPlan twin = caseProject("reasons48", "setnamedcall", "reflect")
        .resources("/reasons48/setnamedcallreflect").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findByEmail")
        && r.proof() == Proof.RESULT_CHANGED), twin.targets() + " " + twin.refusals());
  }

  /**
   * A read handing what it loaded to an iterator whose next() sets its own field writes (the flush may write what
   * next() changes), and stays refused: an allowance for it (and for polling its own {@code new LinkedList<>()}) was
   * dropped after hostile review 94 served stale answers through it: the facts of {@code next()} miss changes made to
   * what it takes out of its queue ({@code queue.peek().setTitle(..)}, a tag list cleared through a local), which the
   * field assignment's refusal had covered. The shape and review 94's c02 refuse. (From trial 85's F3 on
   * Krit-90/department-service, resources trial85/r3.)
   */
  @Test
  void anIteratorOverTheEntitysChildrenStillRefuses() {
    String service = caseText("trial85", "r3/" + DEPARTMENT_SERVICE);
    for (String changed : List.of(service, service.replace("            nextDepartment = queue.poll();",
        "            queue.peek().setTitle(queue.peek().getTitle() + \"!\");\n            nextDepartment = queue.poll();"))) {
      MigrationPlan plan = departmentPlan("iterator" + changed.length(), changed);
      assertEquals(Optional.of(Proof.OWN_WRITE), proofStartingWith(plan, "getAllSubordinateDepartments("),
          refusalStartingWith(plan, "getAllSubordinateDepartments(").toString());
      // the case is that the iterator's next() is what changes it, which only the words name
      assertTrue(refusalStartingWith(plan, "getAllSubordinateDepartments(")
          .map(r -> r.contains("DepartmentIterator.next()")).orElse(false),
          refusalStartingWith(plan, "getAllSubordinateDepartments(").toString());
    }
  }
}
