package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile review 44 (2026-11-26) of the day's allowances, reduced to {@code src/test/resources/hostile44/}: each case
 * made optkit cache a read whose result a caller then changes. Products: a controller hands the cached ProductInfo to
 * {@code new ...} whose object a pricing service changes, where the constructor run keeps the product though a
 * constructor optkit read only copies: a varargs overload (b2), Lombok's {@code @AllArgsConstructor} (l1), a record's
 * canonical constructor (r1), {@code java.util.AbstractMap.SimpleEntry} beside a project class of that simple name
 * (c1), a lambda's parameter named like a String field (e2), an empty anonymous subclass (d4). Notes: a record handed
 * the note's own attachment list changes it through what a call answers: {@code iterator().remove()} (g1), {@code
 * removeIf} on its accessor (g2), a setter on {@code get(0)} (g3), {@code Collections.sort(files(), ..)} (g4), {@code
 * subList(..).clear()} (g5), an interface's default method (g6). Layers: {@code product-base} (the product, its
 * repository and service), {@code pricing} (a cart and the service changing the order line it is given), {@code
 * note-mapper} (a mapper handing the note's own attachment list to the record).
 */
class ValuesKeptByNewObjectsTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"b2", "l1", "r1", "c1", "e2", "d4"})
  void aProductHandedToAConstructorThatKeepsItStaysUncached(String name) {
    MigrationFixture fixture = new MigrationFixture(dir.resolve(name)).resources("/hostile44/product-base");
    if (!name.equals("c1") && !name.equals("e2")) {
      fixture.resources("/hostile44/pricing"); // the cart and the pricing service that changes the line it gets
    }
    MigrationPlan plan = fixture.resources("/hostile44/" + name).plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ProductService.findOne")),
        name + ": " + plan.targets());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findOne")),
        name + ": " + plan.refusals());
  }

  @ParameterizedTest
  @ValueSource(strings = {"g1", "g2", "g3", "g4", "g5", "g6"})
  void aRecordChangingWhatItKeepsThroughACallStaysUncached(String name) {
    MigrationPlan plan = new MigrationFixture(dir.resolve(name)).resources("/reasons44/recordreads")
        .resources("/hostile44/note-mapper").resources("/hostile44/" + name).plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName()
        .equals("NoteRepository.findByTitleContaining")), name + ": " + plan.targets());
    assertTrue(plan.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findByTitleContaining")),
        name + ": " + plan.refusals());
  }

  // The cases from here on are hostile review 45's (2026-11-26), of review 44's fixes, reduced to {@code src/test/resources/hostile45/}. The
  // {@code new ProductInOrder(productInfo, 1)} a controller makes is a class that keeps the product, while optkit read
  // another of that simple name that copies: a nested class elsewhere in the file (q1b), a member type inherited from
  // the controller's superclass (q2), one imported by a static import (q4). A record changes the note's attachments
  // from an inner class (rm3), an accessor override (ra1), an explicit canonical constructor (ra3, followed only for the
  // id it got first), {@code hashCode()} (ra4). Writers left out of the evictions: a select named {@code deleted...}
  // (w1), a derived delete answering the deleted lines whose carts are changed (w2), and a writer whose {@code new
  // ProductInOrder} the extractor placed on a class nested elsewhere in the file (w_q1).

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

  /** (From hostile review 45, cases q1b, q2, q4.) */
  @ParameterizedTest
  @ValueSource(strings = {"q1b", "q2", "q4"})
  void aNewOfAnotherClassOfTheSameNameIsNoCopy(String name) {
    MigrationPlan plan = shop(name).plan();
    assertFalse(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals("ProductService.findOne")),
        name + ": " + plan.targets());
  }

  /** (From hostile review 45, cases rm3, ra1, ra3, ra4.) */
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

  /** (From hostile review 45, cases w1, w2, w_q1.) */
  @ParameterizedTest
  @CsvSource({"w1, ProductService.findOne, restoreAll", "w2, CartService.itemCount, withdraw",
      "w_q1, ProductService.findOne, reserve"})
  void aWriterThroughWhatAHelperAnswersStillEvicts(String name, String cached, String writer) {
    MigrationPlan plan = shop(name).plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(cached)
        && t.toString().contains("name=" + writer)), name + ": " + plan.targets() + " " + plan.refusals());
  }

  /**
   * Trial 42's F5 (spring-boot-blog-app's NoteReadDto): a record whose only method reads a component ({@code
   * getFileSize()}) runs no code that changes what it keeps, so handing it values read from the notes is no change of
   * them; the repository read was refused as if its code might. The twin's record empties the note's own list of
   * attachments, which its mapper hands it, and stays refused.
   * (From trial 42's false reasons, F5.)
   */
  @Test
  void aRecordWhoseMethodsOnlyReadChangesNothingItKeeps() {
    MigrationPlan plan = new MigrationFixture(dir.resolve("record")).resources("/reasons44/recordreads").plan();
    assertTrue(plan.targets().stream().anyMatch(t -> t.method().fact().displayName()
        .equals("NoteRepository.findByTitleContaining") && t.toString().contains("name=rename")),
        plan.targets() + " " + plan.refusals());

    MigrationPlan twin = new MigrationFixture(dir.resolve("recordtwin")).resources("/reasons44/recordreads")
        .resources("/reasons44/recordchanges").plan();
    assertTrue(twin.refusals().stream().anyMatch(r -> r.finding().enclosingMethod().startsWith("findByTitleContaining")
        && r.proof() == Proof.RESULT_CHANGED), twin.refusals().toString());
  }
}
