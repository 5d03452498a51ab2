package dev.optkit.analyzers;

import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A throwaway project of Java sources in a temporary directory, assessed as a user would. */
public final class ProjectFixture {
  private final Path root;
  private final Map<String, String> files = new TreeMap<>();
  private OptkitConfig config = OptkitConfig.defaults();

  public ProjectFixture(Path root) {
    this.root = root;
  }

  /** Adds a source file; its path is derived from the package line and the first public type. */
  public ProjectFixture java(String source) {
    String pkg = source.lines().filter(l -> l.startsWith("package ")).findFirst()
        .map(l -> l.substring(8, l.indexOf(';')).trim()).orElse("");
    java.util.regex.Matcher type = java.util.regex.Pattern
        .compile("(?:class|interface|record|enum)\\s+(\\w+)").matcher(source);
    if (!type.find()) {
      throw new IllegalArgumentException("no type in source");
    }
    String path = "src/main/java/" + (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + type.group(1) + ".java";
    return file(path, source);
  }

  public ProjectFixture file(String path, String content) {
    files.put(path, content);
    return this;
  }

  public ProjectFixture config(OptkitConfig value) {
    this.config = value;
    return this;
  }

  public Path root() {
    return root;
  }

  public Assessment assess() {
    try {
      for (Map.Entry<String, String> file : files.entrySet()) {
        Path target = root.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Assessor.Options options = new Assessor.Options(List.of(root), config.exclude(), config.includeTests(), List.of(),
        false, 2, true, config, "test", null);
    return new Assessor().assess(options, Assessor.Progress.NONE);
  }

  public List<Finding> findings(Category category) {
    return assess().findings().stream().filter(f -> f.category() == category).toList();
  }
}
