package dev.optkit.validation.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code under test, in a class loader of its own beside optkit's harness: the harness's
 * libraries (Jackson, JMH, HdrHistogram) and the project's (often other versions of the same)
 * never meet. Its parent is the platform loader, so the project sees only the JDK and itself; the
 * harness reaches it by reflection. The class path comes from a file named by the system property
 * {@value #PROPERTY}, one entry a line, which the host JVM and its JMH forks are both given.
 */
public final class ProjectClassLoader {
  public static final String PROPERTY = "optkit.validation.projectClasspath";
  private static ClassLoader loader;

  private ProjectClassLoader() {
  }

  /**
   * The loader of the project's classes, made once per JVM, and made the calling thread's context
   * loader (frameworks find resources and services through it; threads started later inherit it).
   * Without the property, the harness's own loader: the project is then on the JVM's class path.
   */
  public static synchronized ClassLoader current() {
    if (loader == null) {
      String file = System.getProperty(PROPERTY);
      loader = file == null ? ProjectClassLoader.class.getClassLoader() : of(Path.of(file));
    }
    Thread.currentThread().setContextClassLoader(loader);
    return loader;
  }

  static ClassLoader of(Path classpathFile) {
    try {
      List<URL> urls = new ArrayList<>();
      for (String entry : Files.readAllLines(classpathFile)) {
        if (!entry.isBlank()) {
          urls.add(Path.of(entry.strip()).toUri().toURL());
        }
      }
      return new URLClassLoader("optkit-project", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bad class path entry in " + classpathFile + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a class path where {@link #current()} in another JVM reads it. */
  public static void write(List<String> entries, Path file) throws IOException {
    Files.write(file, entries);
  }
}
