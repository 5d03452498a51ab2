package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.ProjectFixture;
import dev.optkit.analyzers.facts.IoSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPA save or delete writes its entity's table, the join tables it owns and what its cascades
 * reach, not every table its associations reach: a ManyToOne without cascade writes only the owner's
 * foreign key (java-shareit's Booking save wrote bookings alone, not items, requests, users). A load
 * still reads every table its associations may reach.
 */
class WriteFootprintTest {
  @TempDir Path dir;

  private static final String USER = """
      package shop;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "users")
      public class User {
          @Id
          private Long id;
          private String name;
      }
      """;

  private static final String ITEM = """
      package shop;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "items")
      public class Item {
          @Id
          private Long id;
          @ManyToOne
          @JoinColumn(name = "owner_id")
          private User owner;
      }
      """;

  private static final String BOOKING = """
      package shop;

      import jakarta.persistence.*;
      import java.util.Set;

      @Entity
      @Table(name = "bookings")
      public class Booking {
          @Id
          private Long id;
          @OneToOne
          @JoinColumn(name = "item_id")
          private Item item;
          @ManyToOne(fetch = FetchType.LAZY)
          @JoinColumn(name = "booker_id")
          private User booker;
          @OneToMany(mappedBy = "booking")
          private Set<Note> notes;
      }
      """;

  private static final String NOTE = """
      package shop;

      import jakarta.persistence.*;

      @Entity
      @Table(name = "notes")
      public class Note {
          @Id
          private Long id;
          @ManyToOne
          private Booking booking;
      }
      """;

  private static String repository(String entity) {
    return """
        package shop;

        import org.springframework.data.jpa.repository.JpaRepository;

        public interface %sRepository extends JpaRepository<%s, Long> {
        }
        """.formatted(entity, entity);
  }

  private static final String SERVICE = """
      package shop;

      import org.springframework.stereotype.Service;

      @Service
      public class BookingService {
          private final BookingRepository bookings;

          public BookingService(BookingRepository bookings) {
              this.bookings = bookings;
          }

          public Booking create(Booking booking) {
              return bookings.save(booking);
          }

          public void remove(Long id) {
              bookings.deleteById(id);
          }

          public Booking load(Long id) {
              return bookings.findById(id).orElseThrow();
          }
      }
      """;

  private ProjectIndex index(String booking, String note) {
    return new ProjectFixture(dir).java(USER).java(ITEM).java(booking).java(note).java(repository("Booking"))
        .java(SERVICE).assess().index();
  }

  private static IoSite site(ProjectIndex index, String method, String call) {
    return index.sitesOf(index.methodsNamed(method).get(0)).stream().filter(s -> s.method().equals(call))
        .findFirst().orElseThrow(() -> new AssertionError("no " + call + "() in " + method + "()"));
  }

  private static Set<String> tables(DataFootprint footprint) {
    assertFalse(footprint.unknown(), footprint.toString());
    return footprint.names();
  }

  @Test
  void aSaveWithoutCascadesWritesItsEntitysTableAlone() {
    ProjectIndex index = index(BOOKING, NOTE);
    assertEquals(Set.of("table:bookings"), tables(index.footprints().of(site(index, "create", "save"))));
    assertEquals(Set.of("table:bookings"), tables(index.footprints().of(site(index, "remove", "deleteById"))));
    assertEquals(java.util.Optional.of("its entity's table"),
        index.footprints().writtenScope(site(index, "create", "save")));
  }

  @Test
  void aLoadStillReadsEveryTableItsAssociationsReach() {
    ProjectIndex index = index(BOOKING, NOTE);
    assertEquals(Set.of("table:bookings", "table:items", "table:notes", "table:users"),
        tables(index.footprints().of(site(index, "load", "findById"))));
    // and what a save hands back, changed, is written back with all it reaches (dirty checking)
    assertEquals(Set.of("table:bookings", "table:items", "table:notes", "table:users"),
        tables(index.footprints().ofLoaded(site(index, "create", "save"))));
  }

  @Test
  void aCascadeReachesItsTargetAndTheTargetsOwnCascadesButNoFurther() {
    String cascaded = BOOKING.replace("    @OneToOne\n", "    @OneToOne(cascade = CascadeType.ALL)\n");
    ProjectIndex index = index(cascaded, NOTE);
    // Item's ManyToOne owner has no cascade: users is not written
    assertEquals(Set.of("table:bookings", "table:items"), tables(index.footprints().of(site(index, "create", "save"))));
    assertEquals(java.util.Optional.of("its entity's table and the tables its cascades reach"),
        index.footprints().writtenScope(site(index, "create", "save")));
  }

  @Test
  void onlyWritingCascadesCountAndHibernatesCascadeAndOrphanRemovalDo() {
    String refreshOnly = BOOKING.replace("    @OneToOne\n", "    @OneToOne(cascade = {CascadeType.REFRESH, CascadeType.DETACH})\n");
    ProjectIndex refreshed = index(refreshOnly, NOTE);
    assertEquals(Set.of("table:bookings"), tables(refreshed.footprints().of(site(refreshed, "create", "save"))));

    String hibernate = BOOKING.replace("    @OneToOne\n",
        "    @OneToOne\n    @org.hibernate.annotations.Cascade(org.hibernate.annotations.CascadeType.SAVE_UPDATE)\n");
    ProjectIndex saved = index(hibernate, NOTE);
    assertEquals(Set.of("table:bookings", "table:items"), tables(saved.footprints().of(site(saved, "create", "save"))));

    String orphans = BOOKING.replace("@OneToMany(mappedBy = \"booking\")", "@OneToMany(mappedBy = \"booking\", orphanRemoval = true)");
    ProjectIndex removed = index(orphans, NOTE);
    assertEquals(Set.of("table:bookings", "table:notes"), tables(removed.footprints().of(site(removed, "remove", "deleteById"))));
  }

  @Test
  void theJoinTablesItOwnsAreWrittenAndAnInverseSidesAreNot() {
    String owning = BOOKING.replace("    @OneToMany(mappedBy = \"booking\")\n    private Set<Note> notes;", """
            @ManyToMany
            @JoinTable(name = "booking_tags")
            private Set<Tag> tags;
            @ElementCollection
            @CollectionTable(name = "booking_codes")
            private Set<String> codes;
            @OneToMany
            @JoinColumn(name = "booking_id")
            private Set<Note> notes;""");
    String tag = """
        package shop;

        import jakarta.persistence.*;
        import java.util.Set;

        @Entity
        @Table(name = "tags")
        public class Tag {
            @Id
            private Long id;
            @ManyToMany(mappedBy = "tags")
            private Set<Booking> bookings;
        }
        """;
    String note = NOTE.replace("    @ManyToOne\n    private Booking booking;\n", "");
    ProjectIndex index = new ProjectFixture(dir).java(USER).java(ITEM).java(owning).java(note).java(tag)
        .java(repository("Booking")).java(repository("Tag")).java(SERVICE).java("""
            package shop;

            public class TagService {
                private final TagRepository tags;

                public TagService(TagRepository tags) {
                    this.tags = tags;
                }

                public Tag store(Tag tag) {
                    return tags.save(tag);
                }
            }
            """).assess().index();
    // the one-to-many's join column is in notes: the owner's save sets it
    assertEquals(Set.of("table:bookings", "table:bookingtags", "table:bookingcodes", "table:notes"),
        tables(index.footprints().of(site(index, "create", "save"))));
    assertEquals(java.util.Optional.of("its entity's table, the join tables it owns and the tables holding its "
        + "one-to-many's join column"), index.footprints().writtenScope(site(index, "create", "save")));
    // the inverse side of the many-to-many writes nothing of the relation
    assertEquals(Set.of("table:tags"), tables(index.footprints().of(site(index, "store", "save"))));
  }

  @Test
  void anInverseSideMappedByAColumnNoLongerMakesASaveUnknown() {
    // explore-with-me: @OneToMany(mappedBy = "eventId") where eventId is a plain Long column
    String plain = NOTE.replace("    @ManyToOne\n    private Booking booking;", "    private Long booking;");
    ProjectIndex index = index(BOOKING, plain);
    assertEquals(Set.of("table:bookings"), tables(index.footprints().of(site(index, "create", "save"))));
    assertTrue(index.footprints().of(site(index, "load", "findById")).unknown(), "a load's footprint stays as it was");
  }

  @Test
  void onDeleteOnAToOneTowardsTheEntityWritesTheOwnersTable() {
    String cascadedInSchema = NOTE.replace("    @ManyToOne\n", """
            @ManyToOne
            @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE)
        """);
    ProjectIndex index = index(BOOKING, cascadedInSchema);
    assertEquals(Set.of("table:bookings", "table:notes"), tables(index.footprints().of(site(index, "remove", "deleteById"))));
    assertEquals(List.of("its entity's table and the tables whose rows the database deletes with it (@OnDelete)"),
        index.footprints().writtenScope(site(index, "remove", "deleteById")).stream().toList());
  }
}
