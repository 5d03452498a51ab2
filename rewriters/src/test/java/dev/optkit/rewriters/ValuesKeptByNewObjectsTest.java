package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

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
}
