package dev.optkit.analyzers.parse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.facts.FileFacts;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Per-file facts from earlier runs, keyed by the file's content hash, so an unchanged file is
 * never parsed twice. The whole cache is discarded when anything else that shapes facts changes:
 * optkit's version, the client catalogue and settings, the solver classpath, or the set of
 * project types (a type added or removed can change how other files resolve).
 */
public final class FactsCache {
  // Smile, Jackson's binary JSON: the same data model, read about twice as fast as JSON text, which a warm
  // run spends most of its time on
  private static final ObjectMapper MAPPER = new ObjectMapper(new com.fasterxml.jackson.dataformat.smile.SmileFactory())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The file on disk. */
  record Stored(String key, Map<String, Entry> files) {}

  /** One file's facts and the hash of the content they came from. */
  record Entry(String contentHash, FileFacts facts) {}

  private final Path file;
  private final String key;
  private final Map<String, Entry> previous;
  private final Map<String, Entry> current = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();

  private FactsCache(Path file, String key, Map<String, Entry> previous) {
    this.file = file;
    this.key = key;
    this.previous = previous;
  }

  /** Opens the cache in {@code directory}; a missing, unreadable or stale cache starts empty. */
  public static FactsCache open(Path directory, String key) {
    Path file = directory.resolve("facts-v2.smile.gz");
    Map<String, Entry> previous = new HashMap<>();
    if (Files.isRegularFile(file)) {
      try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
        Stored stored = MAPPER.readValue(in, Stored.class);
        if (stored != null && key.equals(stored.key()) && stored.files() != null) {
          previous.putAll(stored.files());
        }
      } catch (IOException | RuntimeException e) {
        // a damaged cache costs one full parse, nothing more
      }
    }
    return new FactsCache(file, key, previous);
  }

  /** Facts for this content, if an earlier run extracted them. */
  public FileFacts lookup(String path, String contentHash) {
    Entry entry = previous.get(path);
    if (entry != null && entry.contentHash().equals(contentHash) && entry.facts() != null) {
      current.put(path, entry);
      hits.incrementAndGet();
      return entry.facts();
    }
    return null;
  }

  public void store(String path, String contentHash, FileFacts facts) {
    current.put(path, new Entry(contentHash, facts));
  }

  public int hits() {
    return hits.get();
  }

  /** Writes what this run saw, atomically; files that disappeared are dropped. */
  public void save() {
    if (current.equals(previous)) {
      return;
    }
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(bytes))) {
        MAPPER.writeValue(out, new Stored(key, new HashMap<>(current)));
      }
      dev.optkit.analyzers.io.AtomicFile.write(file, bytes.toByteArray());
    } catch (IOException | RuntimeException e) {
      // the next run parses again
    }
  }
}
