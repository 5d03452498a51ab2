package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.source.SourceSet;
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
import java.util.stream.Stream;

/**
 * Whether the project's servlet filters run outside every open-in-view persistence context. Spring Boot opens the
 * view's context in a handler interceptor, inside the DispatcherServlet, so a filter (a JWT filter loading the user)
 * runs before it with an EntityManager of its own (trial 46) — unless the filter runs again inside the servlet, or
 * something binds a context ahead of it (hostile review 47). Each of these keeps filters counted as inside:
 * <ul>
 *   <li>an open-in-view filter or interceptor the project registers ({@link WholeProject#registersOpenInView}), a
 *       {@code web.xml} (its filters run in the file's order), or a context bound by hand ({@code EntityManagerHolder},
 *       {@code SessionHolder}, {@code bindResource});
 *   <li>a forward or include from inside the DispatcherServlet, which runs the filters again while the view's
 *       context is bound (H1): a {@code "forward:"} view name, a {@code RequestDispatcher}, views rendered by name
 *       ({@code @Controller}, {@code ModelAndView}, view controllers, JSPs, whose default resolver forwards), Spring
 *       Boot's welcome page (a static {@code index.html} is served by {@code "forward:index.html"}), and libraries
 *       known to forward (springfox's UI, Zuul, Spring Cloud Gateway MVC, Tiles, JSP support, Web Flow).
 * </ul>
 * Sources, configuration and build files are searched as text (tests and build output aside); links are not
 * followed, and a file too large or unreadable, or a tree past the limits, counts as a reason.
 */
final class FilterPhase {
  private static final int MAX_DEPTH = 16;
  private static final int MAX_FILES = 50_000;
  private static final long MAX_BYTES = 1024L * 1024;
  private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "build", "out", "node_modules", ".git", ".optkit",
      ".gradle", ".idea", ".mvn");
  private static final Set<String> SEARCHED = Set.of("java", "kt", "kts", "groovy", "scala", "properties", "yml",
      "yaml", "xml", "gradle", "toml");
  /** Text in a source or configuration file that binds a context ahead of filters or dispatches inside the servlet. */
  private static final List<String> INSIDE_WORDS = List.of("EntityManagerHolder", "SessionHolder", "bindResource",
      "forward:", "RequestDispatcher", "ModelAndView", "InternalResourceView", "JstlView", "TilesView",
      "AbstractView", "ViewResolver", "ViewControllerRegistry", "ParameterizableViewController",
      "UrlFilenameViewController", "ServletForwardingController", "ServletWrappingController",
      "DefaultServletHandlerConfigurer", "RouterFunction", "RenderingResponse");
  /** Libraries that forward inside the DispatcherServlet, as their coordinates read in a build file. */
  private static final List<String> FORWARDING_LIBRARIES = List.of("springfox", "zuul", "gateway-mvc",
      "gateway-server-mvc", "gateway-server-webmvc", "org.apache.tiles", "jstl", "jasper", "spring-webflow",
      "joinfaces", "vaadin");
  private static final Set<String> VIEW_FILES = Set.of("jsp", "jspx", "jspf", "tag", "tagx");

  private final WholeProject whole;
  private final Path scanRoot;
  private Optional<String> inside;

  FilterPhase(WholeProject whole, Path scanRoot) {
    this.whole = whole;
    this.scanRoot = scanRoot;
  }

  /** Whether servlet filters run before, and never inside, any open-in-view persistence context of a request. */
  boolean outsideView() {
    return whyInside().isEmpty();
  }

  /** Why the project's servlet filters may run inside the view's persistence context; empty when they do not. */
  Optional<String> whyInside() {
    if (inside == null) {
      inside = whole.registersOpenInView() ? Optional.of("the project registers an open-in-view filter or interceptor")
          : whyInsideByFiles();
    }
    return inside;
  }

  private Optional<String> whyInsideByFiles() {
    if (scanRoot == null) {
      return Optional.of("the project's files are not at hand");
    }
    if (whole.index().files().stream().filter(file -> !SourceSet.isTestPath(file.path()))
        .flatMap(file -> file.types().stream())
        .anyMatch(type -> type.hasAnnotation("org.springframework.stereotype.Controller"))) {
      return Optional.of("a @Controller renders views by name, which Spring's default view resolver may forward");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(scanRoot, MAX_DEPTH)) {
      files = walk.filter(path -> !skipped(path)).limit(MAX_FILES + 1L)
          .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).sorted(Comparator.naturalOrder())
          .toList();
    } catch (IOException | UncheckedIOException | SecurityException unreadable) {
      return Optional.of("the project's tree could not be read");
    }
    if (files.size() > MAX_FILES) {
      return Optional.of("the project has more than " + MAX_FILES + " files to read");
    }
    for (Path file : files) {
      Optional<String> why = whyInside(file);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /** Build output, dependencies and tests are not what a request of the application runs. */
  private boolean skipped(Path path) {
    Path relative = scanRoot.relativize(path);
    for (Path part : relative) {
      if (SKIPPED_FOLDERS.contains(part.toString())) {
        return true;
      }
    }
    return SourceSet.isTestPath(relative.toString().replace('\\', '/'));
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
      return Optional.of(relative + " may be a welcome page, which Spring Boot serves by a forward");
    }
    if (VIEW_FILES.contains(extension)) {
      return Optional.of(relative + " is a JSP view, which Spring renders by a forward or an include");
    }
    if (!SEARCHED.contains(extension)) {
      return Optional.empty();
    }
    boolean buildFile = lower.equals("pom.xml") || lower.startsWith("build.gradle") || lower.endsWith(".toml");
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Optional.of(relative + " is too large to read");
      }
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      for (String word : INSIDE_WORDS) {
        if (text.contains(word)) {
          return Optional.of(relative + " names " + word);
        }
      }
      if (buildFile) {
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
