package dev.optkit.analyzers.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A project's SQL script as its readers take it: UTF-8 text, at most 2 MiB; a larger or unreadable one is none. */
final class SqlScripts {
  static final long MAX_SCRIPT_BYTES = 2L * 1024 * 1024;

  private SqlScripts() {}

  /** The script's text; empty when it is over the bound, unreadable or not UTF-8 (what it declares stays unknown). */
  static Optional<String> text(Path script) {
    try {
      return Files.size(script) > MAX_SCRIPT_BYTES ? Optional.empty()
          : Optional.of(Files.readString(script, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
