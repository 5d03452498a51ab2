package dev.optkit.analyzers.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.type.VarType;
import org.junit.jupiter.api.Test;

class WithoutValidationTest {
  private static final String REJECTED = "class A { void f() { int x = 1; } } record R(int a) { int b; }";

  @Test
  void codeOnlyTheValidatorRejectsParsesAndVarStaysAType() {
    ParserConfiguration.LanguageLevel level = LanguageLevels.newest();
    assertFalse(new JavaParser(new ParserConfiguration().setLanguageLevel(level)).parse(REJECTED).isSuccessful(),
        "the validator rejects an instance field in a record");
    JavaParser reading = new JavaParser(WithoutValidation.apply(new ParserConfiguration().setLanguageLevel(level)));
    assertTrue(reading.parse(REJECTED).isSuccessful(), "without it, the tree is read as the grammar gives it");
    CompilationUnit unit = reading.parse("class B { void f() { var list = new java.util.ArrayList<String>(); } }")
        .getResult().orElseThrow();
    assertTrue(unit.findFirst(VarType.class).isPresent(), "var is still post-processed into a type");
    assertFalse(reading.parse("class C { void f( }").isSuccessful(), "what the grammar rejects still fails");
  }
}
