package dev.optkit.validation.run;

import dev.optkit.analyzers.io.StateDirectory;
import dev.optkit.analyzers.io.StateSeal;
import dev.optkit.validation.spec.Workload;
import java.nio.charset.StandardCharsets;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds one code version with the workload's build command and reads its class path. */
final class VersionClasspath {
  /** A class path of thousands of jars is a few hundred KB. */
  private static final long MAX_KEPT_BYTES = 8L << 20;

  private VersionClasspath() {
  }

  /**
   * @param cacheDir where the class path a {@code command} printed is kept, under a key of the command and
   *     the version's build files, each by its path relative to the version's tree ({@link BuildTree}): the
   *     build tool is asked again only when one of them changed or a kept entry no longer exists. Entries
   *     inside the tree (a module's {@code target/classes}) are kept relative to it, so a fresh clone of an
   *     unchanged commit reuses the class path an earlier run's clone printed
   */
  static List<String> prepare(Workload.ClasspathSpec spec, CodeVersion version, Path log, StateDirectory cacheDir)
      throws IOException, InterruptedException {
    List<String> entries = new ArrayList<>();
    if (spec == null) {
      return entries;
    }
    // one step of the run's progress per version: the build, or the class path when there is no build
    boolean stepped = spec.build() != null;
    if (stepped) {
      RunProgress.current().step(version, "build: " + spec.build());
      Commands.shell(spec.build(), version.directory(), log, 30);
    }
    for (String entry : spec.entries()) {
      entries.add(version.directory().resolve(entry).toAbsolutePath().toString());
    }
    if (spec.command() != null) {
      BuildTree tree = BuildTree.of(version.directory(), spec.command());
      Optional<Path> kept = tree.key().isEmpty() ? Optional.empty()
          : Optional.of(cacheDir.resolve(tree.key().get() + ".txt"));
      List<String> printed = kept.isEmpty() ? List.of() : read(cacheDir, kept.get(), tree);
      if (printed.isEmpty()) {
        if (!stepped) {
          RunProgress.current().step(version, "class path: " + spec.command());
        }
        printed = parse(Commands.shell(spec.command(), version.directory(), log, 10), version.directory()).stream()
            .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString()).toList();
        if (kept.isPresent()) {
          String content = String.join("\n", printed.stream().map(tree::keep).toList());
          cacheDir.write(kept.get(), StateSeal.seal(tree.key().get(), content.getBytes(StandardCharsets.UTF_8)));
        }
      } else if (stepped) {
        RunProgress.current().note(version, "class path unchanged since an earlier run: " + kept.get().getFileName());
      } else {
        RunProgress.current().step(version, "class path unchanged since an earlier run: " + kept.get().getFileName());
      }
      entries.addAll(printed);
    }
    return entries;
  }

  /**
   * The kept class path, where this tree is; empty when there is none, its seal does not hold (a class path
   * planted in the project's {@code .optkit/} is dropped, never run) or an entry no longer exists.
   */
  private static List<String> read(StateDirectory cacheDir, Path kept, BuildTree tree) throws IOException {
    String key = tree.key().orElseThrow();
    List<String> lines = cacheDir.read(kept, MAX_KEPT_BYTES).flatMap(sealed -> StateSeal.open(key, sealed))
        .map(bytes -> new String(bytes, StandardCharsets.UTF_8).lines().toList()).orElse(List.of());
    List<String> entries = new ArrayList<>();
    for (String line : lines) {
      Optional<String> entry = tree.resolve(line);
      if (entry.isEmpty() || !Files.exists(Path.of(entry.get()))) {
        return List.of();
      }
      entries.add(entry.get());
    }
    return entries;
  }

  /** Build tools print notices too: keep the lines that look like a path list. */
  static List<String> parse(String printed, Path directory) {
    List<String> entries = new ArrayList<>();
    for (String line : withoutTerminalEscapes(printed).lines().toList()) {
      if (!line.isBlank() && !line.startsWith("[") && (line.contains(File.pathSeparator) || line.endsWith(".jar"))) {
        for (String entry : line.strip().split(File.pathSeparator)) {
          entries.add(directory.resolve(entry).toString());
        }
      }
    }
    return entries;
  }

  /**
   * Maven 3.8+ prints colour resets ({@code ESC[0m}) even with {@code -q -B}, glued to the class path
   * it prints: left in, they make the first entry a path that does not exist.
   */
  static String withoutTerminalEscapes(String printed) {
    return ANSI_ESCAPE.matcher(printed).replaceAll("");
  }

  private static final java.util.regex.Pattern ANSI_ESCAPE = java.util.regex.Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

  /** A phase of the run starts (the run calls it before each scenario's host JVM): see {@link RunProgress}. */
  static void progress(CodeVersion version, String what) {
    RunProgress.current().step(version, what);
  }
}
