package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.text.JavaWithoutComments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the project's servlet filters run outside every open-in-view persistence context. Spring Boot opens the
 * view's context in a handler interceptor, inside the DispatcherServlet, so a filter (a JWT filter loading the user)
 * runs before it with an EntityManager of its own (trial 46) — unless the filter runs again inside the servlet, or
 * something binds a context ahead of it (hostile reviews 47, 48). Each of these keeps filters counted as inside:
 * <ul>
 *   <li>an open-in-view filter or interceptor the project registers ({@link WholeProject#registersOpenInView}), a
 *       {@code web.xml} (its filters run in the file's order), a context bound by hand ({@code EntityManagerHolder},
 *       {@code SessionHolder}, {@code bindResource}), a filter holding a transaction around the chain or handing
 *       the chain to other code ({@link FilterCode}), an aspect or XML advice that may wrap one;
 *   <li>a forward or include from inside the DispatcherServlet, which runs the filters again while the view's
 *       context is bound: a handler or advice that may render a view by name (Spring's default view resolver
 *       forwards it; Thymeleaf renders it in place), {@code "forward:"}, a {@code RequestDispatcher}, filters
 *       registered for other dispatches ({@code DispatcherType}), {@code ModelAndView}, view resolvers and view
 *       controllers, JSPs, a page Spring Boot may serve as its welcome page (by {@code "forward:index.html"}), and
 *       libraries known to forward (springfox's UI, Zuul, Spring Cloud Gateway MVC, Tiles, JSP support, Web Flow).
 * </ul>
 * Sources (comments aside), configuration and build files are searched as text, tests and modules' build output
 * aside; links are not followed, and a file too large or unreadable, or a tree past the limits, counts as a reason.
 */
public final class FilterPhase {
  private static final int MAX_DEPTH = 40;
  private static final int MAX_FILES = 50_000;
  private static final long MAX_BYTES = 1024L * 1024;
  /** Folders never read: version control, dependencies, IDE and tool state. */
  private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", ".git", ".optkit", ".gradle", ".idea",
      ".mvn");
  /** A module's build output, skipped only beside the module's build file (a package may be named {@code out}). */
  private static final Set<String> BUILD_OUTPUT = Set.of("target", "build", "out", "bin");
  private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts");
  private static final Set<String> SEARCHED = Set.of("java", "kt", "kts", "groovy", "scala", "properties", "yml",
      "yaml", "xml", "gradle", "toml");
  /** Text in a source or configuration file that binds a context ahead of filters or dispatches inside the servlet. */
  private static final List<String> INSIDE_WORDS = List.of("EntityManagerHolder", "SessionHolder", "bindResource",
      "forward:", "RequestDispatcher", "DispatcherType", "ModelAndView", "InternalResourceView", "JstlView",
      "TilesView", "AbstractView", "ViewResolver", "ViewControllerRegistry", "ParameterizableViewController",
      "UrlFilenameViewController", "ServletForwardingController", "ServletWrappingController",
      "DefaultServletHandlerConfigurer", "RouterFunction", "RenderingResponse", "tx:advice", "aop:config",
      // transactions and advice set up in Java, which may wrap a filter (hostile review 49's F2)
      "TransactionInterceptor", "TransactionProxyFactoryBean", "AutoProxyCreator", "PointcutAdvisor",
      "MethodInterceptor", "aop.framework.ProxyFactory", "ProxyFactoryBean", "@Aspect");
  /** Libraries that forward inside the DispatcherServlet, as their coordinates read in a build file. */
  private static final List<String> FORWARDING_LIBRARIES = List.of("springfox", "zuul", "gateway-mvc",
      "gateway-server-mvc", "gateway-server-webmvc", "org.apache.tiles", "jstl", "jasper", "spring-webflow",
      "joinfaces", "vaadin");
  private static final Set<String> VIEW_FILES = Set.of("jsp", "jspx", "jspf", "tag", "tagx");

  private final WholeProject whole;
  private final Path scanRoot;
  private Optional<String> inside;

  public FilterPhase(WholeProject whole, Path scanRoot) {
    this.whole = whole;
    this.scanRoot = scanRoot;
  }

  /** Whether servlet filters run before, and never inside, any open-in-view persistence context of a request. */
  public boolean outsideView() {
    return whyInside().isEmpty();
  }

  /** Why the project's servlet filters may run inside the view's persistence context; empty when they do not. */
  public Optional<String> whyInside() {
    if (inside == null) {
      inside = whole.registersOpenInView() ? Optional.of("the project registers an open-in-view filter or interceptor")
          : whyInsideByCode();
    }
    return inside;
  }

  private Optional<String> whyInsideByCode() {
    if (scanRoot == null) {
      return Optional.of("the project's files are not at hand");
    }
    List<Path> files = new java.util.ArrayList<>();
    String[] stop = new String[1];
    try {
      Files.walkFileTree(scanRoot, new java.nio.file.SimpleFileVisitor<>() {
        @Override
        public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
            java.nio.file.attribute.BasicFileAttributes attributes) {
          if (!dir.equals(scanRoot) && skipped(dir)) {
            return java.nio.file.FileVisitResult.SKIP_SUBTREE;
          }
          if (scanRoot.relativize(dir).getNameCount() >= MAX_DEPTH) {
            stop[0] = scanRoot.relativize(dir) + " is more than " + MAX_DEPTH + " folders deep";
            return java.nio.file.FileVisitResult.TERMINATE;
          }
          return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes) {
          if (attributes.isRegularFile() && !skipped(file)) { // a link is no regular file: never followed
            files.add(file);
          }
          if (files.size() > MAX_FILES) {
            stop[0] = "the project has more than " + MAX_FILES + " files to read";
            return java.nio.file.FileVisitResult.TERMINATE;
          }
          return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException unreadable) {
          stop[0] = scanRoot.relativize(file) + " could not be read";
          return java.nio.file.FileVisitResult.TERMINATE;
        }
      });
    } catch (IOException | UncheckedIOException | SecurityException unreadable) {
      return Optional.of("the project's tree could not be read");
    }
    if (stop[0] != null) {
      return Optional.of(stop[0]);
    }
    files.sort(Comparator.naturalOrder());
    boolean thymeleaf = false;
    for (Path path : files) {
      Optional<String> why = whyInside(path);
      if (why.isPresent()) {
        return why;
      }
      // Thymeleaf's view resolver, which renders every name in place (its core alone, for mail, resolves no view)
      thymeleaf |= buildFile(path.getFileName().toString()) && (mentions(path, "spring-boot-starter-thymeleaf")
          || mentions(path, "thymeleaf-spring"));
    }
    Optional<String> filters = new FilterCode(whole).whyInside();
    if (filters.isPresent()) {
      return filters;
    }
    // a setting of Thymeleaf's (enabled=false, view-names, excluded-view-names) may leave names to the default resolver
    thymeleaf &= !whole.configurationMentions("thymeleaf");
    return thymeleaf ? Optional.empty() : new ViewHandlers(whole.index()).firstByName()
        .map(handler -> handler + " may render a view by name, which Spring's default view resolver renders by a "
            + "forward (Thymeleaf would render it in place)");
  }

  /** Dependencies, tool state, a module's build output and tests are not what a request of the application runs. */
  private boolean skipped(Path path) {
    Path relative = scanRoot.relativize(path);
    Path parent = scanRoot;
    for (Path part : relative) {
      String name = part.toString();
      if (SKIPPED_FOLDERS.contains(name) || BUILD_OUTPUT.contains(name) && moduleRoot(parent)) {
        return true;
      }
      parent = parent.resolve(part);
    }
    return SourceSet.isTestPath(relative.toString().replace('\\', '/'));
  }

  /** A folder holding a Maven or Gradle build file, whose target/, build/, out/ or bin/ is its build's output. */
  private static boolean moduleRoot(Path folder) {
    return BUILD_FILES.stream().anyMatch(build -> Files.isRegularFile(folder.resolve(build), LinkOption.NOFOLLOW_LINKS));
  }

  private static boolean buildFile(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("pom.xml") || lower.startsWith("build.gradle") || lower.endsWith(".toml");
  }

  private boolean mentions(Path file, String word) {
    try {
      return Files.size(file) <= MAX_BYTES
          && Files.readString(file, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT).contains(word);
    } catch (IOException | RuntimeException unreadable) {
      return false; // read for a permission only: unread, it grants none
    }
  }

  private Optional<String> whyInside(Path file) {
    String name = file.getFileName().toString();
    String relative = scanRoot.relativize(file).toString().replace('\\', '/');
    String lower = name.toLowerCase(Locale.ROOT);
    String extension = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
    if (lower.equals("web.xml") || lower.equals("web-fragment.xml")) {
      return Optional.of(relative + " declares the servlet's filters, in an order optkit does not read");
    }
    if (lower.equals("index.html") || lower.equals("index.htm")) {
      return Optional.of(relative + " may be served (as it is, or copied by a build) as Spring Boot's welcome "
          + "page, which it serves by a forward");
    }
    if (VIEW_FILES.contains(extension)) {
      return Optional.of(relative + " is a JSP view, which Spring renders by a forward or an include");
    }
    if (!SEARCHED.contains(extension)) {
      return Optional.empty();
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Optional.of(relative + " is too large to read");
      }
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      if (extension.equals("java") && INSIDE_WORDS.stream().anyMatch(text::contains)) {
        text = JavaWithoutComments.of(text); // parsed only when a word may stand in a comment alone
      }
      for (String word : INSIDE_WORDS) {
        if (text.contains(word)) {
          return Optional.of(relative + " names " + word);
        }
      }
      if (buildFile(name)) {
        String lowerText = text.toLowerCase(Locale.ROOT);
        for (String library : FORWARDING_LIBRARIES) {
          if (lowerText.contains(library)) {
            return Optional.of(relative + " uses " + library + ", which forwards inside the DispatcherServlet");
          }
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      return Optional.of(relative + " could not be read");
    }
  }
}
