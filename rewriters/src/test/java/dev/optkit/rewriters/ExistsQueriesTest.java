package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A boolean exists query is answered by the database, not by the persistence context's instances; a boolean the
 * project computes by loading the entity (a fragment, a repository base class) is no such query. Each case's
 * comment names the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile
 * review it came from, and its project (a case naming none is from the first audit, a review of 30 refusals on four
 * projects); each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class ExistsQueriesTest extends SpringProjectPlans {
  // ---- seventh audit: a boolean exists query is answered by the database, not by the persistence context's instances
  // (genesshoan/cinema-rest-api RoomRepository.existsByName: "it reads JPA entities inside the transaction of
  // RoomService.updateRoom() ... Hibernate answers with the instances that transaction's persistence context already
  // holds")

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
    String why = refusalStartingWith(rooms("exists", "boolean existsByName(String name);", "rooms.existsByName(name)"),
        "existsByName").orElse("cached");
    assertFalse(why.contains("persistence context"), why);
    // the true twin: a query returning the entity answers with the instance the transaction already holds
    why = refusalStartingWith(rooms("entity", "Optional<Room> findByName(String name);", "rooms.findByName(name).isPresent()"),
        "findByName").orElse("cached");
    assertTrue(why.contains("persistence context"), why);
  }

  /**
   * Hostile review of the seventh audit's allowances (attacks28), a boolean the project implements by loading the
   * entity (a fragment, a repository base class) is no scalar query.
   */
  @ParameterizedTest
  @ValueSource(strings = {"c1", "c1b", "c5"})
  void aBooleanTheProjectComputesFromEntitiesIsNoDatabaseAnswer(String attack) {
    MigrationPlan plan = casePlan("attacks28", attack);
    assertFalse(target(plan, "Catalog.isActive").isPresent(), plan.targets().toString());
    assertFalse(target(plan, "BaseRepository.existsActive").isPresent(), plan.targets().toString());
  }
}
