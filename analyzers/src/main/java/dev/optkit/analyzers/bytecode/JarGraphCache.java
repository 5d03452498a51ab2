package dev.optkit.analyzers.bytecode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateSeal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Each jar's {@link JarGraph}, kept in optkit's cache directory under {@code bytecode/}, one file
 * per jar content hash: a jar is read once, whichever project or version of it asks. The files are
 * sealed ({@link StateSeal}) under a key that names the format and the hash, so a planted or
 * damaged file, or one of another jar, is dropped and the jar read again; nothing of it is shown.
 */
final class JarGraphCache {
  /** Bumped when {@link JarGraph} or what {@link JarReader} records changes. */
  private static final String FORMAT = "jar-graph-v1";
  /** Larger than the graph of any jar {@link JarReader.Limits} lets through. */
  private static final long MAX_BYTES = 256L << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper(new com.fasterxml.jackson.dataformat.smile.SmileFactory()
      .disable(com.fasterxml.jackson.dataformat.smile.SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path directory;

  /** @param directory optkit's cache directory, or null to keep nothing */
  JarGraphCache(Path directory) {
    this.directory = directory;
  }

  Optional<JarGraph> lookup(String jarHash) {
    if (directory == null) {
      return Optional.empty();
    }
    try {
      StateDirectory state = StateDirectory.forCache(directory);
      Optional<InputStream> content = state.read(state.resolve("bytecode", fileName(jarHash)), MAX_BYTES)
          .flatMap(sealed -> StateSeal.openStream(key(jarHash), sealed));
      if (content.isEmpty()) {
        return Optional.empty();
      }
      try (InputStream in = new GZIPInputStream(content.get(), 1 << 16)) {
        return Optional.ofNullable(MAPPER.readValue(in, JarGraph.class));
      }
    } catch (IOException | RuntimeException damaged) {
      return Optional.empty(); // read the jar again; the file is replaced when the graph is stored
    }
  }

  void store(String jarHash, JarGraph graph) {
    if (directory == null) {
      return;
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
        MAPPER.writeValue(out, graph);
      }
      StateDirectory state = StateDirectory.forCache(directory);
      state.write(state.resolve("bytecode", fileName(jarHash)), StateSeal.seal(key(jarHash), bytes.toByteArray()));
    } catch (IOException | RuntimeException e) {
      // not kept: the next run reads the jar again
    }
  }

  private static String fileName(String jarHash) {
    return jarHash + ".smile.gz";
  }

  private static String key(String jarHash) {
    return FORMAT + "|" + jarHash;
  }
}
