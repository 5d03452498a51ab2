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
}
