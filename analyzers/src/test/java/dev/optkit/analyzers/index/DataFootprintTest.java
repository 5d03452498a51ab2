package dev.optkit.analyzers.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.analyzers.catalog.ClientKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataFootprintTest {
  @Test
  void namesComeInOneOrderWhateverSetTheyCameFrom() {
    // Set.of iterates in an order that changes from one JVM run to the next; messages list these names
    DataFootprint footprint = new DataFootprint(ClientKind.DB, Set.of("table:item", "table:category", "table:b"), false);
    assertEquals(List.of("table:b", "table:category", "table:item"), List.copyOf(footprint.names()));
  }

  @Test
  void aRemoteWriteReachesTheResourceAboveItAndACustomMethodItsOwnResource() {
    DataFootprint balance = new DataFootprint(ClientKind.API, Set.of("url:/v1/accounts/*/balance"), false);
    assertTrue(balance.overlaps(new DataFootprint(ClientKind.API, Set.of("url:/v1/accounts/*/deposits"), false)));
    assertTrue(balance.overlaps(new DataFootprint(ClientKind.API, Set.of("url:/v1/accounts:batchdeposit"), false)));
    assertFalse(balance.overlaps(new DataFootprint(ClientKind.API, Set.of("url:/v1/orders:batchcreate"), false)));
    assertFalse(balance.overlaps(new DataFootprint(ClientKind.API, Set.of("url:/v1/rates/*"), false)));
  }

  @Test
  void aWriteToAServiceReachesEveryReadOfThatServiceAndNoOtherServicesReads() {
    // fifth audit, SudarikovYaroslav explore-with-me: POST http://stats-server:9090/hit changes GET /views/{id}
    DataFootprint views = new DataFootprint(ClientKind.API, Set.of("url://stats-server:9090/views/*"), false);
    assertTrue(views.overlaps(new DataFootprint(ClientKind.API, Set.of("url://stats-server:9090/hit"), false)));
    assertTrue(new DataFootprint(ClientKind.API, Set.of("url://client:shop.StatsClient/stats"), false)
        .overlaps(new DataFootprint(ClientKind.API, Set.of("url://client:shop.StatsClient/hit"), false)));
    assertFalse(views.overlaps(new DataFootprint(ClientKind.API, Set.of("url://billing:8080/hit"), false)));
    // a path whose service is not told (a base URL set elsewhere) is compared by its resources, as before
    assertTrue(views.overlaps(new DataFootprint(ClientKind.API, Set.of("url:/views/*/likes"), false)));
    assertFalse(views.overlaps(new DataFootprint(ClientKind.API, Set.of("url:/hit"), false)));
  }

  @Test
  void aCacheStoreWriteChangesNoTableReadEvenOneWhoseTablesCannotBeTold() {
    DataFootprint redisWrite = new DataFootprint(ClientKind.DB, Set.of("store:spring-data-redis"), false);
    DataFootprint entityRead = new DataFootprint(ClientKind.DB, Set.of("table:menu"), true); // an entity with associations
    assertFalse(entityRead.overlaps(redisWrite));
    assertFalse(redisWrite.overlaps(new DataFootprint(ClientKind.DB, Set.of(), true)), "an unknown SQL write leaves Redis alone");
    // a read of the store itself still meets the store's writes, and a table write still meets an unknown read
    assertTrue(new DataFootprint(ClientKind.DB, Set.of("store:spring-data-redis"), false).overlaps(redisWrite));
    assertTrue(entityRead.overlaps(new DataFootprint(ClientKind.DB, Set.of("table:role"), false)));
    // a method reading both the store and a table meets writes of either
    DataFootprint both = new DataFootprint(ClientKind.DB, Set.of("store:spring-data-redis", "table:menu"), false);
    assertTrue(both.overlaps(redisWrite));
  }
}
