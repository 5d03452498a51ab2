package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 45 (2026-11-26) of review 44's fixes, reduced to {@code src/test/resources/hostile45/}. The
 * {@code new ProductInOrder(productInfo, 1)} a controller makes is a class that keeps the product, while optkit read
 * another of that simple name that copies: a nested class elsewhere in the file (q1b), a member type inherited from
 * the controller's superclass (q2), one imported by a static import (q4). A record changes the note's attachments
 * from an inner class (rm3), an accessor override (ra1), an explicit canonical constructor (ra3, followed only for the
 * id it got first), {@code hashCode()} (ra4). Writers left out of the evictions: a select named {@code deleted...}
 * (w1), a derived delete answering the deleted lines whose carts are changed (w2), and a writer whose {@code new
 * ProductInOrder} the extractor placed on a class nested elsewhere in the file (w_q1).
 */
class HostileFortyFiveTest {
  @TempDir Path dir;

  /**
   * The case over {@code hostile44/product-base}, with {@code hostile44/pricing} (a cart and the service changing the
   * line it gets) and {@code keeping-line} (an order line keeping the product) where the case uses them.
   */
  private MigrationFixture shop(String name) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).resources("/hostile44/product-base");
    if (!name.equals("w2")) {
      fixture.resources("/hostile44/pricing");
    }
    if (java.util.Set.of("q2", "q4", "w1").contains(name)) {
      fixture.resources("/hostile45/keeping-line");
    }
    return fixture.resources("/hostile45/" + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"q1b", "q2", "q4"})
  void aNewOfAnotherClassOfTheSameNameIsNoCopy(String name) {
    MigrationPlan plan = shop(name).plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ProductService.findOne")),
        name + ": " + plan.targets());
  }

  @ParameterizedTest
  @ValueSource(strings = {"rm3", "ra1", "ra3", "ra4"})
  void aRecordWhoseOwnCodeChangesWhatItKeepsStaysUncached(String name) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).resources("/reasons44/recordreads")
        .resources("/hostile44/note-mapper");
    if (!name.equals("ra4")) {
      fixture.resources("/hostile45/note-attachments"); // a handler counting the notes' attachments
    }
    MigrationPlan plan = fixture.resources("/hostile45/" + name).plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName()
        .equals("NoteRepository.findByTitleContaining")), name + ": " + plan.targets());
  }

  @ParameterizedTest
  @CsvSource({"w1, ProductService.findOne, restoreAll", "w2, CartService.itemCount, withdraw",
      "w_q1, ProductService.findOne, reserve"})
  void aWriterThroughWhatAHelperAnswersStillEvicts(String name, String cached, String writer) {
    MigrationPlan plan = shop(name).plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(cached)
        && t.toString().contains("name=" + writer)), name + ": " + plan.targets() + " " + plan.refusals());
  }
}
