package dev.optkit.analyzers;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The analyzers' packages layer one way: every package is its own slice and no two of them use
 * each other, directly or around a cycle. The slices are matched from {@code dev.optkit} so that
 * the root package {@code dev.optkit.analyzers} (Assessor, Assessment) is a slice too
 * ({@code dev.optkit.analyzers.(**)} would leave it out); only the analyzers' own production
 * classes are imported, so only they form slices.
 */
class PackageCyclesTest {
  private static final JavaClasses ANALYZERS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.optkit.analyzers");

  @Test
  void analyzersPackagesAreFreeOfCycles() {
    slices().matching("dev.optkit.(**)")
        .should().beFreeOfCycles()
        .check(ANALYZERS);
  }
}
