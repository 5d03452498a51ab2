import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import dev.optkit.analyzers.io.Decoded;
import dev.optkit.analyzers.parse.ParsingWorker;
import dev.optkit.analyzers.source.SourceFile;
import dev.optkit.analyzers.source.SourceSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resolution floor: what any detector that resolves the types of calls pays before it decides
 * anything. The files assess reads (its own scan, tests included), parsed with assess's parser
 * configuration, and the receiver of every method call resolved to its type and that type's ancestors
 * with assess's own type solver (the JDK, the project's sources by qualified name, the jars given) --
 * and nothing else: no facts, no index, no rules. bench/floor.sh runs it beside the parse floor and
 * assess. Run: java -cp cli/target/optkit.jar bench/ResolveFloor.java DIR [THREADS] [JAR_LIST_FILE]
 */
public class ResolveFloor {
  public static void main(String[] args) throws Exception {
    SourceSet sources = SourceSet.scan(List.of(Path.of(args[0])), List.of(), true);
    List<SourceFile> files = sources.files();
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    List<Path> jars = args.length > 2 ? Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank())
        .map(Path::of).toList() : List.of();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicLong resolved = new AtomicLong();
    AtomicLong unresolved = new AtomicLong();
    long start = System.nanoTime();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(() -> {
        TypeSolver solver = ParsingWorker.typeSolver(sources.typeFiles(), jars);
        ParserConfiguration configuration = ParsingWorker.parserConfiguration();
        configuration.setSymbolResolver(new JavaSymbolSolver(solver));
        JavaParser parser = new JavaParser(configuration);
        JavaParserFacade facade = JavaParserFacade.get(solver);
        for (int i = next.getAndIncrement(); i < files.size(); i = next.getAndIncrement()) {
          try {
            String text = Decoded.of(Files.readAllBytes(files.get(i).absolutePath())).text();
            Optional<CompilationUnit> unit = parser.parse(text).getResult();
            if (unit.isEmpty()) {
              failed.incrementAndGet();
              continue;
            }
            for (MethodCallExpr call : unit.get().findAll(MethodCallExpr.class)) {
              Optional<Expression> receiver = call.getScope();
              if (receiver.isEmpty()) {
                continue;
              }
              try {
                ResolvedType type = facade.getType(receiver.get());
                if (type.isReferenceType()) {
                  type.asReferenceType().getAllAncestors();
                }
                resolved.incrementAndGet();
              } catch (RuntimeException | StackOverflowError e) {
                unresolved.incrementAndGet();
              }
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
    System.out.printf("resolution floor: %d files (%d not parsed), %d receivers resolved, %d not, %.1f s, %d threads%n",
        files.size(), failed.get(), resolved.get(), unresolved.get(), (System.nanoTime() - start) / 1e9, threads);
  }
}
