package dev.optkit.validation.run;

import java.nio.file.Path;

/** One side of the comparison: a label ("original", "migrated") and the project directory that holds it. */
public record CodeVersion(String label, Path directory) {}
