package dev.optkit.analyzers.parse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateSeal;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Per-file facts from earlier runs, keyed by the file's content hash, so an unchanged file is
 * never parsed twice. The whole cache is discarded when anything else that shapes facts changes:
 * optkit's version, the client catalogue and settings, the solver classpath, or the set of
 * project types (a type added or removed can change how other files resolve). Each entry keeps its file's
 * {@link DeclarationSurface}: where another file's surface changed, the assessor reads again the cached files that
 * reach it by name.
 *
 * <p>Each file's facts are kept encoded, as the bytes an earlier run wrote: opening the cache reads
 * only the index of files, a hit is decoded by the worker that asks for it (on every thread at
 * once), and saving writes the unchanged files' bytes back as they were. Decoding and encoding the
 * whole cache on one thread was most of a warm run with one file changed.
 *
 * <p>Each entry is deflated on its own, and held so: the run keeps every file's entry until it saves,
 * and spring-framework's, held as plain Smile beside the decoded facts, took the launcher's 1280 MiB
 * heap past its limit (GC overhead limit exceeded, 2026-11-28). The file is not compressed again.
 */
public final class FactsCache {
  // Smile, Jackson's binary JSON: the same data model, read about twice as fast as JSON text
  // binary kept raw, not in Smile's default 7-bit form: the entries are bytes, and 7-bit made them an eighth
  // larger and slower both ways
  // records as arrays of their components, not objects of named fields: no name is written, read or
  // looked up, so spring-framework's facts were 35 MB instead of 45 and decoded in 0.9 s instead of
  // 1.15-1.28 s (one thread, C1; bench/FactsEncoding.java). The order is the record's own, and the cache key holds every record's (SHAPE).
  // Field names not canonicalised: the facts' maps are keyed by the project's own names, which overflow
  // Jackson's table of names, and it was dropped and rebuilt again and again.
  private static final ObjectMapper MAPPER = new ObjectMapper(new com.fasterxml.jackson.dataformat.smile.SmileFactory()
      .disable(com.fasterxml.jackson.dataformat.smile.SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT)
      .disable(com.fasterxml.jackson.core.JsonFactory.Feature.CANONICALIZE_FIELD_NAMES))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setAnnotationIntrospector(new RecordsAsArrays());

  /**
   * Every record the facts are made of, with its components in order (and every enum with its
   * constants). Arrays of components are read by position, so a record that gains, loses or
   * reorders a component must make another key, whichever build wrote the cache: the analyzers'
   * build in the key is a jar's size and time, or one class file's when run from classes.
   */
  public static final String SHAPE = shapeOf(FileFacts.class);

  static String shapeOf(Class<?> root) {
    StringBuilder shape = new StringBuilder();
    java.util.Set<Class<?>> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<java.lang.reflect.Type> pending = new java.util.ArrayDeque<>(java.util.List.of(root));
    while (!pending.isEmpty()) {
      java.lang.reflect.Type type = pending.poll();
      if (type instanceof java.lang.reflect.ParameterizedType generic) {
        pending.add(generic.getRawType());
        pending.addAll(java.util.List.of(generic.getActualTypeArguments()));
      } else if (type instanceof java.lang.reflect.WildcardType wildcard) {
        pending.addAll(java.util.List.of(wildcard.getUpperBounds()));
      } else if (type instanceof Class<?> raw && seen.add(raw)) {
        if (raw.isArray()) {
          pending.add(raw.getComponentType());
        } else if (raw.isRecord()) {
          shape.append(raw.getName()).append('(');
          for (java.lang.reflect.RecordComponent component : raw.getRecordComponents()) {
            shape.append(component.getName()).append(':').append(component.getGenericType().getTypeName()).append(',');
            pending.add(component.getGenericType());
          }
          shape.append(')');
        } else if (raw.isEnum()) {
          shape.append(raw.getName()).append(java.util.Arrays.toString(raw.getEnumConstants()));
        }
      }
    }
    return shape.toString();
  }

  /** Every record is written as a JSON array of its components, in their declared order. */
  private static final class RecordsAsArrays extends com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector {
    @Override
    public com.fasterxml.jackson.annotation.JsonFormat.Value findFormat(
        com.fasterxml.jackson.databind.introspect.Annotated annotated) {
      if (annotated instanceof com.fasterxml.jackson.databind.introspect.AnnotatedClass type && type.getRawType().isRecord()
          && java.util.Arrays.stream(type.getRawType().getDeclaredMethods())
              .noneMatch(m -> m.isAnnotationPresent(com.fasterxml.jackson.annotation.JsonValue.class))) {
        // a record written as one value of its own (Roots, as its text) is read back from that value, not an array
        return com.fasterxml.jackson.annotation.JsonFormat.Value.forShape(com.fasterxml.jackson.annotation.JsonFormat.Shape.ARRAY);
      }
      return super.findFormat(annotated);
    }
  }

  /** The file on disk. */
  record Stored(String key, Map<String, Entry> files) {}

  /**
   * One file's facts, encoded and deflated (null where they were not kept: a file no parse read, or read past its
   * budget), the hash of the content they came from, and the file's {@link DeclarationSurface}.
   */
  record Entry(String contentHash, byte[] facts, DeclarationSurface.Read surface) {}

  private final Path file;
  private final String key;
  private final Map<String, Entry> previous;
  private final Map<String, Entry> current = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean stored;

  private FactsCache(Path file, String key, Map<String, Entry> previous) {
    this.file = file;
    this.key = key;
    this.previous = previous;
  }

  /** The file's name in the cache directory. */
  public static final String FILE_NAME = "facts-v5.smile";
  /** The files of the formats before: deleted when this one is written. */
  private static final java.util.List<String> EARLIER_FILES = java.util.List.of("facts-v3.smile.gz", "facts-v4.smile.gz");
  /**
   * spring-framework's main and test sources make 45 MB; a planted file is never read whole past
   * this, nor past a quarter of the heap (the decoded facts take several times the file).
   */
  private static final long MAX_BYTES = Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 4);

  /**
   * Opens the cache in {@code directory}; a missing, unreadable, stale or doctored cache (its
   * {@link StateSeal} fails) starts empty.
   */
  public static FactsCache open(Path directory, String key) {
    Path file = directory.resolve(FILE_NAME);
    Map<String, Entry> previous = new HashMap<>();
    try {
      StateDirectory state = StateDirectory.forCache(directory);
      file = state.resolve(FILE_NAME);
      Optional<InputStream> content = state.read(file, MAX_BYTES).flatMap(sealed -> StateSeal.openStream(key, sealed));
      if (content.isPresent()) {
        try (InputStream in = new java.io.BufferedInputStream(content.get(), 1 << 16)) {
          Stored stored = MAPPER.readValue(in, Stored.class);
          if (stored != null && key.equals(stored.key()) && stored.files() != null) {
            previous.putAll(stored.files());
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // a damaged cache costs one full parse, nothing more (a link in its place was refused before the run)
    }
    return new FactsCache(file, key, previous);
  }

  /** Facts for this content, if an earlier run extracted them; safe on every worker thread at once. */
  public FileFacts lookup(String path, String contentHash) {
    Entry entry = previous.get(path);
    if (entry == null || !entry.contentHash().equals(contentHash) || entry.facts() == null) {
      return null;
    }
    FileFacts facts;
    try {
      facts = MAPPER.readValue(inflated(entry.facts()), FileFacts.class);
    } catch (IOException | DataFormatException | RuntimeException e) {
      return null; // a damaged entry: the file is parsed again, and its new facts stored
    }
    if (facts == null) {
      return null;
    }
    current.put(path, entry);
    hits.incrementAndGet();
    return facts;
  }

  /**
   * Keeps a file's new facts, encoded on the calling (worker) thread, with its declarations' surface; null facts keep
   * the surface alone.
   */
  public void store(String path, String contentHash, FileFacts facts, DeclarationSurface.Read surface) {
    try {
      current.put(path, new Entry(contentHash, facts == null ? null : deflated(MAPPER.writeValueAsBytes(facts)), surface));
      stored = true;
    } catch (IOException | RuntimeException e) {
      // not kept: the next run parses the file again
    }
  }

  /** The declarations' surface of a file this run took from the cache, or null. */
  public DeclarationSurface.Read surface(String path) {
    Entry entry = current.get(path);
    return entry == null ? null : entry.surface();
  }

  /** The surface the last run saw of a file, or null where it kept none. */
  public DeclarationSurface.Read previousSurface(String path) {
    Entry entry = previous.get(path);
    return entry == null ? null : entry.surface();
  }

  /** Forgets files this run took from the cache, so that a lookup misses and each is read again. */
  public void forget(java.util.Collection<String> paths) {
    for (String path : paths) {
      if (current.remove(path) != null) {
        hits.decrementAndGet();
      }
      previous.remove(path);
    }
  }

  public int hits() {
    return hits.get();
  }

  /**
   * Writes what this run saw, atomically; files that disappeared are dropped. Nothing is written
   * when every file was a hit and none disappeared.
   */
  public void save() {
    if (!stored && current.keySet().equals(previous.keySet())) {
      return;
    }
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (OutputStream out = new BufferedOutputStream(bytes, 1 << 16)) {
        MAPPER.writeValue(out, new Stored(key, new java.util.TreeMap<>(current)));
      }
      StateDirectory state = StateDirectory.forCache(file.getParent());
      state.write(file, StateSeal.seal(key, bytes.toByteArray()));
      for (String earlier : EARLIER_FILES) {
        state.delete(state.resolve(earlier));
      }
    } catch (IOException | RuntimeException e) {
      // the next run parses again
    }
  }

  /** A file's facts as an entry stores them: encoded, deflated. */
  static byte[] encode(FileFacts facts) throws IOException {
    return deflated(MAPPER.writeValueAsBytes(facts));
  }

  /** A file's facts from what {@link #encode} made; an exception for a damaged or planted entry. */
  static FileFacts decode(byte[] stored) throws IOException {
    try {
      FileFacts facts = MAPPER.readValue(inflated(stored), FileFacts.class);
      if (facts == null) {
        throw new IOException("no facts");
      }
      return facts;
    } catch (DataFormatException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The mapper the facts are written with, for the files that carry them elsewhere (a shard). */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Fastest deflate: the facts are written on every run that changes a file. */
  private static byte[] deflated(byte[] plain) {
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try {
      deflater.setInput(plain);
      deflater.finish();
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(64, plain.length / 4));
      byte[] buffer = new byte[1 << 14];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  /** An entry's facts, inflated no further than {@link #MAX_BYTES}: a planted entry is no way to fill the heap. */
  private static byte[] inflated(byte[] stored) throws DataFormatException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(stored);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(Math.max(64, stored.length * 4));
      byte[] buffer = new byte[1 << 14];
      while (!inflater.finished()) {
        int count = inflater.inflate(buffer);
        if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("truncated entry");
        }
        out.write(buffer, 0, count);
        if (out.size() > MAX_BYTES) {
          throw new DataFormatException("entry larger than " + MAX_BYTES + " bytes");
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }
}
