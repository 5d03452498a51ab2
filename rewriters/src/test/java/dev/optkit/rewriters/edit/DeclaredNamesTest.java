package dev.optkit.rewriters.edit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ast.CompilationUnit;
import dev.optkit.analyzers.parse.LanguageLevels;
import org.junit.jupiter.api.Test;

/** A name declared anywhere in the file is taken: nested, inner, local and anonymous classes included. */
class DeclaredNamesTest {
  private static final String SOURCE = """
      package shop;

      class Base {
          protected Object inheritedField;
          void inheritedMethod() {}
      }

      public class Rates extends Base {
          private final String http = "";

          static class Nested {
              int nestedField;
              void nestedMethod() {}
          }

          class Inner {
              private String innerField;
              record InnerKey(String a) {}
          }

          Object rate(String currency) {
              int local = 1;
              class LocalType {
                  void localTypeMethod() {}
              }
              return new Runnable() {
                  private int anonymousField;
                  public void run() {}
              };
          }

          enum Tier { GOLD }
      }
      """;

  @Test
  void everyDeclarationAtAnyDepthIsTaken() {
    DeclaredNames names = DeclaredNames.of(LanguageLevels.parse(SOURCE).orElseThrow());
    for (String taken : new String[] {"Base", "inheritedField", "inheritedMethod", "Rates", "http", "Nested",
        "nestedField", "nestedMethod", "Inner", "innerField", "InnerKey", "rate", "local", "LocalType",
        "localTypeMethod", "anonymousField", "run", "Tier"}) {
      assertTrue(names.declares(taken), taken);
    }
    assertFalse(names.declares("rateCache"));
    assertFalse(names.declares("currency"), "a parameter is no member a new field could clash with");
  }

  @Test
  void typesAreToldApartFromOtherNames() {
    DeclaredNames names = DeclaredNames.of(LanguageLevels.parse(SOURCE).orElseThrow());
    assertTrue(names.declaresType("InnerKey"));
    assertTrue(names.declaresType("LocalType"));
    assertTrue(names.declaresType("Tier"));
    assertFalse(names.declaresType("innerField"));
    assertFalse(names.declaresType("rate"));
  }

  @Test
  void oneWalkPerTree() {
    CompilationUnit unit = LanguageLevels.parse(SOURCE).orElseThrow();
    assertSame(DeclaredNames.of(unit), DeclaredNames.of(unit));
  }
}
