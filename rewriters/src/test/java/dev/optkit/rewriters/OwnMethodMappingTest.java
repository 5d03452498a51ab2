package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows a read maps through a method of its own class ({@code page.map(this::toDto)}) are what that method returns: a
 * new DTO of their values is no entity handed on, and a method that hands the row back, or keeps it in what it
 * returns, is followed as a mapper bean's is. A usefulness trial's currency service mapped a page of entities with
 * {@code conversionPage.map(this::conversionToDto)}, and the repository's query was said to return the entity to the
 * controller.
 */
class OwnMethodMappingTest {
  @TempDir Path dir;

  private MigrationPlan conversions(String name, String mapped, String mapper) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.FetchType;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;

            @Entity
            public class Conversion {
                @Id
                private Long id;
                private String currency;
                @ManyToOne(fetch = FetchType.LAZY)
                private Conversion previous;

                public Long getId() {
                    return id;
                }

                public String getCurrency() {
                    return currency;
                }

                public Conversion getPrevious() {
                    return previous;
                }
            }
            """)
        .java("""
            package shop;

            public class ConversionDto {
                private final Long id;
                private final String currency;

                public ConversionDto(Long id, String currency) {
                    this.id = id;
                    this.currency = currency;
                }

                public Long getId() {
                    return id;
                }

                public String getCurrency() {
                    return currency;
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.domain.Page;
            import org.springframework.data.domain.Pageable;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface ConversionRepository extends JpaRepository<Conversion, Long> {
                Page<Conversion> findByCurrency(String currency, Pageable pageable);
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.domain.Page;
            import org.springframework.data.domain.PageRequest;
            import org.springframework.stereotype.Service;

            @Service
            public class Conversions {
                private final ConversionRepository conversions;

                public Conversions(ConversionRepository conversions) {
                    this.conversions = conversions;
                }

                public Page<%s> list(String currency, int page) {
                    return conversions.findByCurrency(currency, PageRequest.of(page, 20)).map(this::toDto);
                }

                %s
            }
            """.formatted(mapped, mapper))
        .java("""
            package shop;

            import org.springframework.data.domain.Page;
            import org.springframework.http.ResponseEntity;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RequestParam;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class ConversionController {
                private final Conversions conversions;

                public ConversionController(Conversions conversions) {
                    this.conversions = conversions;
                }

                @GetMapping("/conversions")
                public ResponseEntity<Page<%s>> list(@RequestParam String currency) {
                    return ResponseEntity.ok(conversions.list(currency, 0));
                }
            }
            """.formatted(mapped))
        .plan();
  }

  @Test
  void rowsMappedToNewDtosByAnOwnMethodAreNotHandedOn() {
    MigrationPlan plan = conversions("dto", "ConversionDto", """
        private ConversionDto toDto(Conversion conversion) {
                    return new ConversionDto(conversion.getId(), conversion.getCurrency());
                }""");
    assertEquals(List.of("list"), plan.targets().stream().map(t -> t.method().fact().name()).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    // the query below it is left to the cache above (one level per data), not refused as handing its entity on
    assertEquals(List.of(Proof.OUTER_LEVEL_CACHED), plan.refusals().stream()
        .filter(r -> r.finding().enclosingMethod().startsWith("findByCurrency")).map(Refusal::proof).toList(),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  @Test
  void anOwnMethodHandingTheRowBackHandsTheEntityOn() {
    MigrationPlan plan = conversions("same", "Conversion", """
        private Conversion toDto(Conversion conversion) {
                    return conversion;
                }""");
    assertTrue(plan.targets().stream().noneMatch(t -> t.method().fact().name().equals("list")), plan.targets().toString());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.proof() == Proof.ENTITY_RESULT),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }
}
