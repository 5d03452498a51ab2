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
 * Refusal reasons the seventh audit (30 refusals on four projects no audit had read, 2026-11-25,
 * evening) found false, each beside a true twin.
 */
class SeventhAuditReasonsTest {
  @TempDir Path dir;

  private static Optional<String> refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method))
        .map(Refusal::reason).findFirst();
  }

  // ---- a class injected by its class where no Spring context injects it, or under Boot (KALDYBAKYZY/final_soft:
  // "CategoryServiceImpl implements interfaces and is injected by its class (CategoryServiceTest.service)", a
  // Mockito test's @InjectMocks field in a Gradle-built Spring Boot application; 14 refusals)

  private static final String STORE = """
      package shop;

      public interface Store {
          String entry(String key);
      }
      """;

  private MigrationFixture store(String name, String application, String test) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java(STORE)
        .java(MigrationSafetyTest.bean("JdbcStore", "Service", "import org.springframework.stereotype.Service;", """
                public String entry(String key) {
                    return jdbc.queryForObject("SELECT value FROM entries WHERE name = ?", String.class, key);
                }
            """).replace("public class JdbcStore", "public class JdbcStore implements Store"));
    if (!application.isEmpty()) {
      fixture.java(application);
    }
    return fixture.file("src/test/java/shop/JdbcStoreTest.java", test);
  }

  private static final String MOCKITO_TEST = """
      package shop;

      import org.junit.jupiter.api.extension.ExtendWith;
      import org.mockito.InjectMocks;
      import org.mockito.junit.jupiter.MockitoExtension;

      @ExtendWith(MockitoExtension.class)
      class JdbcStoreTest {
          @InjectMocks
          JdbcStore store;
      }
      """;

  private static final String CONTEXT_TEST = """
      package shop;

      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.test.context.ContextConfiguration;

      @ContextConfiguration(classes = JdbcStore.class)
      class JdbcStoreTest {
          @Autowired
          JdbcStore store;
      }
      """;

  private static final String BOOT_TEST = """
      package shop;

      import org.springframework.beans.factory.annotation.Autowired;
      import org.springframework.boot.test.context.SpringBootTest;

      @SpringBootTest
      class JdbcStoreTest {
          @Autowired
          JdbcStore store;
      }
      """;

  private static final String BOOT_APPLICATION = """
      package shop;

      import org.springframework.boot.autoconfigure.SpringBootApplication;

      @SpringBootApplication
      public class Shop {
      }
      """;

  @Test
  void aClassOnlyAMockitoTestMakesOrABootApplicationProxiesIsNoJdkProxyClash() {
    String why = refusal(store("mockito", "", MOCKITO_TEST).plan(), "entry").orElse("cached");
    assertFalse(why.contains("JDK proxy"), why);
    why = refusal(store("boot", BOOT_APPLICATION, BOOT_TEST).plan(), "entry").orElse("cached");
    assertFalse(why.contains("JDK proxy"), why);
    // true twins: a plain Spring test context in a Boot project makes JDK proxies (hostile review b3b)
    why = refusal(store("boot-plain-test", BOOT_APPLICATION, CONTEXT_TEST).plan(), "entry").orElse("cached");
    assertTrue(why.contains("JDK proxy"), why);
    // the true twin: a test context outside Boot injects it by its class
    why = refusal(store("context", "", CONTEXT_TEST).plan(), "entry").orElse("cached");
    assertTrue(why.contains("JdbcStore implements interfaces and is injected by its class (JdbcStoreTest.store)"), why);
  }

  // ---- a boolean exists query is answered by the database, not by the persistence context's instances
  // (genesshoan/cinema-rest-api RoomRepository.existsByName: "it reads JPA entities inside the transaction of
  // RoomService.updateRoom() ... Hibernate answers with the instances that transaction's persistence context
  // already holds")

  private MigrationPlan rooms(String name, String query, String use) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Room {
                @Id
                private Long id;
                private String name;

                public String getName() {
                    return name;
                }

                public void setName(String name) {
                    this.name = name;
                }
            }
            """)
        .java("""
            package shop;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface RoomRepository extends JpaRepository<Room, Long> {
                %s
            }
            """.formatted(query))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class RoomService {
                private final RoomRepository rooms;

                public RoomService(RoomRepository rooms) {
                    this.rooms = rooms;
                }

                @Transactional
                public void rename(Long id, String name) {
                    Room room = rooms.findById(id).orElseThrow();
                    if (%s) {
                        throw new IllegalArgumentException(name);
                    }
                    room.setName(name);
                }
            }
            """.formatted(use))
        .plan();
  }

  @Test
  void aBooleanExistsQueryIsAnsweredByTheDatabase() {
    String why = refusal(rooms("exists", "boolean existsByName(String name);", "rooms.existsByName(name)"),
        "existsByName").orElse("cached");
    assertFalse(why.contains("persistence context"), why);
    // the true twin: a query returning the entity answers with the instance the transaction already holds
    why = refusal(rooms("entity", "Optional<Room> findByName(String name);", "rooms.findByName(name).isPresent()"),
        "findByName").orElse("cached");
    assertTrue(why.contains("persistence context"), why);
  }

  // ---- a MapStruct @AfterMapping hook changes the DTO the mapping just made (esidarapp/bookstore
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
    String why = refusal(books("fresh", """
                    BookDto dto = new BookDto();
                    dto.setTitle(book.getTitle());
                    setCode(dto, book);
                    return dto;
            """), "byTitle").orElse("cached");
    assertFalse(why.contains("changes state shared between calls"), why);
    // the true twin: the mapper changes one DTO it keeps for every call
    why = refusal(books("kept", """
                    setCode(last, book);
                    return last;
            """), "byTitle").orElse("cached");
    assertTrue(why.contains("changes state shared between calls"), why);
  }

  // ---- two methods of one name on different receivers in one caller (genesshoan/cinema-rest-api #16:
  // "RoomService.getEntityById: ... Movie.addShowtime(), which changes it", for `var room = ...; room.addShowtime(s)`)

  @Test
  void aCallOnTheResultRunsItsOwnTypesMethodNotAnotherOfTheSameName() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("samename")).resources("/reasons30/samename").plan();
    Optional<String> room = refusal(plan, "getEntityById").filter(r -> false);
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

  // ---- a MapStruct @Mapper class reached through a field typed by a type variable, whose method a plain generic
  // interface declares (Technic47/Shop_data_model BucketItemService: "AbstractMapper.allEntitiesToDtos() has no
  // implementation among the project's classes (a lambda, an anonymous class or generated code may implement it")

  @Test
  void aMapperClassImplementingAGenericInterfaceIsMissingItsGeneratedImplementation() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("mapper")).resources("/reasons30/inheritedmapper").plan();
    String reason = refusal(plan, "getAllByCustomerId").orElseThrow(() -> new AssertionError(plan.targets()));
    assertTrue(reason.contains("build the project first (missing: the implementation of ItemMapper"), reason);
  }

  // ---- a lazy to-one read only for its id through a local, as MapStruct writes it (esidarapp/bookstore built,
  // audit 7: "OrderItemMapperImpl.orderItemBookId() reads its lazy association OrderItem.book (getBook())")

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
    Optional<String> reason = refusal(plan, "findByQuantity");
    assertFalse(reason.isPresent() && reason.get().contains("lazy association"), reason.toString());
    // its true twin: the title is read off the proxy, which loads it
    MigrationPlan title = mappedItems("title", "book.getTitle()");
    String refused = refusal(title, "findByQuantity").orElseThrow(() -> new AssertionError(title.targets()));
    assertTrue(refused.contains("reads its lazy association book (getBook())"), refused);
  }
}
