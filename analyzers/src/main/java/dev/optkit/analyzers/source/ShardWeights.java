package dev.optkit.analyzers.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.io.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The time each file took to parse and extract in an earlier run made in shards, which {@code optkit merge
 * --weights-out FILE} writes and {@code optkit assess --shard I/N --shard-weights FILE} shares the files out by
 * ({@link ShardPlan}). Every shard of a run must be given the same file: the plan, and so which shard holds which file,
 * depends on it, and the merge refuses shards planned by other times ({@code shard.other-plan}). Read as hostile input
 * (a CI artifact): JSON of one format, bounded in size, each time a whole number from 0 to an hour.
 *
 * @param format the file's format, {@link #FORMAT}
 * @param nanos each file's time, by its path relative to the scan
 */
public record ShardWeights(int format, Map<String, Long> nanos) {
  public static final int FORMAT = 1;
  /** No file's time is taken past an hour. */
  public static final long MAX_NANOS = 3_600_000_000_000L;
  /** A weights file is never read past this: spring-framework's 9,000 files take about half a megabyte. */
  private static final long MAX_BYTES = 64L << 20;
  /** No times recorded: files are shared out by size. */
  public static final ShardWeights NONE = new ShardWeights(FORMAT, Map.of());

  /** Strict: a key given twice, a number that is no whole number, a string for a number, text after the object. */
  private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .build();

  public ShardWeights {
    nanos = Map.copyOf(new TreeMap<>(nanos == null ? Map.of() : nanos));
  }

  /** What the plan was made by, for the shards to carry: "sizes", or the times' hash. */
  public String digest() {
    if (nanos.isEmpty()) {
      return "sizes";
    }
    StringBuilder text = new StringBuilder();
    new TreeMap<>(nanos).forEach((path, time) -> text.append(path).append('=').append(time).append('\n'));
    return "times:" + Hashes.sha256(text.toString());
  }

  /** Writes the times, sorted by path, to {@code file}, in a folder that exists. */
  public void write(Path file) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Path partial = Files.createTempFile(folder, ".optkit-weights", ".part");
    try {
      MAPPER.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), new ShardWeights(format, new TreeMap<>(nanos)));
      Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Reads a weights file.
   *
   * @throws IOException naming what is wrong: not a file, too large, not a weights file, another format, a time out of
   *     range
   */
  public static ShardWeights read(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("not a regular file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException("larger than " + MAX_BYTES + " bytes");
    }
    ShardWeights weights;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      weights = MAPPER.readValue(in, ShardWeights.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException("not a weights file of optkit's (`optkit merge --weights-out`)", e);
    }
    if (weights == null || weights.format() != FORMAT) {
      throw new IOException("not a weights file of this optkit's format (" + FORMAT + ")");
    }
    for (Map.Entry<String, Long> time : weights.nanos().entrySet()) {
      if (time.getValue() == null || time.getValue() < 0 || time.getValue() > MAX_NANOS) {
        throw new IOException("a time out of range (0 to " + MAX_NANOS + " ns) for a file");
      }
    }
    return weights;
  }
}
