package dev.optkit.analyzers.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shares a run's files out among its shards: by size where no times were recorded, by the recorded times where they
 * were (a file the size of the others that took as long as all of them together gets a shard of its own), and a file
 * with no recorded time at the recorded files' time per byte.
 */
class ShardPlanTest {
  @TempDir Path dir;

  private List<SourceFile> files(int... sizes) throws Exception {
    List<SourceFile> made = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      Path file = dir.resolve("F" + i + ".java");
      Files.writeString(file, "x".repeat(sizes[i]));
      made.add(new SourceFile(file, "F" + i + ".java", "F" + i));
    }
    return made;
  }

  @Test
  void filesOfEqualSizesAreSharedOutEvenlyWithoutTimes() throws Exception {
    assertArrayEquals(new int[] {1, 2, 1, 2}, ShardPlan.assign(files(100, 100, 100, 100), 2));
  }

  @Test
  void aFileThatTookAsLongAsTheOthersTogetherGetsAShardOfItsOwn() throws Exception {
    ShardWeights times = new ShardWeights(ShardWeights.FORMAT, Map.of("F0.java", 10L, "F1.java", 10L, "F2.java", 30L,
        "F3.java", 10L));
    assertArrayEquals(new int[] {2, 2, 1, 2}, ShardPlan.assign(files(100, 100, 100, 100), 2, times));
  }

  @Test
  void aFileWithoutATimeWeighsItsSizeAtTheRecordedTimePerByte() throws Exception {
    // F0 recorded 1,000 ns for 100 bytes: F1, new, of 400 bytes, weighs 4,000 and outweighs F2's 3,000
    ShardWeights times = new ShardWeights(ShardWeights.FORMAT, Map.of("F0.java", 1_000L, "F2.java", 3_000L));
    assertArrayEquals(new int[] {2, 1, 2}, ShardPlan.assign(files(100, 400, 100), 2, times));
  }

  @Test
  void theTimesAreInThePlansDigestAndAWeightsFileRoundTrips() throws Exception {
    ShardWeights times = new ShardWeights(ShardWeights.FORMAT, Map.of("a.java", 5L, "b.java", 7L));
    assertEquals("sizes", ShardWeights.NONE.digest());
    assertNotEquals(times.digest(), new ShardWeights(ShardWeights.FORMAT, Map.of("a.java", 5L, "b.java", 8L)).digest());
    Path file = dir.resolve("weights.json");
    times.write(file);
    assertEquals(times, ShardWeights.read(file));
  }

  @Test
  void aWeightsFileOutOfRangeOrOfAnotherFormatIsRefused() throws Exception {
    Path file = dir.resolve("weights.json");
    Files.writeString(file, "{\"format\":1,\"nanos\":{\"a.java\":-1}}");
    assertThrows(java.io.IOException.class, () -> ShardWeights.read(file));
    Files.writeString(file, "{\"format\":2,\"nanos\":{}}");
    assertThrows(java.io.IOException.class, () -> ShardWeights.read(file));
    Files.writeString(file, "[1,2]");
    assertThrows(java.io.IOException.class, () -> ShardWeights.read(file));
  }
}
