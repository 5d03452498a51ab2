package dev.optkit.analyzers.source;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A weights file is a CI artifact, hostile input: ShardWeights documents "JSON of one format, bounded in size, each
 * time a whole number from 0 to an hour". What is not that is refused with a clear error, not read as something else.
 */
class ShardWeightsFileTest {
  @TempDir Path dir;

  private void refused(String json) throws Exception {
    Path file = dir.resolve("weights.json");
    Files.writeString(file, json);
    assertThrows(IOException.class, () -> ShardWeights.read(file), () -> {
      try {
        return json + " was read as " + ShardWeights.read(file);
      } catch (Exception e) {
        return json + ": " + e;
      }
    });
  }

  /** 1.9 ns is no whole number: Jackson truncates it to 1 and the plan is made by a time the file never gave. */
  @Test
  void aTimeThatIsNoWholeNumberIsRefused() throws Exception {
    refused("{\"format\":1,\"nanos\":{\"A.java\":1.9}}");
  }

  /** A time given as a string is no number at all. */
  @Test
  void aTimeGivenAsAStringIsRefused() throws Exception {
    refused("{\"format\":1,\"nanos\":{\"A.java\":\"12\"}}");
  }

  /** A format 1.5 is not format 1. */
  @Test
  void aFormatThatIsNoWholeNumberIsRefused() throws Exception {
    refused("{\"format\":1.5,\"nanos\":{}}");
  }

  /**
   * The same file twice, first out of range then in: Jackson keeps the last and the out-of-range time is never
   * checked; another reader of the artifact (first wins) plans by other times.
   */
  @Test
  void aFileGivenTwiceIsRefused() throws Exception {
    refused("{\"format\":1,\"nanos\":{\"A.java\":-1,\"A.java\":5}}");
  }

  @Test
  void aNullTimeIsRefused() throws Exception {
    refused("{\"format\":1,\"nanos\":{\"A.java\":null}}");
  }

  @Test
  void aHugeTimeIsRefused() throws Exception {
    refused("{\"format\":1,\"nanos\":{\"A.java\":99999999999999999999999999}}");
  }

  @Test
  void deepNestingIsRefused() throws Exception {
    refused("{\"format\":1,\"nanos\":{\"A.java\":" + "[".repeat(200_000) + "}}");
  }

  @Test
  void aBooleanTimeIsRefused() throws Exception {
    refused("{\"format\":1,\"nanos\":{\"A.java\":true}}");
  }

  @Test
  void trailingGarbageIsRefused() throws Exception {
    refused("{\"format\":1,\"nanos\":{\"A.java\":5}} {\"format\":1,\"nanos\":{\"A.java\":7}}");
  }
}
