package dev.optkit.analyzers.facts.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.optkit.analyzers.facts.ArgumentKind.BOOLEAN;
import static dev.optkit.analyzers.facts.ArgumentKind.BOXED_INT;
import static dev.optkit.analyzers.facts.ArgumentKind.BOXED_LONG;
import static dev.optkit.analyzers.facts.ArgumentKind.CHAR;
import static dev.optkit.analyzers.facts.ArgumentKind.DOUBLE;
import static dev.optkit.analyzers.facts.ArgumentKind.INT;
import static dev.optkit.analyzers.facts.ArgumentKind.LONG;
import static dev.optkit.analyzers.facts.ArgumentKind.TEXT;
import static dev.optkit.analyzers.facts.ArgumentKind.UNKNOWN;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.optkit.analyzers.facts.ArgumentKind;
import dev.optkit.analyzers.facts.ParamFact;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArgumentKindsTest {
  /** The kinds of every call named {@code byKey} in the first method of the class, in source order. */
  private static List<List<ArgumentKind>> kinds(String source) {
    MethodDeclaration method = new JavaParser(new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)).parse(source).getResult().orElseThrow()
        .findFirst(MethodDeclaration.class).orElseThrow();
    Map<String, com.github.javaparser.ast.Node> declared = ArgumentKinds.declaredNames(
        method.findAll(com.github.javaparser.ast.body.Parameter.class),
        method.findAll(com.github.javaparser.ast.body.VariableDeclarator.class),
        method.findAll(com.github.javaparser.ast.expr.TypePatternExpr.class));
    return method.findAll(MethodCallExpr.class).stream().filter(c -> c.getNameAsString().equals("byKey"))
        .map(c -> ArgumentKinds.of(c, method, declared::get)).collect(Collectors.toList());
  }

  @Test
  void literalsCastsAndNamesDeclaredOnceAreKnown() {
    assertEquals(List.of(List.of(TEXT), List.of(LONG), List.of(TEXT), List.of(INT), List.of(TEXT, LONG),
        List.of(BOOLEAN), List.of()), kinds("""
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
    assertEquals(List.of(List.of(), List.of(), List.of()), kinds("""
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
    assertEquals(List.of(List.of()), kinds("""
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
    assertEquals(List.of(List.of()), kinds("""
        class C {
            void m(long id) {
                byKey(label);
                { long label = 1; }
            }
        }
        """));
    assertEquals(List.of(List.of(LONG)), kinds("""
        class C {
            void m(long id) {
                for (long label = 0; label < 2; label++) { byKey(label); }
            }
        }
        """));
    assertEquals(List.of(List.of()), kinds("""
        class C {
            void m(long id) {
                byKey(label);
                long label = 1;
            }
        }
        """));
  }

  @Test
  void onlyAMethodJavaCannotPassTheArgumentsToIsExcluded() {
    List<ParamFact> text = List.of(new ParamFact("name", "String", "java.lang.String", false));
    List<ParamFact> aLong = List.of(new ParamFact("id", "long", "long", false));
    List<ParamFact> anInt = List.of(new ParamFact("id", "int", "int", false));
    List<ParamFact> boxedInt = List.of(new ParamFact("id", "Integer", "java.lang.Integer", false));
    List<ParamFact> boxedLong = List.of(new ParamFact("id", "Long", "java.lang.Long", false));
    List<ParamFact> anything = List.of(new ParamFact("key", "Object", "java.lang.Object", false));
    List<ParamFact> generic = List.of(new ParamFact("id", "ID", null, false));
    List<ParamFact> varargs = List.of(new ParamFact("keys", "long", "long", true));
    assertFalse(ArgumentKinds.accepts(aLong, List.of(TEXT)));
    assertFalse(ArgumentKinds.accepts(text, List.of(INT)));
    assertFalse(ArgumentKinds.accepts(boxedInt, List.of(BOOLEAN)));
    // a Long unboxes to a long, which no conversion narrows to an int: findById(Long) never runs findById(int)
    assertFalse(ArgumentKinds.accepts(anInt, List.of(BOXED_LONG)));
    assertFalse(ArgumentKinds.accepts(anInt, List.of(LONG)));
    assertFalse(ArgumentKinds.accepts(boxedLong, List.of(INT)), "an int boxes to an Integer, never to a Long");
    assertFalse(ArgumentKinds.accepts(boxedInt, List.of(BOXED_LONG)));
    assertFalse(ArgumentKinds.accepts(anInt, List.of(DOUBLE)));
    assertTrue(ArgumentKinds.accepts(aLong, List.of(INT)), "an int widens to a long");
    assertTrue(ArgumentKinds.accepts(aLong, List.of(BOXED_INT)), "an Integer unboxes, then widens");
    assertTrue(ArgumentKinds.accepts(boxedLong, List.of(LONG)));
    assertTrue(ArgumentKinds.accepts(anInt, List.of(BOXED_INT)));
    assertTrue(ArgumentKinds.accepts(anInt, List.of(CHAR)), "a char widens to an int");
    assertTrue(ArgumentKinds.accepts(text, List.of(TEXT)));
    assertTrue(ArgumentKinds.accepts(anything, List.of(TEXT)));
    assertTrue(ArgumentKinds.accepts(anything, List.of(BOXED_LONG)));
    assertTrue(ArgumentKinds.accepts(generic, List.of(BOXED_LONG)), "a type variable is no kind: it takes anything");
    assertTrue(ArgumentKinds.accepts(varargs, List.of(TEXT)));
    assertTrue(ArgumentKinds.accepts(aLong, List.of()));
    assertTrue(ArgumentKinds.accepts(aLong, List.of(UNKNOWN)));
  }

  /** Every pair of kinds against javac's own verdict: a call compiles exactly where accepts says it may. */
  @Test
  void theConversionsAreJavacs() throws Exception {
    String[] types = {"byte", "short", "char", "int", "long", "float", "double", "boolean", "Byte", "Short",
        "Character", "Integer", "Long", "Float", "Double", "Boolean", "String"};
    // one class, a line per pair: javac's errors name the lines whose call does not compile
    StringBuilder source = new StringBuilder("class P {\n");
    for (int a = 0; a < types.length; a++) {
      for (int p = 0; p < types.length; p++) {
        source.append("static void to").append(a).append('_').append(p).append('(').append(types[p])
            .append(" p) {} static void call").append(a).append('_').append(p).append('(').append(types[a])
            .append(" a) { to").append(a).append('_').append(p).append("(a); }\n");
      }
    }
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("kinds");
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("P.java"), source.append("}\n"));
    javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> errors = new javax.tools.DiagnosticCollector<>();
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    try (var files = javac.getStandardFileManager(null, null, null)) {
      javac.getTask(null, files, errors, List.of("-d", dir.toString(), "-Xmaxerrs", "1000"), null,
          files.getJavaFileObjects(file)).call();
    }
    java.util.Set<Long> failing = errors.getDiagnostics().stream().map(javax.tools.Diagnostic::getLineNumber)
        .collect(Collectors.toSet());
    for (int a = 0; a < types.length; a++) {
      List<ArgumentKind> kinds = kinds("class C { void m(" + types[a] + " a) { byKey(a); } }").get(0);
      for (int p = 0; p < types.length; p++) {
        boolean compiles = !failing.contains((long) (2 + a * types.length + p));
        List<ParamFact> params = List.of(new ParamFact("p", types[p], null, false));
        assertEquals(compiles, ArgumentKinds.accepts(params, kinds), types[a] + " into " + types[p]);
      }
    }
  }


}
