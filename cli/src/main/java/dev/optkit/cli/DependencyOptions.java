package dev.optkit.cli;

import dev.optkit.analyzers.dependencies.ResolutionSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the dependency jars for type resolution come from, as one picocli mixin ({@code @Mixin(name = "dependencies")}):
 * assess and migrate must see the same types, or migrate plans from a different reading of the code than the report
 * that said "fixable" (a write through {@code var c = jdbc.getDataSource().getConnection()} seen by one, not the
 * other). docs/dependencies.md.
 */
public final class DependencyOptions {
  @Option(names = "--no-maven-repo", negatable = false,
      description = "Do not resolve the project's dependencies, nor add their jars from the local Maven repository: "
          + "types come from --classpath, the sources and the imports only.")
  boolean noMavenRepo;

  @Option(names = "--offline",
      description = "Resolve the project's dependencies only from what optkit's repository and ~/.m2 already hold; "
          + "fetch nothing (see docs/dependencies.md).")
  boolean offline;

  @Option(names = "--dependency-repo", paramLabel = "DIR",
      description = "optkit's local repository for the dependency jars it resolves (default: "
          + "$XDG_CACHE_HOME/optkit/repository, else ~/.cache/optkit/repository; ~/.m2 is read, never written).")
  Path dependencyRepo;

  /** Whether the local Maven repositories are used at all. */
  boolean useMavenRepository() {
    return !noMavenRepo;
  }

  /** How to resolve, or null when nothing is to be resolved. */
  ResolutionSettings resolution(boolean includeTests) {
    return noMavenRepo ? null : ResolutionSettings.defaults(offline,
        dependencyRepo == null ? null : dependencyRepo.toAbsolutePath().normalize(), includeTests);
  }
}
