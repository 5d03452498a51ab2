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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Each jar's {@link JarGraph}, kept in optkit's cache directory under {@code bytecode/}, one file
 * per jar content hash: a jar is read once, whichever project or version of it asks; the {@link #KEPT} used last are
 * kept ({@link KeptFiles}). The files are
 * sealed ({@link StateSeal}) under a key that names the format and the hash, so a planted or
 * damaged file, or one of another jar, is dropped and the jar read again; nothing of it is shown.
 */
final class JarGraphCache {
  /** Bumped when {@link JarGraph} or what {@link JarReader} records changes. */
  private static final String FORMAT = "jar-graph-v4";
  /** Larger than the graph of any jar {@link JarReader.Limits} lets through. */
  private static final long MAX_BYTES = 256L << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper(new com.fasterxml.jackson.dataformat.smile.SmileFactory()
      .disable(com.fasterxml.jackson.dataformat.smile.SmileGenerator.Feature.ENCODE_BINARY_AS_7BIT))
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path directory;

  /**
   * On disk, each name once and everything else numbers: a jar's calls repeat a few thousand names
   * hundreds of thousands of times, and reading them back as strings was most of a cached run.
   *
   * @param calls four numbers a call: dispatch, owner, name, descriptor
   */
  record Stored(List<String> strings, List<StoredType> types, int[] calls) {}

  /** @param superName the superclass's number, or -1 */
  record StoredType(int name, int superName, int[] interfaces, int access, List<StoredMethod> methods) {}

  record StoredMethod(int name, int descriptor, int access, int[] calls) {}

  /** @param directory optkit's cache directory, or null to keep nothing */
  JarGraphCache(Path directory) {
    this.directory = directory;
  }

  /**
   * The jar's graph, its names taken from {@code names} ({@link JarGraph#canonical}); empty when not
   * kept, or when what is kept fails its seal or does not hold together (a number out of range).
   */
  Optional<JarGraph> lookup(String jarHash, Map<String, String> names) {
    if (directory == null) {
      return Optional.empty();
    }
    try {
      StateDirectory state = StateDirectory.forCache(directory);
      Path file = state.resolve("bytecode", fileName(jarHash));
      Optional<InputStream> content = state.read(file, MAX_BYTES).flatMap(sealed -> StateSeal.openStream(key(jarHash), sealed));
      if (content.isEmpty()) {
        return Optional.empty();
      }
      KeptFiles.used(file);
      try (InputStream in = new GZIPInputStream(content.get(), 1 << 16)) {
        Stored stored = MAPPER.readValue(in, Stored.class);
        return stored == null ? Optional.empty() : Optional.of(graphOf(stored, names));
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
        MAPPER.writeValue(out, storedOf(graph));
      }
      StateDirectory state = StateDirectory.forCache(directory);
      Path file = state.resolve("bytecode", fileName(jarHash));
      state.write(file, StateSeal.seal(key(jarHash), bytes.toByteArray()));
      KeptFiles.forgetLeastUsed(state, file.getParent(), JarGraphCache::jarGraph, KEPT);
    } catch (IOException | RuntimeException e) {
      // not kept: the next run reads the jar again
    }
  }

  private static Stored storedOf(JarGraph graph) {
    Map<String, Integer> numbers = new HashMap<>();
    List<String> strings = new ArrayList<>();
    java.util.function.ToIntFunction<String> number = text -> text == null ? -1
        : numbers.computeIfAbsent(text, t -> {
          strings.add(t);
          return strings.size() - 1;
        });
    List<StoredType> types = new ArrayList<>();
    for (JarGraph.Type type : graph.types()) {
      List<StoredMethod> methods = new ArrayList<>();
      for (JarGraph.Method method : type.methods()) {
        methods.add(new StoredMethod(number.applyAsInt(method.name()), number.applyAsInt(method.descriptor()),
            method.access(), method.calls()));
      }
      types.add(new StoredType(number.applyAsInt(type.name()), number.applyAsInt(type.superName()),
          type.interfaces().stream().mapToInt(number).toArray(), type.access(), methods));
    }
    int[] calls = new int[graph.calls().size() * 4];
    for (int i = 0; i < graph.calls().size(); i++) {
      JarGraph.Call call = graph.calls().get(i);
      calls[4 * i] = call.dispatch();
      calls[4 * i + 1] = number.applyAsInt(call.owner());
      calls[4 * i + 2] = number.applyAsInt(call.name());
      calls[4 * i + 3] = number.applyAsInt(call.descriptor());
    }
    return new Stored(strings, types, calls);
  }

  /** The graph a stored one describes; a number out of range (a file that does not hold together) throws. */
  private static JarGraph graphOf(Stored stored, Map<String, String> names) {
    String[] strings = new String[stored.strings().size()];
    for (int i = 0; i < strings.length; i++) {
      String text = java.util.Objects.requireNonNull(stored.strings().get(i));
      strings[i] = names.computeIfAbsent(text, t -> t);
    }
    int calls = stored.calls().length / 4;
    List<JarGraph.Type> types = new ArrayList<>(stored.types().size());
    for (StoredType type : stored.types()) {
      List<JarGraph.Method> methods = new ArrayList<>(type.methods().size());
      for (StoredMethod method : type.methods()) {
        for (int call : method.calls()) {
          java.util.Objects.checkIndex(call, calls);
        }
        methods.add(new JarGraph.Method(strings[method.name()], strings[method.descriptor()], method.access(),
            method.calls()));
      }
      List<String> interfaces = new ArrayList<>(type.interfaces().length);
      for (int implemented : type.interfaces()) {
        interfaces.add(strings[implemented]);
      }
      types.add(new JarGraph.Type(strings[type.name()], type.superName() < 0 ? null : strings[type.superName()],
          interfaces, type.access(), methods));
    }
    List<JarGraph.Call> callList = new ArrayList<>(calls);
    int[] flat = stored.calls();
    for (int i = 0; i < calls; i++) {
      callList.add(new JarGraph.Call(flat[4 * i], strings[flat[4 * i + 1]], strings[flat[4 * i + 2]],
          strings[flat[4 * i + 3]]));
    }
    return new JarGraph(types, callList);
  }

  /** The most jars' graphs kept: the jars of many projects, each version once. */
  static final int KEPT = 5_000;

  /** Whether a file of the folder is a jar's graph (not a class path's, nor the remembered hashes). */
  private static boolean jarGraph(String name) {
    return name.endsWith(".smile.gz") && !name.startsWith("classpath-");
  }

  private static String fileName(String jarHash) {
    return jarHash + ".smile.gz";
  }

  private static String key(String jarHash) {
    return FORMAT + "|" + jarHash;
  }
}
