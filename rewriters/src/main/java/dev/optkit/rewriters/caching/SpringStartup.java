package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.settings.SpringSettings;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;

/**
 * How Spring starts the project, as far as its files tell: whether a Spring Boot application is seen, whether a plain
 * initializer or web.xml starts plain Spring instead, and whether the project sets the properties that decide Boot's
 * proxies. Each answer is read once per migration.
 */
public final class SpringStartup {
  private final ProjectIndex index;
  private final java.nio.file.Path scanRoot;
  /** The project's application*.properties/.yml files, or null when its tree cannot be read. */
  private final java.util.function.Supplier<List<java.nio.file.Path>> configurationFiles;

  /** A project source's tree, when its text holds any of the words. */
  private final java.util.function.BiFunction<String, List<String>,
      java.util.Optional<com.github.javaparser.ast.CompilationUnit>> javaUnit;

  SpringStartup(ProjectIndex index, java.nio.file.Path scanRoot,
      java.util.function.Supplier<List<java.nio.file.Path>> configurationFiles,
      java.util.function.BiFunction<String, List<String>, java.util.Optional<com.github.javaparser.ast.CompilationUnit>> javaUnit) {
    this.index = index;
    this.scanRoot = scanRoot;
    this.configurationFiles = configurationFiles;
    this.javaUnit = javaUnit;
  }

  /**
   * Whether the project may set the properties that decide Spring Boot's proxies: {@code spring.aop.auto} (false: Boot
   * forces no class proxies) and {@code spring.aop.proxy-target-class} (false: JDK proxies), in any configuration file
   * (nested YAML and relaxed names read too) or a deployment or build file (an environment variable, a system
   * property). Set to anything counts, {@code true} too: Boot compares the value as written ({@code "true "} with a
   * trailing space matches neither of its conditions: the plain-Spring review's (2026-11-29) f7). True when a file or the project cannot
   * be read. Beside those: a properties file of any name ({@code @PropertySource}, a file {@code spring.config.import}
   * names: f7b, f7c), the property's name in a source file ({@code app.setDefaultProperties(..)}, a test's
   * {@code properties}: f7d), and an imported location that is no file of the project (a config server, Consul,
   * Vault), whose properties nobody here can read.
   */
  public boolean aopConfigured() {
    if (aopConfigured == null) {
      aopConfigured = scanRoot == null || configurationFiles.get() == null || configurationFiles.get().stream().anyMatch(file -> {
        try {
          return java.util.stream.Stream.concat(SpringSettings.valuesIn(file, "spring.aop.auto").stream(),
              SpringSettings.valuesIn(file, "spring.aop.proxy-target-class").stream())
              .findAny().isPresent() || SpringSettings.valuesIn(file, "spring.config.import").stream()
                  .flatMap(value -> java.util.Arrays.stream(value.split(","))).anyMatch(SpringStartup::remoteLocation);
        } catch (java.io.IOException | RuntimeException unreadable) {
          return true;
        }
      }) || SpringSettings.setOutside(scanRoot, "spring.aop.auto")
          || SpringSettings.setOutside(scanRoot, "spring.aop.proxy-target-class")
          || dev.optkit.rewriters.caching.ProxySettings.mayBeSet(scanRoot,
              index.files().stream().map(file -> file.path()).toList(), javaUnit);
    }
    return aopConfigured;
  }

  /** An imported configuration location that is not a file: {@code configserver:}, {@code consul:}, {@code vault://}. */
  private static boolean remoteLocation(String location) {
    String bare = location.strip().replaceFirst("^optional:", "");
    return !bare.isEmpty() && !bare.startsWith("classpath:") && !bare.startsWith("file:") && bare.contains(":")
        && !bare.matches("[A-Za-z]:[\\\\/].*");
  }

  private Boolean aopConfigured;

  /**
   * Whether a Spring Boot application of the project is seen: a type carrying {@code @SpringBootApplication},
   * {@code @SpringBootConfiguration}, {@code @EnableAutoConfiguration} or {@code @ImportAutoConfiguration}. Only
   * for what a reason may say of open-in-view: "Spring Boot's default" only where Boot is seen to run.
   */
  public boolean bootApplicationInProject() {
    if (bootApplicationInProject == null) {
      bootApplicationInProject = index.types().stream().flatMap(type -> type.annotations().stream())
          .anyMatch(a -> a.endsWith("SpringBootApplication") || a.endsWith("SpringBootConfiguration")
              || a.endsWith("EnableAutoConfiguration") || a.endsWith("ImportAutoConfiguration"));
    }
    return bootApplicationInProject;
  }

  private Boolean bootApplicationInProject;

  /**
   * Whether the project starts a plain Spring context for a web application: a class extending Spring MVC's
   * initializers ({@code AbstractAnnotationConfigDispatcherServletInitializer}, a {@code WebApplicationInitializer}
   * other than Boot's {@code SpringBootServletInitializer}), or a {@code web.xml} naming the DispatcherServlet or the
   * ContextLoaderListener. Such a war runs no Boot auto-configuration whatever its pom's parent or BOM (hostile review
   * 35's f12). True when a web.xml cannot be read.
   */
  public boolean plainSpringStarted() {
    if (plainSpringStarted == null) {
      plainSpringStarted = index.types().stream().anyMatch(type -> type.superTypes().stream().anyMatch(t ->
          t.endsWith("AbstractAnnotationConfigDispatcherServletInitializer") || t.endsWith("AbstractDispatcherServletInitializer")
              || t.endsWith("AbstractContextLoaderInitializer") || t.endsWith("WebApplicationInitializer"))
          && index.supertypesOf(type.qualifiedName()).stream().noneMatch(t -> t.endsWith("SpringBootServletInitializer"))
          && type.superTypes().stream().noneMatch(t -> t.endsWith("SpringBootServletInitializer"))) || webXmlStartsSpring();
    }
    return plainSpringStarted;
  }

  private Boolean plainSpringStarted;

  /** web.xml elements naming a class the container starts: a servlet, a listener. */
  private static final java.util.Set<String> STARTED_CLASSES = java.util.Set.of("servlet-class", "listener-class");
  /** Spring's classes a web.xml starts Spring with. */
  private static final List<String> SPRING_STARTERS = List.of("DispatcherServlet", "ContextLoaderListener");

  /**
   * Whether a web.xml of the project starts Spring: a servlet or listener that is Spring's DispatcherServlet or
   * ContextLoaderListener, or a project class extending one, read with StAX (a comment naming them is none). A
   * web.xml that cannot be read, or over 4 MB, counts as starting it.
   */
  private boolean webXmlStartsSpring() {
    if (scanRoot == null) {
      return false;
    }
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(scanRoot, 16)) {
      for (java.nio.file.Path file : files.filter(f -> f.getFileName().toString().equals("web.xml")
          && java.nio.file.Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
        if (java.nio.file.Files.size(file) > 4L * 1024 * 1024) {
          return true;
        }
        for (String started : dev.optkit.analyzers.io.SafeXml.elementTexts(file, STARTED_CLASSES)) {
          if (startsSpring(started)) {
            return true;
          }
        }
      }
    } catch (java.io.IOException | java.io.UncheckedIOException | javax.xml.stream.XMLStreamException unreadable) {
      return true;
    }
    return false;
  }

  private boolean startsSpring(String className) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(className), index.supertypesOf(className).stream())
        .anyMatch(type -> SPRING_STARTERS.stream().anyMatch(type::endsWith));
  }
}
