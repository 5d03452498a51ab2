import dev.optkit.analyzers.bytecode.LibraryIo;
import dev.optkit.analyzers.catalog.ClientCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One computation of the library I/O summaries (dev.optkit.analyzers.bytecode) for a list of jars,
 * in this fresh JVM: its wall time, the methods read and reaching I/O, the warnings, and the size of
 * the cache directory's bytecode/ afterwards. bench/library-io.sh runs it cold and cached.
 * Usage: java -cp cli/target/optkit.jar bench/LibraryIoSummaries.java JAR_LIST_FILE CACHE_DIR
 */
public class LibraryIoSummaries {
  public static void main(String[] args) throws Exception {
    List<Path> jars = Files.readAllLines(Path.of(args[0])).stream().filter(l -> !l.isBlank()).map(Path::of).toList();
    Path cache = Path.of(args[1]);
    long start = System.nanoTime();
    LibraryIo io = LibraryIo.of(jars, ClientCatalog.bundled(), cache);
    long millis = (System.nanoTime() - start) / 1_000_000;
    int[] counts = io.methodsAndReaching();
    long bytes = 0;
    Path dir = cache.resolve("bytecode");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        bytes = files.mapToLong(p -> p.toFile().length()).sum();
      }
    }
    System.gc(); // what the summaries keep for the rest of an assess run, beside the parse
    Runtime runtime = Runtime.getRuntime();
    long kept = runtime.totalMemory() - runtime.freeMemory();
    System.out.printf("jars %d, methods %d, reaching I/O %d, warnings %d, %d ms, cache %.1f MB, heap kept %d MB%n",
        jars.size(), counts[0], counts[1], io.warnings().size(), millis, bytes / 1e6, kept >> 20);
    java.lang.ref.Reference.reachabilityFence(io);
  }
}
