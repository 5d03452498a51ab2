import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The parse floor: every .java file under a folder parsed once by JavaParser, no symbol solving,
 * nothing else. optkit assess is measured against it in the same run (bench/floor.sh), because
 * absolute times on shared machines drift. With --assess-configuration, parsed as assess parses (no comment
 * attribution, no line-separator detection, no validation: ParsingWorker.parserConfiguration), which tells how
 * much of the floor is the parse assess itself does.
 * Run: java -cp cli/target/optkit.jar bench/ParseFloor.java DIR [THREADS] [--assess-configuration]
 */
public class ParseFloor {
  public static void main(String[] args) throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of(args[0]))) {
      files = walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/build/")
          && !p.toString().contains("/target/")).sorted().toList();
    }
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    boolean assessConfiguration = args.length > 2 && args[2].equals("--assess-configuration");
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long start = System.nanoTime();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        JavaParser parser = new JavaParser(assessConfiguration
            ? dev.optkit.analyzers.parse.ParsingWorker.parserConfiguration()
            : new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE));
        for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
          try {
            if (!parser.parse(Files.readString(files.get(i))).isSuccessful()) {
              failed.incrementAndGet();
            }
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        }
      });
      workers[t].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    System.out.printf("parse floor%s: %d files (%d not parsed), %.1f s, %d threads%n",
        assessConfiguration ? " (assess's configuration)" : "", files.size(), failed.get(),
        (System.nanoTime() - start) / 1e9, threads);
  }
}
