package dev.optkit.validation.run;

import dev.optkit.validation.spec.Workload;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds one code version with the workload's build command and reads its class path. */
final class VersionClasspath {
  private VersionClasspath() {
  }

  static List<String> prepare(Workload.ClasspathSpec spec, CodeVersion version, Path log)
      throws IOException, InterruptedException {
    List<String> entries = new ArrayList<>();
    if (spec == null) {
      return entries;
    }
    if (spec.build() != null) {
      progress(version, "build: " + spec.build());
      Commands.shell(spec.build(), version.directory(), log, 30);
    }
    for (String entry : spec.entries()) {
      entries.add(version.directory().resolve(entry).toAbsolutePath().toString());
    }
    if (spec.command() != null) {
      String printed = withoutTerminalEscapes(Commands.shell(spec.command(), version.directory(), log, 10));
      for (String line : printed.lines().toList()) {
        // build tools print notices too: keep the line that looks like a path list
        if (!line.isBlank() && !line.startsWith("[") && (line.contains(File.pathSeparator) || line.endsWith(".jar"))) {
          for (String entry : line.strip().split(File.pathSeparator)) {
            entries.add(version.directory().resolve(entry).toString());
          }
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

  static void progress(CodeVersion version, String what) {
    System.err.println("optkit validate: " + version.label() + ": " + what);
  }
}
