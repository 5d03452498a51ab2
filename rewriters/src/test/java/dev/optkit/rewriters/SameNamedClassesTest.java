package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two modules each declaring a class of one simple name (piggymetrics' account-service and statistics-service each
 * have an {@code Account}): a loop over a getter of one is read with the class its file means, by its package or its
 * imports; where the file does not tell, the refusal names every class the name may be, not "cannot find the one".
 */
class SameNamedClassesTest {
  @TempDir Path dir;

  private static String account(String pkg) {
    return """
        package %s;

        import java.util.List;

        public class Account {
            private List<String> skus;

            public List<String> getSkus() {
                return skus;
            }
        }
        """.formatted(pkg);
  }

  private static String quotes(String pkg, String imports) {
    return """
        package %s;

        %s
        import java.io.IOException;
        import java.io.UncheckedIOException;
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.util.ArrayList;
        import java.util.List;

        public class Quotes {
            private final HttpClient http = HttpClient.newHttpClient();

            public List<String> quoteAll(Account account) {
                List<String> quotes = new ArrayList<>();
                for (String sku : account.getSkus()) {
                    quotes.add(fetch(sku));
                }
                return quotes;
            }

            String fetch(String sku) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://prices/" + sku)).GET().build();
                try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        """.formatted(pkg, imports);
  }

  private MigrationPlan plan(String quotes) {
    return new MigrationFixture(dir).java(account("bank.accounts")).java(account("bank.stats")).java(quotes)
        .config(MigrationFixture.loopsOnly(new OptkitConfig.Loops(4))).plan();
  }

  @Test
  void theClassBesideTheLoopIsTheOneItsNameMeans() {
    MigrationPlan plan = plan(quotes("bank.accounts", ""));
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
  }

  @Test
  void theClassAFileImportsIsTheOneItsNameMeans() {
    MigrationPlan plan = plan(quotes("bank.report", "import bank.stats.Account;"));
    assertEquals(1, plan.loops().size(), plan.refusals().toString());
  }

  @Test
  void aNameTheFileDoesNotTellNamesEveryClassItMayBe() {
    MigrationPlan plan = plan(quotes("bank.report", "import bank.accounts.*;\nimport bank.stats.*;"));
    assertEquals(0, plan.loops().size());
    String why = plan.refusals().stream().filter(r -> r.finding().ruleId().equals("SequentialIoLoop"))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError(plan.refusals().toString()));
    assertTrue(why.contains("bank.accounts.Account") && why.contains("bank.stats.Account"), why);
  }
}
