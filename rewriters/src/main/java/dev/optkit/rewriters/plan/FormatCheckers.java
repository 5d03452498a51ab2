package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.source.MavenPom;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The formatters and style checks a build may run over the code optkit writes. Its edits follow each file's own
 * indentation and line ends, not the project's formatter, whose check can then fail the build (trial 73: spotless
 * rejected six files optkit wrote, and `mvn test` stopped before any test ran). Migrate says so, with the command that
 * formats them.
 */
final class FormatCheckers {
  /** A plugin's artifactId, and what formats the code for it. */
  private static final Map<String, String> FIXES = new LinkedHashMap<>();

  static {
    FIXES.put("spotless-maven-plugin", "run `mvn spotless:apply` after --apply");
    FIXES.put("fmt-maven-plugin", "run `mvn fmt:format` after --apply");
    FIXES.put("formatter-maven-plugin", "run `mvn formatter:format` after --apply");
    FIXES.put("prettier-maven-plugin", "run `mvn prettier:write` after --apply");
    FIXES.put("maven-checkstyle-plugin", "fix what its report names in the changed files");
  }

  private FormatCheckers() {}

  /** The note for the module at {@code root}, when its pom (or a local parent) declares such a plugin. */
  static Optional<String> note(Path root) {
    Optional<MavenPom> pom = MavenPom.read(root.resolve("pom.xml"));
    if (pom.isEmpty()) {
      return Optional.empty();
    }
    var declared = pom.get().pluginArtifacts();
    return FIXES.entrySet().stream().filter(fix -> declared.contains(fix.getKey())).findFirst()
        .map(fix -> "pom.xml uses " + fix.getKey() + ", which may check the format of the code in the build: optkit's "
            + "edits follow each file's indentation, not your formatter's rules, so " + fix.getValue());
  }
}
