package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.proof.Evidence;
import dev.optkit.rewriters.caching.proofs.CachedCallerProof;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How far below an existing cache a read counts as cached above: four calls (WholeProject.cachedCaller). The walk is
 * a depth-first one with one 'seen' set per cached method, so a method first reached down a long path is never walked
 * again from a shorter one, and what lies within four calls of the cache by the short path is missed. (Review: the
 * change was described as walking breadth first with CallWalk, depth 4; WholeProject.markCallees still recurses.)
 */
class CachedCallerDepthTest extends SpringProjectPlans {

  private static final String CATALOG = """
      package shop;

      import org.springframework.cache.annotation.Cacheable;
      import org.springframework.stereotype.Service;

      @Service
      public class Catalog {
          private final Pricing pricing;
          private final Books books;

          public Catalog(Pricing pricing, Books books) {
              this.pricing = pricing;
              this.books = books;
          }

          @Cacheable("summaries")
          public String summary(long id) {
              return %s books.title(id);
          }
      }
      """;

  private static MigrationFixture chain(MigrationFixture project, String summaryStart) {
    return project.java(CATALOG.formatted(summaryStart)).java("""
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Pricing {
            private final Formats formats;

            public Pricing(Formats formats) {
                this.formats = formats;
            }

            public String label(long id) {
                return formats.format(id);
            }
        }
        """).java("""
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Formats {
            private final Books books;

            public Formats(Books books) {
                this.books = books;
            }

            public String format(long id) {
                return "[" + books.title(id) + "]";
            }
        }
        """).java("""
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Books {
            private final Names names;

            public Books(Names names) {
                this.names = names;
            }

            public String title(long id) {
                return names.name(id).toUpperCase();
            }
        }
        """).java("""
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Names {
            private final Rows rows;

            public Names(Rows rows) {
                this.rows = rows;
            }

            public String name(long id) {
                return rows.fetch(id).trim();
            }
        }
        """).java("""
        package shop;

        import org.springframework.jdbc.core.JdbcTemplate;
        import org.springframework.stereotype.Service;

        @Service
        public class Rows {
            private final JdbcTemplate jdbc;

            public Rows(JdbcTemplate jdbc) {
                this.jdbc = jdbc;
            }

            public String fetch(long id) {
                return jdbc.queryForObject("SELECT name FROM books WHERE id = ?", String.class, id);
            }
        }
        """);
  }

  /**
   * Attacks: Rows.fetch is three calls below the cached Catalog.summary (summary, Books.title, Names.name, fetch).
   * Alone, that path makes it 'cached above'. When summary first calls Pricing.label, which reaches Books.title four
   * calls down (label, format, title), the walk marks title and name there with no depth left, and then skips title
   * on the short path as seen: fetch is never marked and optkit would cache it under summary, a second cache level
   * whose TTL adds to summary's (the stale-longer answer the proof exists to prevent). The answer depends on the
   * order of summary's calls.
   */
  @Test
  void aReadWithinFourCallsOfACacheIsUnderItWhateverLongerPathReachesItFirst() {
    MigrationFixture direct = chain(spring("direct"), "");
    assertEquals(Optional.of("cache.cached-caller"),
        OneProof.refusalId(direct, new CachedCallerProof(), "shop.Rows", "fetch"), "three calls below summary");
    MigrationFixture longFirst = chain(spring("long-first"), "pricing.label(id) +");
    assertEquals(List.of(Evidence.Role.CACHED_ABOVE), OneProof.ask(longFirst, new CachedCallerProof(), "shop.Rows",
        "fetch").map(reason -> reason.facts().stream().map(Evidence::role).toList()).orElse(List.of()),
        "still three calls below summary, which now also reaches Books.title by a longer path first");
  }
}
