package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.facts.ParseProblem;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.source.SourceSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JVM source the assessment could not read (it does not parse, its analysis failed, or it ran out of its time
 * budget, or optkit reads no such language: Groovy, Kotlin, Scala): any writer in it is unseen, so no cache is
 * proven to be evicted, whatever it holds. Fails closed, but for a test source that cannot reach the project: one
 * naming none of its types in any case (in code, imports or strings), importing only test frameworks and JDK values,
 * and writing no way to beans, data or classes (trial 42 and probe 44: spring-boot-blog-app's DataDrivenSpec.groovy,
 * a Spock spec of {@code Math.max}, blocked every cache).
 */
final class UnreadSources {
  /** A test source larger than this is not read, and blocks as any unread source. */
  static final long LARGEST_READ = 512 * 1024;

  /** Words by which test code gets the application's beans without naming their types. */
  private static final Set<String> CONTEXT_WORDS = Set.of("SpringBootTest", "ContextConfiguration",
      "SpringJUnitConfig", "SpringJUnitWebConfig", "WebMvcTest", "WebFluxTest", "DataJpaTest", "DataJdbcTest",
      "JdbcTest", "DataMongoTest", "DataR2dbcTest", "DataRedisTest", "RestClientTest", "JsonTest", "GraphQlTest",
      "ApplicationContext", "ConfigurableApplicationContext", "WebApplicationContext", "getBean", "Autowired",
      "Inject", "Resource", "SpringBean", "MockBean", "SpyBean", "MockitoBean", "TestConfiguration", "Sql",
      "TestRestTemplate", "WebTestClient", "MockMvc", "RestAssured", "SpringApplication"); // REACHING_TEXT, read first, holds the rest

  private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  /**
   * Text by which code reaches beans, data or classes by other names: Spring's and the persistence APIs' packages
   * (an annotation written qualified, {@code @BootstrapWith}), SpEL bean references ({@code @Value('#{photoService}')}:
   * hostile review 46's U1), JDBC, class loading and Groovy's evaluation.
   */
  private static final List<String> REACHING_TEXT = List.of("springframework", "jakarta", "javax", "java.sql", "jdbc",
      "Jdbc", "#{", "loadClass", "forName", "ClassLoader", "classLoader", "GroovyShell", "Eval", "evaluate",
      "metaClass", "ServiceLoader", "BootstrapWith", "ExtendWith", "RunWith", "DataSource", "EntityManager",
      "Testcontainers", "invokeMethod");

  /** Packages a test may import and still not reach the application: test frameworks and the JDK's values. */
  private static final List<String> HARMLESS_IMPORTS = List.of("spock.", "org.spockframework.", "org.junit.",
      "junit.", "java.util.", "java.lang.", "java.math.", "java.time.", "groovy.", "org.assertj.", "org.hamcrest.");

  private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(static\\s+)?([\\w.$*]+)");

  private UnreadSources() {}

  /** Why no cache is proven, naming the first unread source that blocks; empty when none does. */
  static Optional<String> blocking(Path scanRoot, Assessment assessment) {
    Set<String> read = new HashSet<>();
    assessment.index().files().forEach(file -> read.add(file.path()));
    Set<String> projectTypes = new HashSet<>();
    assessment.index().types().stream().map(TypeFact::qualifiedName)
        .forEach(name -> projectTypes.add(name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT)));
    List<ParseProblem> unread = assessment.warnings().stream()
        .filter(w -> (w.path().endsWith(".java") || w.path().endsWith(".kt") || w.path().endsWith(".groovy")
            || w.path().endsWith(".scala")) && !read.contains(w.path()))
        .sorted(Comparator.comparing(ParseProblem::path)).toList();
    for (ParseProblem warning : unread) {
      // one warning stands for every Kotlin, Groovy or Scala source: each of them is judged, not the first alone
      List<String> judged = warning.message().contains(OTHER_LANGUAGES) ? otherLanguageSources(scanRoot)
          : List.of(warning.path());
      if (judged.isEmpty()) {
        judged = List.of(warning.path()); // they cannot be listed again: the named one blocks
      }
      for (String path : judged) {
        if (!SourceSet.isTestPath(path) || mayReachTheProject(scanRoot, path, projectTypes)) {
          return Optional.of("no cache is proven while " + path + " is not analysed (" + warning.message() + "): a "
              + "writer in it would go unseen; migrate again once it is read (report the warning if it is optkit's "
              + "fault)");
        }
      }
    }
    return Optional.empty();
  }

  /** What the assessment's warning for sources of other JVM languages says. */
  private static final String OTHER_LANGUAGES = "optkit reads Java sources only";

  /** Every Kotlin, Groovy or Scala source under the root, tests included, whatever the scan left out. */
  private static List<String> otherLanguageSources(Path scanRoot) {
    try {
      return SourceSet.scan(List.of(scanRoot), List.of(), true).unreadSources().stream()
          .filter(path -> !path.endsWith(".java")).sorted().toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /**
   * Whether a test source may call the project's code: it names one of its types or a way to its beans, or it
   * cannot be read whole (outside the scan, a link, too large, unreadable).
   */
  private static boolean mayReachTheProject(Path scanRoot, String path, Set<String> projectTypes) {
    Path file = scanRoot.resolve(path).normalize();
    try {
      if (!file.startsWith(scanRoot) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
          || Files.isSymbolicLink(file) || Files.size(file) > LARGEST_READ) {
        return true;
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      if (REACHING_TEXT.stream().anyMatch(text::contains)) {
        return true;
      }
      Matcher imports = IMPORT.matcher(text);
      while (imports.find()) {
        String imported = imports.group(2);
        if (HARMLESS_IMPORTS.stream().noneMatch(imported::startsWith)) {
          return true;
        }
      }
      // by any case: a bean's name is its class's in lower camel case (photoService)
      Matcher words = WORD.matcher(text);
      while (words.find()) {
        String word = words.group();
        if (projectTypes.contains(word.toLowerCase(java.util.Locale.ROOT)) || CONTEXT_WORDS.contains(word)) {
          return true;
        }
      }
      return false;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }
}
