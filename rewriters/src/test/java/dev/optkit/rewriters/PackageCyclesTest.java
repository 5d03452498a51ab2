package dev.optkit.rewriters;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rewriters' packages depend on each other one way only: cli above rewriters above analyzers, and inside
 * rewriters the migration ({@code plan}) above the loop and caching rewrites above the editing and source helpers.
 */
class PackageCyclesTest {
  private static final JavaClasses REWRITERS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.optkit.rewriters");

  /** No cycle anywhere in rewriters, {@code caching}'s sub-packages included. */
  @Test
  void noPackageCycle() {
    slices().matching("dev.optkit.rewriters.(**)").should().beFreeOfCycles()
        .check(REWRITERS);
  }
}
