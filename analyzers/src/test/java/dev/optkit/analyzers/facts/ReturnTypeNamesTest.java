package dev.optkit.analyzers.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.ProjectFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The types a method's declared return type names, read from its syntax tree: what the entity and weighing proofs
 * ask which project types an answer may hold. The words on the declaration's line are no type: a one-line
 * {@code @Query("SELECT o FROM Owner o")} names no Owner in the answer, an annotation is no type of it; the bound of a
 * type variable the answer names is.
 */
class ReturnTypeNamesTest {
  @TempDir Path dir;

  @Test
  void theReturnTypesNamesComeFromTheDeclarationNotFromItsLine() {
    Assessment assessment = new ProjectFixture(dir).java("""
        package shop;
        import java.util.List;
        import java.util.Map;
        interface Pets {
          @Deprecated @SuppressWarnings("SELECT o FROM Owner o") List<Pet> pets();
          <T extends Owner> Map.Entry<String, java.util.List<T>> byName();
          int count();
          Pets self();
        }
        """).java("package shop;\nclass Pet {}\n").java("package shop;\nclass Owner {}\n").assess();
    assertEquals(List.of("List", "Pet"), names(assessment, "pets"));
    assertEquals(List.of("Owner", "Map", "Entry", "String", "java", "util", "List", "T"), names(assessment, "byName"));
    assertEquals(List.of(), names(assessment, "count"));
    assertEquals(List.of("Pets"), names(assessment, "self"));
  }

  private static List<String> names(Assessment assessment, String method) {
    return assessment.index().methods().stream().filter(m -> m.fact().name().equals(method)).findFirst().orElseThrow()
        .fact().returnTypeNames();
  }
}
