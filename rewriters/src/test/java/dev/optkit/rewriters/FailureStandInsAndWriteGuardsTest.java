package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.proof.Proof;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks on the proofs that a read's failure answer is no value (cached with null never kept) and that a check only
 * writers read is not cached (from a hostile review of the session that added FailureAnswerReads' NoValue verdict and
 * GuardsWritesProof). Each case asserts the safe outcome: a read whose failure answers a stand-in is not cached; a read
 * whose every failure answers null, given whole, is cached keeping no null.
 */
class FailureStandInsAndWriteGuardsTest {
  @TempDir Path dir;

  /** A Spring service reading a remote API through a private helper that throws on failure; {@code %s} its reads. */
  private static final String SERVICE = """
      package shop;

      import java.io.IOException;
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.Optional;
      import java.util.concurrent.TimeUnit;
      import java.util.function.Supplier;

      @org.springframework.stereotype.Service
      public class Songs {
          private static final List<String> STORES = List.of("a", "b", "c");
          private final HttpClient http = HttpClient.newHttpClient();
          private final String base = System.getProperty("songs.base");
          private String last;

          private String fetch(String uri) throws IOException, InterruptedException {
              HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).GET().build(),
                      HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() != 200) {
                  throw new IOException("status " + response.statusCode());
              }
              return response.body();
          }

      %s
      }
      """;

  private MigrationPlan plan(String reads) {
    return new MigrationFixture(dir).file("pom.xml", RedisBackendTest.BOOT_POM).java(SERVICE.formatted(reads)).plan();
  }

  private static Optional<CachingTarget> target(MigrationPlan plan, String method) {
    return plan.targets().stream().filter(t -> t.method().fact().name().equals(method)).findFirst();
  }

  /** The read is not cached: a cache would keep its failure's stand-in. */
  private static void assertStandInNotCached(MigrationPlan plan, String method) {
    assertFalse(target(plan, method).isPresent(), method + " cached (keepsNoNull="
        + target(plan, method).map(CachingTarget::keepsNoNull).orElse(null) + "); refusals "
        + plan.refusals().stream().map(Refusal::reason).toList());
    // the caching proof's id; a loop rewrite's refusal of the same method (loop.not-for-each) is another matter
    assertEquals(List.of(Proof.FAILURE_ANSWER), proofs(plan, method).stream()
        .filter(proof -> proof.stage() != dev.optkit.analyzers.proof.Stage.LOOP).toList(),
        plan.notCacheable() + " " + plan.refusals());
  }

  private static void assertNotCached(MigrationPlan plan, String method) {
    assertFalse(target(plan, method).isPresent(), method + " cached (keepsNoNull="
        + target(plan, method).map(CachingTarget::keepsNoNull).orElse(null) + ")");
  }

  /** The proofs that refused the method: assess's not-cacheable reasons and the planner's refusals. */
  private static List<Proof> proofs(MigrationPlan plan, String method) {
    return java.util.stream.Stream.concat(
        plan.notCacheable().stream().filter(n -> n.member().startsWith(method + "(")).map(n -> n.reason().proof()),
        plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "(")).map(Refusal::proof))
        .distinct().toList();
  }

  /** Control: the fixture's read with its failure propagating is cached, so a refusal below is the stand-in's. */
  @Test
  void aReadWhoseFailurePropagatesIsCached() {
    MigrationPlan plan = plan("""
            public String songs(String artist) throws IOException, InterruptedException {
                return fetch(base + "/songs/" + artist);
            }
        """);
    assertTrue(target(plan, "songs").isPresent(), plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  /** A lambda's catch that goes on skips the failed store: the answer is a partial list, kept until its TTL. */
  @Test
  void aLambdasCatchSkippingAFailedItemIsAStandIn() {
    assertStandInNotCached(plan("""
            public List<String> prices(String sku) {
                List<String> out = new ArrayList<>();
                STORES.forEach(store -> {
                    try {
                        out.add(fetch(base + "/" + store + "/" + sku));
                    } catch (IOException | InterruptedException e) {
                        System.err.println(e.getMessage());
                    }
                });
                return out;
            }
        """), "prices");
  }

  /** A catch in a lambda inside a lambda answers the stand-in as a part of the answer, as one lambda deep does. */
  @Test
  void aNestedLambdasCatchAnsweringAValueIsAStandIn() {
    assertStandInNotCached(plan("""
            public String prices(String sku) {
                return Optional.of(sku).map(s -> String.join(",", STORES.stream().map(store -> {
                    try {
                        return fetch(base + "/" + store + "/" + s);
                    } catch (IOException | InterruptedException e) {
                        return "unavailable";
                    }
                }).toList())).orElse("");
            }
        """), "prices");
  }

  /** An anonymous class's catch answering a stand-in, the method answering what its object gives. */
  @Test
  void anAnonymousClassesCatchAnsweringAValueIsAStandIn() {
    assertStandInNotCached(plan("""
            public String songs(String artist) {
                Supplier<String> read = new Supplier<>() {
                    @Override
                    public String get() {
                        try {
                            return fetch(base + "/songs/" + artist);
                        } catch (IOException | InterruptedException e) {
                            return "unavailable";
                        }
                    }
                };
                return read.get();
            }
        """), "songs");
  }

  /** A switch expression's catch that yields a stand-in: no return, yet the method answers it. */
  @Test
  void aSwitchCatchYieldingAValueIsAStandIn() {
    assertStandInNotCached(plan("""
            public String songs(String artist) {
                return switch (artist.length()) {
                    case 0 -> "";
                    default -> {
                        try {
                            yield fetch(base + "/songs/" + artist);
                        } catch (IOException | InterruptedException e) {
                            yield "unavailable";
                        }
                    }
                };
            }
        """), "songs");
  }

  /** A catch that goes on to answer the last good value, kept in a field written as this.last (held: key.misses-state). */
  @Test
  void aCatchFallingBackToTheLastValueInAFieldIsNotCached() {
    assertNotCached(plan("""
            public String songs(String artist) {
                try {
                    this.last = fetch(base + "/songs/" + artist);
                } catch (IOException | InterruptedException e) {
                    System.err.println(e.getMessage());
                }
                return this.last;
            }
        """), "songs");
  }

  /** A labelled block the catch breaks out of, past the return null after its try, to a stand-in. */
  @Test
  void aCatchBreakingPastTheReturnNullIsAStandIn() {
    MigrationPlan plan = plan("""
            public String songs(String artist) {
                read: {
                    try {
                        return fetch(base + "/songs/" + artist);
                    } catch (IOException | InterruptedException e) {
                        System.err.println(e.getMessage());
                        break read;
                    }
                }
                return "unavailable";
            }
        """);
    assertStandInNotCached(plan, "songs");
  }

  /** CompletableFuture.handle answers a stand-in for the failure, as exceptionally does. */
  @Test
  void aFuturesHandleAnsweringAValueIsAStandIn() {
    assertStandInNotCached(plan("""
            public String songs(String artist) {
                return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/songs/" + artist)).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                    .thenApply(HttpResponse::body)
                    .handle((body, failure) -> failure == null ? body : "unavailable")
                    .join();
            }
        """), "songs");
  }

  /** completeOnTimeout answers a stand-in when the call is slow: a timeout's answer kept until the TTL. */
  @Test
  void aFuturesCompleteOnTimeoutIsAStandIn() {
    assertStandInNotCached(plan("""
            public String songs(String artist) {
                return http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/songs/" + artist)).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                    .thenApply(HttpResponse::body)
                    .completeOnTimeout("unavailable", 2, TimeUnit.SECONDS)
                    .join();
            }
        """), "songs");
  }

  /**
   * {@code songs} returns a chain of {@code helpers} private helpers, each trimming the next one's answer; the last
   * catches the fetch's failure and answers {@code last} (or lets it propagate when {@code last} is null).
   */
  private static String helperChain(int helpers, String last) {
    StringBuilder code = new StringBuilder("""
                public String songs(String artist) {
                    return h1(artist);
                }
            """);
    for (int i = 1; i < helpers; i++) {
      code.append("""

                private String h%d(String artist) {
                    return h%d(artist).trim();
                }
            """.formatted(i, i + 1));
    }
    code.append(last == null ? """

                private String h%d(String artist) throws IOException, InterruptedException {
                    return fetch(base + "/songs/" + artist);
                }
            """.formatted(helpers) : """

                private String h%d(String artist) {
                    try {
                        return fetch(base + "/songs/" + artist);
                    } catch (IOException | InterruptedException e) {
                        return "%s";
                    }
                }
            """.formatted(helpers, last));
    return code.toString();
  }

  /** A stand-in five project calls below the read (once past the depth the answer was followed to) is a stand-in. */
  @Test
  void aStandInFiveHelpersDownIsAStandIn() {
    assertStandInNotCached(plan(helperChain(5, "unavailable")), "songs");
  }

  /** Past the depth the answer is followed to (64 calls), what a failure answers is not known, which refuses. */
  @Test
  void aChainDeeperThanTheAnswerIsFollowedIsRefused() {
    assertStandInNotCached(plan(helperChain(70, null)), "songs");
  }

  /** False refusal: Optional.ofNullable of a helper's failure null is an empty Optional, which is never kept. */
  @Test
  void anOptionalOfAFailuresNullIsCachedKeepingNoEmpty() {
    MigrationPlan plan = plan("""
            public Optional<String> songs(String artist) {
                return Optional.ofNullable(read(artist));
            }

            private String read(String artist) {
                try {
                    return fetch(base + "/songs/" + artist);
                } catch (IOException | InterruptedException e) {
                    return null;
                }
            }
        """);
    assertTrue(target(plan, "songs").map(CachingTarget::keepsNoNull).orElse(false), proofs(plan, "songs").toString());
  }

  /** False refusal: a condition choosing between a helper's failure null and null answers no value either way. */
  @Test
  void aConditionalOfAFailuresNullAndNullIsCachedKeepingNoNull() {
    MigrationPlan plan = plan("""
            public String songs(String artist) {
                return artist.isBlank() ? null : read(artist);
            }

            private String read(String artist) {
                try {
                    return fetch(base + "/songs/" + artist);
                } catch (IOException | InterruptedException e) {
                    return null;
                }
            }
        """);
    assertTrue(target(plan, "songs").map(CachingTarget::keepsNoNull).orElse(false), proofs(plan, "songs").toString());
  }

  /** A helper's failure null the method returns whole but also keeps in a field another read answers. */
  @Test
  void aFailuresNullReturnedWholeAndKeptIsNotAnswerOnly() {
    MigrationPlan plan = plan("""
            public String songs(String artist) {
                try {
                    return fetch(base + "/songs/" + artist);
                } catch (IOException | InterruptedException e) {
                    last = "unavailable";
                    return null;
                }
            }

            public String lastSong() {
                return last;
            }
        """);
    // the catch's write of a field is a write the cached read skips on a hit; either refuse, or keep no null
    assertTrue(target(plan, "songs").map(CachingTarget::keepsNoNull).orElse(true),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  /** A Spring project of these classes, planned. */
  private MigrationPlan spring(String... classes) {
    MigrationFixture fixture = new MigrationFixture(dir).file("pom.xml", MigrationSafetyTest.SPRING_POM);
    for (String type : classes) {
      fixture.java(type);
    }
    return fixture.plan();
  }

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

          public java.math.BigDecimal balance(long member) {
              return jdbc.queryForObject("SELECT balance FROM member WHERE id = ?", java.math.BigDecimal.class, member);
          }

          public void lend(long member, long book) {
              jdbc.update("INSERT INTO loan(member_id, book_id) VALUES (?, ?)", member, book);
          }

          public void charge(long member, java.math.BigDecimal fee) {
              jdbc.update("UPDATE member SET balance = balance - ? WHERE id = ?", fee, member);
          }
      }
      """;

  /**
   * A count a rule bean reads for a writer: the rule (a yes/no only the writer reads) is refused, and the count under
   * it, read only by that rule, guards the same write.
   */
  @Test
  void aCountGuardingAWriteThroughARuleBeanIsNotCached() {
    MigrationPlan plan = spring(LOANS, """
        package shop;

        import org.springframework.stereotype.Component;

        @Component
        public class LendingRules {
            private final Loans loans;

            public LendingRules(Loans loans) {
                this.loans = loans;
            }

            public boolean mayBorrow(long member) {
                return loans.openLoans(member) < 3;
            }
        }
        """, """
        package shop;

        import org.springframework.stereotype.Service;

        @Service
        public class Lending {
            private final Loans loans;
            private final LendingRules rules;

            public Lending(Loans loans, LendingRules rules) {
                this.loans = loans;
                this.rules = rules;
            }

            public void borrow(long member, long book) {
                if (!rules.mayBorrow(member)) {
                    throw new IllegalStateException("limit");
                }
                loans.lend(member, book);
            }
        }
        """);
    assertNotCached(plan, "mayBorrow");
    assertNotCached(plan, "openLoans");
  }

  /** A balance only the charging writer reads guards the charge as a count does (an overdraft on a stale balance). */
  @Test
  void aBalanceOnlyAWriterReadsIsNotCached() {
    MigrationPlan plan = spring(LOANS, """
        package shop;

        import java.math.BigDecimal;
        import org.springframework.stereotype.Service;

        @Service
        public class Fees {
            private final Loans loans;

            public Fees(Loans loans) {
                this.loans = loans;
            }

            public void chargeLateFee(long member, BigDecimal fee) {
                if (loans.balance(member).compareTo(fee) < 0) {
                    throw new IllegalStateException("insufficient");
                }
                loans.charge(member, fee);
            }
        }
        """);
    assertNotCached(plan, "balance");
  }
}
