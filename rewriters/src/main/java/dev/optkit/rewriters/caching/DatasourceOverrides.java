package dev.optkit.rewriters.caching;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Whether any file of the project but its Java sources, tests, compose files and modules' {@code application*}
 * settings (those are read as such) sets a datasource: a Kubernetes
 * manifest or Helm values ({@code SPRING_DATASOURCE_URL}), an {@code .env}, a Dockerfile's {@code ENV}, a config
 * repository's {@code spring.datasource.url}. Deployment overrides the applications' own files, so two applications
 * whose own files name different databases are not proven apart while such a file exists (hostile review 37's n1: the
 * writer's properties named a local default, its manifest the reader's database). Text, not parsed: any mention
 * fails closed. Bounded: links are not followed, build and VCS folders skipped, at most {@value #MAX_FILES} files read, none over 1 MB:
 * past that, the answer is yes.
 */
final class DatasourceOverrides {
  private static final int MAX_FILES = 5_000;
  private static final long MAX_FILE = 1024 * 1024;
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules", ".optkit", ".idea", ".gradle");
  private static final Set<String> COMPOSE = Set.of("docker-compose.yml", "docker-compose.yaml", "compose.yml",
      "compose.yaml");
  private DatasourceOverrides() {}

  /**
   * A build's output beside its build file ({@code target} by a pom, {@code build} by a Gradle script): copies of
   * the modules' settings, not a deployment's; a folder of that name elsewhere is read (hostile review 38's d5).
   */
  private static boolean buildOutput(Path dir) {
    String name = dir.getFileName().toString();
    Path parent = dir.getParent();
    return parent != null && (name.equals("target") && Files.exists(parent.resolve("pom.xml"))
        || name.equals("build") && (Files.exists(parent.resolve("build.gradle"))
            || Files.exists(parent.resolve("build.gradle.kts"))));
  }

  /** A file of the kinds deployments keep settings in: YAML, JSON, properties, env, XML, scripts, Dockerfiles. */
  private static boolean settingsFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.contains("dockerfile") || name.startsWith(".env") || name.endsWith(".env")
        || java.util.List.of(".yml", ".yaml", ".json", ".properties", ".xml", ".conf", ".toml", ".sh", ".tf", ".ini",
            ".cfg", ".txt", ".service").stream().anyMatch(name::endsWith);
  }

  /** {@code src/main/resources/application*} or {@code src/main/resources/config/application*}. */
  private static boolean applicationSettings(Path file) {
    Path resources = file.getParent();
    if (resources.getFileName().toString().equals("config")) {
      resources = resources.getParent();
    }
    return file.getFileName().toString().startsWith("application") && resources != null
        && resources.endsWith(Path.of("src", "main", "resources"));
  }

  /** The first bytes git looks at to tell a binary file. */
  private static final int SNIFFED = 8000;

  /**
   * Binary as git tells it: a NUL byte in its first {@value #SNIFFED} bytes, unless it starts with a UTF-16 byte
   * order mark (text whose ASCII characters each come with a NUL, read as text).
   */
  static boolean binary(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
        || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
      return false;
    }
    for (int i = 0; i < Math.min(bytes.length, SNIFFED); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The bytes as ISO-8859-1 text, ASCII letters in lower case and every NUL left out (a UTF-16 file's ASCII reads
   * on): what the ASCII keys below are searched in, without a copy per character's case.
   */
  private static String lowerCaseAscii(byte[] bytes) {
    int kept = 0;
    for (byte b : bytes) {
      if (b != 0) {
        bytes[kept++] = b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
      }
    }
    return new String(bytes, 0, kept, StandardCharsets.ISO_8859_1);
  }

  static boolean anywhere(Path root) {
    boolean[] found = {false};
    int[] files = {0};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
          boolean sourcesOrTests = dir.getFileName().toString().equals("java") && dir.getParent() != null
              && dir.getParent().getParent() != null && dir.getParent().getParent().getFileName().toString().equals("src")
              || dir.getFileName().toString().equals("test") && dir.getParent() != null
              && dir.getParent().getFileName().toString().equals("src");
          return !dir.equals(root) && (SKIPPED.contains(dir.getFileName().toString()) || sourcesOrTests
              || buildOutput(dir)) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
          if (!attributes.isRegularFile() || file.getParent().equals(root)
              && COMPOSE.contains(file.getFileName().toString()) || applicationSettings(file)) {
            // links are no regular files here; compose files are read as YAML, a module's application* files as
            // Spring settings (SeparateApplications)
            return FileVisitResult.CONTINUE;
          }
          if (++files[0] > MAX_FILES) {
            found[0] = true;
            return FileVisitResult.TERMINATE;
          }
          if (attributes.size() > MAX_FILE) {
            if (!settingsFile(file)) {
              return FileVisitResult.CONTINUE; // an image, an archive: no deployment's settings
            }
            found[0] = true; // a manifest too large to read (hostile review 38's d3)
            return FileVisitResult.TERMINATE;
          }
          byte[] bytes = Files.readAllBytes(file);
          if (binary(bytes)) {
            return FileVisitResult.CONTINUE; // an image, an archive: no deployment's settings in its bytes as text
          }
          String text = lowerCaseAscii(bytes);
          if (text.contains("spring_datasource") || text.contains("spring.datasource")
              || text.contains("spring.r2dbc") || text.contains("spring_r2dbc")
              || text.contains("spring_application_json") || text.contains("spring.application.json")
              || text.contains("spring.config.import") || text.contains("spring_config_import")) {
            found[0] = true;
            return FileVisitResult.TERMINATE;
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | RuntimeException unreadable) {
      return true;
    }
    return found[0];
  }
}
