package dev.optkit.rewriters.caching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.index.DataFootprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The index answers what a pass over every write with {@link DataFootprint#overlaps} answers, in the same order. */
class FootprintIndexTest {
  private static final List<String> NAMES = List.of("table:owners", "table:pets", "table:visits", "entity:Owner",
      "url:/owners/*", "url:/owners/*/pets", "url:/v1/accounts/*/balance", "url:/v1/accounts/*/deposits",
      "url:/v1/accounts:batchdeposit", "url:*/rates", "url:/rates/*", "trigger:owners");

  @Test
  void sameWritesInSameOrderAsAPassOverEveryWrite() {
    Random random = new Random(21); // fixed: the same cases every run
    for (int round = 0; round < 200; round++) {
      List<DataFootprint> writes = new ArrayList<>();
      FootprintIndex<Integer> index = new FootprintIndex<>();
      for (int i = 0; i < 1 + random.nextInt(30); i++) {
        DataFootprint write = footprint(random);
        writes.add(write);
        index.add(i, write);
      }
      List<DataFootprint> reads = new ArrayList<>();
      for (int i = 0; i < random.nextInt(4); i++) {
        reads.add(footprint(random));
      }
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < writes.size(); i++) {
        DataFootprint write = writes.get(i);
        if (reads.stream().anyMatch(read -> read.overlaps(write))) {
          expected.add(i);
        }
      }
      assertEquals(expected, index.overlapping(reads), "reads " + reads + ", writes " + writes);
    }
  }

  @Test
  void anUnknownFootprintOnEitherSideOverlapsItsKindOnly() {
    FootprintIndex<String> index = new FootprintIndex<>();
    index.add("any table", DataFootprint.unknownDatabase());
    index.add("owners", new DataFootprint(ClientKind.DB, Set.of("table:owners"), false));
    index.add("remote", new DataFootprint(ClientKind.API, Set.of("url:/owners/*"), false));
    assertEquals(List.of("any table"), index.overlapping(List.of(new DataFootprint(ClientKind.DB, Set.of("table:pets"), false))));
    assertEquals(List.of("any table", "owners"), index.overlapping(List.of(DataFootprint.unknownDatabase())));
    assertEquals(List.of(), index.overlapping(List.of()));
  }

  private static DataFootprint footprint(Random random) {
    ClientKind kind = random.nextInt(3) == 0 ? ClientKind.API : ClientKind.DB;
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < random.nextInt(3); i++) {
      names.add(NAMES.get(random.nextInt(NAMES.size())));
    }
    return new DataFootprint(kind, names, random.nextInt(6) == 0);
  }
}
