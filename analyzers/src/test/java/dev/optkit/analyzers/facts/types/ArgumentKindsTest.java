package dev.optkit.analyzers.facts.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.optkit.analyzers.facts.ParamFact;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArgumentKindsTest {
  /** The kinds of every call named {@code byKey} in the first method of the class, in source order. */
  private static List<String> kinds(String source) {
    MethodDeclaration method = new JavaParser(new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source).getResult().orElseThrow()
        .findFirst(MethodDeclaration.class).orElseThrow();
    Map<String, com.github.javaparser.ast.Node> declared = ArgumentKinds.declaredNames(
        method.findAll(com.github.javaparser.ast.body.Parameter.class),
        method.findAll(com.github.javaparser.ast.body.VariableDeclarator.class),
        method.findAll(com.github.javaparser.ast.expr.TypePatternExpr.class));
    return method.findAll(MethodCallExpr.class).stream().filter(c -> c.getNameAsString().equals("byKey"))
        .map(c -> String.valueOf(ArgumentKinds.of(c, method, declared::get))).collect(Collectors.toList());
  }

  @Test
  void literalsCastsAndNamesDeclaredOnceAreKnown() {
    assertEquals(List.of("t", "n", "t", "n", "tn", "b", "null"), kinds("""
        class C {
            void m(String name, long id, Object any) {
                byKey(name);
                byKey(id);
                byKey("%" + any + "%");
                byKey((int) any);
                byKey("x", 3L);
                byKey(true);
                byKey(any);
            }
        }
        """));
  }

  @Test
  void aNameDeclaredTwiceOrShadowedByANestedClassIsNot() {
    // sibling blocks may give one name two types; a pattern variable is a declaration too
    assertEquals(List.of("null", "null", "null"), kinds("""
        class C {
            void m(Object o) {
                { String key = "a"; byKey(key); }
                { long key = 1; byKey(key); }
                if (o instanceof String text) { }
                long text = 2;
                byKey(text);
            }
        }
        """));
    assertEquals(List.of("null"), kinds("""
        class C {
            void m(String name) {
                new Runnable() {
                    long name = 1;
                    public void run() { byKey(name); }
                };
            }
        }
        """));
  }

  @Test
  void aLocalOutOfScopeAtTheCallLeavesTheNameAFields() {
    // hostile review: the field label (a String) is what the call passes; the long label is declared later or elsewhere
    assertEquals(List.of("null"), kinds("""
        class C {
            void m(long id) {
                byKey(label);
                { long label = 1; }
            }
        }
        """));
    assertEquals(List.of("n"), kinds("""
        class C {
            void m(long id) {
                for (long label = 0; label < 2; label++) { byKey(label); }
            }
        }
        """));
    assertEquals(List.of("null"), kinds("""
        class C {
            void m(long id) {
                byKey(label);
                long label = 1;
            }
        }
        """));
  }

  @Test
  void onlyKindsNoConversionJoinsExcludeAMethod() {
    List<ParamFact> text = List.of(new ParamFact("name", "String", "java.lang.String", false));
    List<ParamFact> number = List.of(new ParamFact("id", "long", "long", false));
    List<ParamFact> boxed = List.of(new ParamFact("id", "Integer", "java.lang.Integer", false));
    List<ParamFact> anything = List.of(new ParamFact("key", "Object", "java.lang.Object", false));
    List<ParamFact> varargs = List.of(new ParamFact("keys", "long", "long", true));
    assertFalse(ArgumentKinds.accepts(number, "t"));
    assertFalse(ArgumentKinds.accepts(text, "n"));
    assertFalse(ArgumentKinds.accepts(boxed, "b"));
    assertTrue(ArgumentKinds.accepts(text, "t"));
    assertTrue(ArgumentKinds.accepts(boxed, "n"), "a long into an Integer is javac's business, not a guess of ours");
    assertTrue(ArgumentKinds.accepts(number, "c"), "a char widens to a number");
    assertTrue(ArgumentKinds.accepts(anything, "t"));
    assertTrue(ArgumentKinds.accepts(varargs, "t"));
    assertTrue(ArgumentKinds.accepts(number, null));
    assertTrue(ArgumentKinds.accepts(number, "?"));
  }
}
