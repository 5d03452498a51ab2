package dev.optkit.analyzers.bytecode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.io.Hashes;
import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateSeal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A whole class path's call graph with its reach computed, kept beside the jars' own graphs ({@link JarGraphCache}),
 * one file per class path: a run over the same jars in the same order, the same of them entries, and the same
 * catalogue reads it back instead of reading every jar's graph and computing the reach again (on mall's 208 jars the
 * two were half of what the library summaries cost a run). The key names each jar by its content hash, so a jar
 * changed is another class path, and optkit's build another key. Sealed as every state file; a file that fails its seal
 * or does not hold together is dropped and the graph computed. The {@link #KEPT} class paths used last are kept, the
 * others deleted ({@link KeptFiles}).
 */
final class ClasspathGraphCache {
  /** Bumped when {@link LibraryCallGraph.Kept}, {@link JarGraph} or how the reach is computed changes. */
  private static final String FORMAT = "classpath-graph-v1";
  private static final String PREFIX = "classpath-";
  private static final String SUFFIX = ".smile.gz";
  static final int KEPT = 8;
  private static final long MAX_BYTES = 512L << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper(new com.fasterxml.jackson.dataformat.smile.SmileFactory()
      .disable(com.fasterxml.jackson.dataformat.smile.SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * On disk, each name once and the rest numbers.
   *
   * @param types per type: name, superclass (-1: none), access, jar, the number of interfaces and each, the number
   *     of methods
   * @param methods three numbers a method, in the types' order: name, descriptor, access
   * @param bases per method: its database basis and its remote one, each a string's number or -1
   * @param entryTypes the types a call may be looked up in; null: every type
   */
  record Stored(List<String> strings, int[] types, int[] methods, int[] mask, int[] bases, int[] via,
      int[] entryTypes) {}

  /** What a class path's summaries are: the graph and the types a project's call may be looked up in. */
  record Whole(LibraryCallGraph graph, java.util.Set<String> entryTypes) {}

  /** The build of the classes that compute the reach: the jar or folder they were loaded from, by content. */
  private static final String BUILD = dev.optkit.analyzers.io.CodeBuild.of(LibraryCallGraph.class);

  private final Path directory;

  /** @param directory the library cache, or null to keep nothing */
  ClasspathGraphCache(Path directory) {
    this.directory = directory;
  }

  /**
   * The key of a class path: its jars' hashes in order, which of them are entries, the catalogue, and the build of
   * the code that computes the reach (the cache outlives an upgrade of optkit, which may change what the reach is).
   */
  static String key(List<String> jarHashes, List<Boolean> entries, ClientCatalog catalog) {
    StringBuilder key = new StringBuilder(FORMAT).append('|').append(BUILD);
    for (int i = 0; i < jarHashes.size(); i++) {
      key.append('|').append(jarHashes.get(i)).append(entries.get(i) ? "+" : "-");
    }
    key.append('|').append(catalog.clients());
    return Hashes.sha256(key.toString());
  }

  Optional<Whole> lookup(String key, IoPrimitives primitives) {
    if (directory == null) {
      return Optional.empty();
    }
    try {
      StateDirectory state = StateDirectory.forCache(directory);
      Path file = state.resolve("bytecode", PREFIX + key + SUFFIX);
      Optional<InputStream> content = state.read(file, MAX_BYTES)
          .flatMap(sealed -> StateSeal.openStream(FORMAT + "|" + key, sealed));
      if (content.isEmpty()) {
        return Optional.empty();
      }
      KeptFiles.used(file);
      try (InputStream in = new GZIPInputStream(content.get(), 1 << 16)) {
        Stored stored = MAPPER.readValue(in, Stored.class);
        return stored == null ? Optional.empty() : Optional.of(wholeOf(stored, primitives));
      }
    } catch (IOException | RuntimeException damaged) {
      return Optional.empty(); // computed again, and kept again
    }
  }

  void store(String key, LibraryCallGraph graph, java.util.Set<String> entryTypes) {
    if (directory == null) {
      return;
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (OutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
        MAPPER.writeValue(out, storedOf(graph.kept(), entryTypes));
      }
      StateDirectory state = StateDirectory.forCache(directory);
      Path file = state.resolve("bytecode", PREFIX + key + SUFFIX);
      state.write(file, StateSeal.seal(FORMAT + "|" + key, bytes.toByteArray()));
      KeptFiles.forgetLeastUsed(state, file.getParent(), name -> name.startsWith(PREFIX) && name.endsWith(SUFFIX), KEPT);
    } catch (IOException | RuntimeException e) {
      // not kept: the next run computes it again
    }
  }

  private static Stored storedOf(LibraryCallGraph.Kept kept, java.util.Set<String> entryTypes) {
    Map<String, Integer> numbers = new HashMap<>();
    List<String> strings = new ArrayList<>();
    java.util.function.ToIntFunction<String> number = text -> text == null ? -1
        : numbers.computeIfAbsent(text, t -> {
          strings.add(t);
          return strings.size() - 1;
        });
    IntList types = new IntList();
    IntList methods = new IntList();
    for (int t = 0; t < kept.types().size(); t++) {
      JarGraph.Type type = kept.types().get(t);
      types.add(number.applyAsInt(type.name()));
      types.add(number.applyAsInt(type.superName()));
      types.add(type.access());
      types.add(kept.jarOf()[t]);
      types.add(type.interfaces().size());
      type.interfaces().forEach(implemented -> types.add(number.applyAsInt(implemented)));
      types.add(type.methods().size());
      for (JarGraph.Method method : type.methods()) {
        methods.add(number.applyAsInt(method.name()));
        methods.add(number.applyAsInt(method.descriptor()));
        methods.add(method.access());
      }
    }
    int[] bases = new int[kept.mask().length * 2];
    for (int m = 0; m < kept.mask().length; m++) {
      bases[2 * m] = number.applyAsInt(kept.dbBasis()[m]);
      bases[2 * m + 1] = number.applyAsInt(kept.apiBasis()[m]);
    }
    int[] entries = entryTypes == null ? null
        : entryTypes.stream().sorted().mapToInt(number).toArray();
    return new Stored(strings, types.toArray(), methods.toArray(), kept.mask(), bases, kept.via(), entries);
  }

  /** The class path's summaries a stored one describes; a number out of range throws. */
  private static Whole wholeOf(Stored stored, IoPrimitives primitives) {
    String[] strings = new String[stored.strings().size()];
    Map<String, String> canonical = new HashMap<>();
    for (int i = 0; i < strings.length; i++) {
      // one instance a text: the graph compares its names by identity
      strings[i] = canonical.computeIfAbsent(java.util.Objects.requireNonNull(stored.strings().get(i)), t -> t);
    }
    int[] flat = stored.types();
    int[] methodNumbers = stored.methods();
    List<JarGraph.Type> types = new ArrayList<>();
    List<Integer> jars = new ArrayList<>();
    int method = 0;
    for (int at = 0; at < flat.length;) {
      String name = strings[flat[at]];
      String superName = flat[at + 1] < 0 ? null : strings[flat[at + 1]];
      int access = flat[at + 2];
      jars.add(flat[at + 3]);
      int interfaceCount = flat[at + 4];
      List<String> interfaces = new ArrayList<>(Math.min(interfaceCount, 1024));
      for (int i = 0; i < interfaceCount; i++) {
        interfaces.add(strings[flat[at + 5 + i]]);
      }
      at += 5 + interfaceCount;
      int methodCount = flat[at++];
      List<JarGraph.Method> methods = new ArrayList<>(Math.min(methodCount, 1 << 16));
      for (int m = 0; m < methodCount; m++, method++) {
        methods.add(new JarGraph.Method(strings[methodNumbers[3 * method]], strings[methodNumbers[3 * method + 1]],
            methodNumbers[3 * method + 2], null));
      }
      types.add(new JarGraph.Type(name, superName, interfaces, access, methods));
    }
    int count = stored.mask().length;
    if (3 * method != methodNumbers.length || stored.bases().length != 2 * count) {
      throw new IllegalArgumentException("a kept class path whose methods do not hold together");
    }
    String[] db = new String[count];
    String[] api = new String[count];
    for (int m = 0; m < count; m++) {
      db[m] = stored.bases()[2 * m] < 0 ? null : strings[stored.bases()[2 * m]];
      api[m] = stored.bases()[2 * m + 1] < 0 ? null : strings[stored.bases()[2 * m + 1]];
    }
    LibraryCallGraph graph = LibraryCallGraph.restored(new LibraryCallGraph.Kept(types,
        jars.stream().mapToInt(Integer::intValue).toArray(), stored.mask(), db, api, stored.via()), primitives);
    java.util.Set<String> entryTypes = null;
    if (stored.entryTypes() != null) {
      entryTypes = new java.util.HashSet<>();
      for (int entry : stored.entryTypes()) {
        entryTypes.add(strings[entry]);
      }
    }
    return new Whole(graph, entryTypes);
  }

  /** A growing array of ints. */
  private static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int value) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
