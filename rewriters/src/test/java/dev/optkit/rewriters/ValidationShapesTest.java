package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.proof.Evidence;
import dev.optkit.rewriters.caching.proofs.GuardsWritesProof;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shapes a validation of a count is written in, read by {@code TestedCall.throwsOnIt} for cache.guards-writes: a
 * count every production caller throws on guards what follows the validation and must not be cached; a count that only
 * chooses what to show must not be refused because some other, unrelated branch near it throws. (Cases from the hostile
 * review of 2026-11-30 of the commits after 9dc756f1; the braced {@code if} with its throw is the shape the commit's own
 * test shows, here beside the shapes it misses.)
 */
class ValidationShapesTest extends SpringProjectPlans {
  private static final String LOANS = """
      package shop;

      import org.springframework.jdbc.core.JdbcTemplate;
      import org.springframework.stereotype.Repository;

      @Repository
      public class Loans {
          private final JdbcTemplate jdbc;

          public Loans(JdbcTemplate jdbc) {
              this.jdbc = jdbc;
          }

          public int openLoans(long member) {
              return jdbc.queryForObject("SELECT count(*) FROM loan WHERE member_id = ?", Integer.class, member);
          }
      }
      """;

  private Optional<String> guardsWrites(String name, String limitsBody) {
    MigrationFixture project = spring(name).java(LOANS).java("""
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Limits {
            private final Loans loans;

            public Limits(Loans loans) {
                this.loans = loans;
            }
        %s
        }
        """.formatted(limitsBody));
    return OneProof.refusalId(project, new GuardsWritesProof(), "shop.Loans", "openLoans");
  }

  /**
   * {@code if (open >= 3) throw new ...;} without braces is the same validation as with them: {@code throwsIn} looks
   * for a throw whose ancestor is the branch, and a throw that IS the branch has none, so the count is cached and the
   * borrow limit read from a stale count. The braced forms are refused today (the contrast).
   */
  @ParameterizedTest
  @ValueSource(strings = {"braced", "unbraced", "unbracedNegated", "unbracedThroughABooleanCheck"})
  void aValidationThrowingWithOrWithoutBracesIsRefused(String shape) {
    String body = switch (shape) {
      case "braced" -> """
              public void checkBorrowLimit(long member) {
                  if (loans.openLoans(member) >= 3) {
                      throw new IllegalStateException("limit");
                  }
              }
          """;
      case "unbraced" -> """
              public void checkBorrowLimit(long member) {
                  if (loans.openLoans(member) >= 3) throw new IllegalStateException("limit");
              }
          """;
      case "unbracedNegated" -> """
              public void checkBorrowLimit(long member) {
                  int open = loans.openLoans(member);
                  if (!(open < 3))
                      throw new IllegalStateException("limit");
              }
          """;
      default -> """
              public boolean mayBorrow(long member) {
                  return loans.openLoans(member) < 3;
              }

              public void checkBorrowLimit(long member) {
                  if (!mayBorrow(member)) throw new IllegalStateException("limit");
              }
          """;
    };
    assertEquals(Optional.of("cache.guards-writes"), guardsWrites("braces-" + shape, body), shape);
  }

  /**
   * A validation whose comparison is kept in a boolean local ({@code boolean reached = open >= 3; if (reached) throw})
   * or whose throw is a helper's ({@code if (open >= 3) refuse("limit")}, {@code open < 3 ? .. : fail()}): the count
   * still decides the throw, and every caller is a validation, but nothing reads the throw there.
   */
  @ParameterizedTest
  @ValueSource(strings = {"booleanLocal", "throwingHelper", "ternaryToAThrowingHelper"})
  void aValidationThroughALocalOrAThrowingHelperIsRefused(String shape) {
    String body = switch (shape) {
      case "booleanLocal" -> """
              public void checkBorrowLimit(long member) {
                  boolean reached = loans.openLoans(member) >= 3;
                  if (reached) {
                      throw new IllegalStateException("limit");
                  }
              }
          """;
      case "throwingHelper" -> """
              public void checkBorrowLimit(long member) {
                  if (loans.openLoans(member) >= 3) {
                      refuse("limit");
                  }
              }

              private static void refuse(String why) {
                  throw new IllegalStateException(why);
              }
          """;
      default -> """
              public int booksLeft(long member) {
                  int open = loans.openLoans(member);
                  return open < 3 ? 3 - open : fail();
              }

              private static int fail() {
                  throw new IllegalStateException("limit");
              }
          """;
    };
    assertEquals(Optional.of("cache.guards-writes"), guardsWrites("local-" + shape, body), shape);
  }

  /**
   * A count that only chooses what to show, whose branch happens to hold a throw for another reason: a checked
   * exception wrapped inside the branch ({@code catch (IOException e) { throw new UncheckedIOException(e); }}), or an
   * else-if on another condition ({@code else if (member <= 0) throw ..}). Neither throws on the count; {@code throwsIn}
   * finds any throw anywhere in either branch, so the read is refused as a check that guards writes, with this display
   * method named as the CALLER fact that "throws on it".
   */
  @ParameterizedTest
  @ValueSource(strings = {"wrappedCheckedException", "elseIfOnAnotherCondition"})
  void aCountChoosingWhatToShowBesideAnUnrelatedThrowIsNotRefused(String shape) {
    String body = shape.equals("wrappedCheckedException") ? """
            public String summary(long member) {
                if (loans.openLoans(member) > 0) {
                    try {
                        return java.nio.file.Files.readString(java.nio.file.Path.of("busy.txt"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return "free";
            }
        """ : """
            public String badge(long member) {
                if (loans.openLoans(member) > 10) {
                    return "heavy reader";
                } else if (member <= 0) {
                    throw new IllegalArgumentException("member");
                }
                return "reader";
            }
        """;
    assertEquals(Optional.empty(), guardsWrites("display-" + shape, body), shape);
  }

  /**
   * A count read by a boolean check ({@code mayBorrow}) that a validation throws on: refused, and its facts name
   * the callers that "write or throw on it" ({@link Evidence.Role#CALLER}). The one that throws is checkBorrowLimit;
   * mayBorrow only compares. The facts name the direct callers however deep the proof followed the checks, so the
   * report names a method that neither writes nor throws as the one that does. (The hostile review of 2026-11-30.)
   */
  @org.junit.jupiter.api.Test
  void aRefusalThroughACheckNamesTheValidationThatThrowsAsItsFact() {
    MigrationFixture project = spring("facts-through-a-check").java(LOANS).java("""
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Limits {
            private final Loans loans;

            public Limits(Loans loans) {
                this.loans = loans;
            }

            public boolean mayBorrow(long member) {
                return loans.openLoans(member) < 3;
            }

            public void checkBorrowLimit(long member) {
                if (!mayBorrow(member)) {
                    throw new IllegalStateException("limit");
                }
            }
        }
        """);
    List<Evidence> facts = OneProof.ask(project, new GuardsWritesProof(), "shop.Loans", "openLoans").orElseThrow()
        .facts();
    assertEquals(List.of("checkBorrowLimit"), facts.stream().filter(f -> f.role() == Evidence.Role.CALLER)
        .map(Evidence::method).toList(), facts.toString());
  }
}
