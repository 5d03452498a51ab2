package dev.optkit.rewriters;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
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

  /**
   * The one exemption: the sub-packages of {@code caching} still form one cycle among themselves (the planner's
   * helpers take the whole-project model, which is built from some of them). A cycle that leaves {@code caching},
   * or any other, fails.
   */
  @Test
  void noPackageCycleOutsideTheCachingTangle() {
    slices().matching("dev.optkit.rewriters.(**)").should().beFreeOfCycles()
        .ignoreDependency(inCaching(), inCaching())
        .check(REWRITERS);
  }

  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> inCaching() {
    return describe("in dev.optkit.rewriters.caching..",
        type -> type.getPackageName().startsWith("dev.optkit.rewriters.caching"));
  }
}
