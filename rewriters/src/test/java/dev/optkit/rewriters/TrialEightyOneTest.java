package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trial 81's F1 (tapioNiemela80/demo-project-spring-data-jdbc's ProjectId): a value object's compact constructor that
 * only checks what it is given ({@code Objects.requireNonNull(value, "id")}) made the record "keep it in a component its
 * own code may change", and the repository read handing the row's id to it was refused. A compact constructor running
 * other code on what it keeps still refuses. F2 (its ProjectView and TeamView): a record whose method only streams over
 * the list it keeps, reading its elements' accessors, was taken as code that may change the list; a stream that hands
 * an element on, changes the list from a lambda, or calls an element's method that is no accessor still refuses.
 */
class TrialEightyOneTest {
  @TempDir Path dir;

  private static final String BOX_ID = "src/main/java/repro/BoxId.java";

  @Test
  void aRecordWhoseCompactConstructorOnlyChecksKeepsNothingItChanges() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("checks")).resources("/trial81/f1").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("findByBoxName")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
    MigrationPlan validating = new MigrationFixture(dir.resolve("validates")).resources("/trial81/f1").file(BOX_ID, """
        package repro;
        import java.util.UUID;
        public record BoxId(UUID value) {
            public BoxId {
                if (value == null) {
                    throw new IllegalArgumentException("id " + value);
                }
            }
        }
        """).plan();
    assertTrue(validating.targets().stream().anyMatch(t -> t.method().fact().name().equals("findByBoxName")),
        validating.refusals().stream().map(Refusal::reason).toList().toString());
  }

  @Test
  void aCompactConstructorRunningOtherCodeStillRefuses() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("code")).resources("/trial81/f1").file(BOX_ID, """
        package repro;
        import java.util.UUID;
        public record BoxId(UUID value) {
            public BoxId {
                Registry.remember(value);
            }
        }
        """).file("src/main/java/repro/Registry.java", """
        package repro;
        import java.util.UUID;
        final class Registry {
            static void remember(UUID id) {
            }
        }
        """).plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("findByBoxName("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: findByBoxName"));
    assertTrue(reason.contains("the record BoxId's constructor, which keeps it in a component its own code may change"),
        reason);
  }

  private static final String BOX_VIEW = "src/main/java/repro/BoxView.java";

  @Test
  void aRecordMethodStreamingOverItsListOnlyReadsIt() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("streams")).resources("/trial81/f2").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("rows")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  /** The real record's shape: method references, a reduction into a value record, a component that is a value. */
  @Test
  void aRecordReducingItsListOfValuesOnlyReadsIt() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("reduces")).resources("/trial81/f2").file(BOX_VIEW, """
        package repro;
        import java.util.List;
        import java.util.UUID;
        public record BoxView(UUID id, String name, List<ItemView> items) {
            public String titles() {
                return name.strip() + items.stream().filter(ItemView::titled).map(ItemView::title)
                    .reduce("", String::concat);
            }
            public long titled() { return this.items().stream().filter(i -> i.titled()).count() + size(); }
            private int size() { return (int) this.items.parallelStream().count(); }
            public Minutes total() {
                return items.stream().map(i -> new Minutes(i.title().length())).reduce(Minutes.zero(), Minutes::add);
            }
        }
        """).file("src/main/java/repro/Minutes.java", """
        package repro;
        public record Minutes(int value) {
            static Minutes zero() { return new Minutes(0); }
            Minutes add(Minutes other) { return new Minutes(value + other.value); }
        }
        """).file(ITEM_VIEW, """
        package repro;
        import java.util.UUID;
        public record ItemView(UUID id, String title) {
            boolean titled() { return title != null; }
        }
        """).plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().name().equals("rows")),
        plan.refusals().stream().map(Refusal::reason).toList().toString());
  }

  private static final String ITEM_VIEW = "src/main/java/repro/ItemView.java";

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "(int) items.stream().filter(i -> items.remove(i)).count()",
      "(int) items.stream().filter(items::contains).count() + Registry.count(this)",
      "(int) items.stream().map(i -> i).collect(java.util.stream.Collectors.toCollection(() -> items)).size()",
      "(int) items.stream().filter(i -> i.title() != null).count() + Registry.count(items)",
      "(int) java.util.stream.Stream.of(this).map(BoxView::items).peek(java.util.List::clear).count()",
      "(int) items().iterator().next().title().length()",
      "(int) java.util.stream.Stream.of(1).map(items -> 1).count() + Registry.count(items)",
      "items.stream().map(i -> new Registry.Tally()).reduce(new Registry.Tally(), Registry.Tally::add).n"})
  void aStreamThatChangesOrHandsOnWhatTheRecordKeepsStillRefuses(String count) {
    assertRefused(count, "public record ItemView(UUID id, String title) {}");
  }

  @Test
  void aStreamOverElementsThatCanChangeStillRefuses() {
    assertRefused("(int) items.stream().filter(i -> i.title() != null).count()",
        "public record ItemView(UUID id, String title, java.util.List<String> tags) {"
            + " ItemView(UUID id, String title) { this(id, title, new java.util.ArrayList<>()); } }");
  }

  private void assertRefused(String count, String itemView) {
    MigrationPlan plan = new MigrationFixture(dir.resolve("changes")).resources("/trial81/f2").file(BOX_VIEW, """
        package repro;
        import java.util.List;
        import java.util.UUID;
        public record BoxView(UUID id, String name, List<ItemView> items) {
            public int itemCount() { return COUNT; }
        }
        """.replace("COUNT", count)).file(ITEM_VIEW, """
        package repro;
        import java.util.UUID;
        ITEM_VIEW
        """.replace("ITEM_VIEW", itemView)).file("src/main/java/repro/Registry.java", """
        package repro;
        import java.util.List;
        final class Registry {
            static int count(BoxView view) { view.items().clear(); return 0; }
            static int count(List<ItemView> items) { items.clear(); return 0; }
            static final class Tally { int n; Tally add(Tally other) { n += other.n; return this; } }
        }
        """).plan();
    String reason = plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith("rows("))
        .map(Refusal::reason).findFirst().orElseThrow(() -> new AssertionError("cached: rows with " + count));
    assertTrue(reason.contains("the record BoxView's constructor, which keeps it in a component its own code may change"),
        reason);
  }
}
