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
      String printed = Commands.shell(spec.command(), version.directory(), log, 10);
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

  static void progress(CodeVersion version, String what) {
    System.err.println("optkit validate: " + version.label() + ": " + what);
  }
}
