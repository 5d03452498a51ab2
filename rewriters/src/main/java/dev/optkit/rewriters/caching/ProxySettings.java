package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.settings.SpringSettings;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether Spring Boot's proxy settings ({@code spring.aop.auto}, {@code spring.aop.proxy-target-class}) may be set
 * anywhere Boot reads them beyond the application files: a properties or YAML file of any name and depth (one
 * {@code spring.config.import} or {@code @PropertySource} names, nested keys and relaxed names read), a build or
 * deployment file by any of the property's names ({@code -Dspring.aop.proxyTargetClass}, {@code SPRING_AOP_...},
 * {@code SPRING_APPLICATION_JSON}), an imported location that is no file (a config server, a config tree, Consul,
 * Vault), or a string of the project's code ({@code app.setDefaultProperties(..)}; a comment is none). The hostile
 * review of 2026-11-29's f7e-f7i and fr3. The walk skips build output and never follows a link; a tree too large to
 * walk, or a file it cannot read, counts as setting them.
 */
public final class ProxySettings {
  private static final List<String> KEYS = List.of("spring.aop.auto", "spring.aop.proxy-target-class");
  /** Import locations whose properties are not in the project's files. */
  private static final List<String> REMOTE = List.of("configserver:", "configtree:", "consul:", "vault:", "zookeeper:",
      "aws-parameterstore:", "aws-secretsmanager:", "aws-s3:", "kubernetes:");
  private static final Set<String> SKIPPED = Set.of("target", "build", "node_modules", ".git", ".gradle", ".idea", ".optkit",
      "dist", "out", "vendor", ".venv");
  private static final int MOST_FILES = 200_000;
  private static final long LARGEST = 8L * 1024 * 1024;

  private ProxySettings() {}

  /**
   * @param javaUnit the tree of a project source whose text mentions any of the words, or empty
   * @param javaSources the project's Java sources, relative to the root
   */
  public static boolean mayBeSet(Path root, List<String> javaSources,
      java.util.function.BiFunction<String, List<String>, Optional<CompilationUnit>> javaUnit) {
    for (String source : javaSources) {
      if (javaUnit.apply(source, List.of("spring.aop.", "SPRING_AOP_", "spring.application.json", "SPRING_APPLICATION_JSON"))
          .map(ProxySettings::namedInStrings).orElse(false)) {
        return true;
      }
    }
    return inFiles(root);
  }

  private static boolean namedInStrings(CompilationUnit unit) {
    Function<String, Boolean> names = text -> mentions(text, true);
    return unit.findAll(StringLiteralExpr.class).stream().anyMatch(s -> names.apply(s.getValue()))
        || unit.findAll(TextBlockLiteralExpr.class).stream().anyMatch(s -> names.apply(s.getValue()));
  }

  /** Whether the text names the properties, relaxed or as an environment variable, or Boot's JSON of properties. */
  private static boolean mentions(String text, boolean json) {
    String canonical = SpringSettings.canonical(text);
    return canonical.contains("spring.aop.") || text.toUpperCase(Locale.ROOT).contains("SPRING_AOP")
        || json && (canonical.contains("spring.application.json") || text.contains("SPRING_APPLICATION_JSON"))
            && text.toLowerCase(Locale.ROOT).contains("aop");
  }

  private static boolean beside(Path file, String buildFile) {
    Path sibling = file.resolveSibling(buildFile);
    return Files.isRegularFile(sibling, java.nio.file.LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean inFiles(Path root) {
    boolean[] found = {false};
    int[] files = {0};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          return !dir.equals(root) && SKIPPED.contains(name) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
          if (++files[0] > MOST_FILES || attributes.isRegularFile() && setsThem(root, file, attributes.size())) {
            found[0] = true;
            return FileVisitResult.TERMINATE;
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException unreadable) {
      return true;
    }
    return found[0];
  }

  private static boolean setsThem(Path root, Path file, long size) {
    String name = file.getFileName().toString();
    // a file Spring may load: on a class path (a resources folder), in a config folder, or beside a build file (a
    // pnpm-lock.yaml or a CI workflow is none: halo's made every bean a JDK proxy in the regression run)
    String relative = root.relativize(file).toString().replace('\\', '/');
    boolean loadable = relative.contains("resources/") || ("/" + relative).contains("/config/")
        || beside(file, "pom.xml") || beside(file, "build.gradle") || beside(file, "build.gradle.kts");
    boolean configuration = loadable && (name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml"));
    // build and deployment files that set properties or the environment (a package-lock.json or a Spring XML file sets
    // neither: halo's 1 MB lock files made every Boot bean a JDK proxy in the regression run)
    boolean deployment = name.equals("pom.xml") || name.endsWith(".gradle") || name.endsWith(".kts")
        || name.startsWith("Dockerfile") || name.startsWith("docker-compose") || name.startsWith("compose.")
        || name.endsWith(".env") || name.endsWith(".sh") || name.equals("Procfile") || name.equals("jvm.config")
        || name.equals("maven.config");
    if (!configuration && !deployment) {
      return false;
    }
    if (size > LARGEST) {
      return configuration; // a configuration file too large to read may set them; a build file that large is no build
    }
    try {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      if (!text.toLowerCase(Locale.ROOT).contains("aop") && !(configuration && REMOTE.stream().anyMatch(text::contains))) {
        return false; // every name of the properties holds "aop": a file without it sets neither, read or not
      }
      if (mentions(text, true) || configuration && REMOTE.stream().anyMatch(text::contains)) {
        return true;
      }
      if (configuration) {
        for (String key : KEYS) {
          if (!SpringSettings.valuesIn(file, key).isEmpty()) {
            return true;
          }
        }
      }
      return false;
    } catch (IOException | RuntimeException unreadable) {
      return true;
    }
  }
}
