package dev.optkit.analyzers.facts.types;

import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields the equals and hashCode Lombok writes for a class read ({@code @Data}, {@code @Value},
 * {@code @EqualsAndHashCode}): every non-static, non-transient field, less those its {@code exclude} names or
 * {@code @EqualsAndHashCode.Exclude} marks; only those its {@code of} names, or {@code @EqualsAndHashCode.Include}
 * marks under {@code onlyExplicitlyIncluded = true}. Null when Lombok writes none, or the annotation says it in a form
 * not read here (a constant for a name): then every field counts.
 */
public final class LombokEqualsFields {
  private static final Set<String> GENERATING = Set.of("Data", "Value", "EqualsAndHashCode", "lombok.Data",
      "lombok.Value", "lombok.EqualsAndHashCode");

  private LombokEqualsFields() {}

  public static List<String> of(TypeDeclaration<?> type) {
    if (type.getAnnotations().stream().noneMatch(a -> GENERATING.contains(a.getNameAsString()))) {
      return null;
    }
    Optional<AnnotationExpr> declared = type.getAnnotations().stream()
        .filter(a -> a.getNameAsString().equals("EqualsAndHashCode") || a.getNameAsString().equals("lombok.EqualsAndHashCode"))
        .findFirst();
    Optional<List<String>> exclude = Optional.of(List.of());
    Optional<List<String>> of = Optional.empty();
    boolean explicit = false;
    if (declared.isPresent() && declared.get() instanceof NormalAnnotationExpr normal) {
      for (var pair : normal.getPairs()) {
        switch (pair.getNameAsString()) {
          case "exclude" -> exclude = names(pair.getValue());
          case "of" -> of = names(pair.getValue()).or(() -> Optional.of(List.of("\u0000")));
          case "onlyExplicitlyIncluded" -> explicit = !(pair.getValue() instanceof BooleanLiteralExpr b) || b.getValue();
          default -> { }
        }
      }
    }
    if (exclude.isEmpty()) {
      return null; // named by something other than string literals: every field may be read
    }
    TreeSet<String> read = new TreeSet<>();
    Set<String> imported = type.findCompilationUnit().map(unit -> unit.getImports().stream()
        .map(i -> i.getNameAsString() + (i.isAsterisk() ? ".*" : "")).collect(java.util.stream.Collectors.toSet()))
        .orElse(Set.of());
    for (FieldDeclaration field : type.getFields()) {
      if (field.isStatic() || field.isTransient()) {
        continue;
      }
      boolean excluded = field.getAnnotations().stream().anyMatch(a -> marks(a, "Exclude", imported));
      boolean included = field.getAnnotations().stream().anyMatch(a -> marks(a, "Include", imported));
      for (VariableDeclarator variable : field.getVariables()) {
        String name = variable.getNameAsString();
        boolean reads = of.isPresent() ? of.get().contains(name)
            : explicit ? included : !excluded && !exclude.get().contains(name);
        if (reads) {
          read.add(name);
        }
      }
    }
    return List.copyOf(read);
  }

  /**
   * Whether the annotation is Lombok's {@code @EqualsAndHashCode.Exclude} (or {@code .Include}): written so, or by its
   * simple name imported ({@code import lombok.EqualsAndHashCode.Exclude;}, {@code import lombok.EqualsAndHashCode.*;}).
   */
  private static boolean marks(AnnotationExpr annotation, String member, Set<String> imported) {
    String name = annotation.getNameAsString();
    return name.endsWith("EqualsAndHashCode." + member) || name.equals(member)
        && (imported.contains("lombok.EqualsAndHashCode." + member) || imported.contains("lombok.EqualsAndHashCode.*"));
  }

  /** The names a string or an array of strings gives; empty when one is written otherwise. */
  private static Optional<List<String>> names(Expression value) {
    List<Expression> values = value instanceof ArrayInitializerExpr array ? array.getValues() : List.of(value);
    List<String> names = new ArrayList<>();
    for (Expression each : values) {
      if (!(each instanceof StringLiteralExpr literal)) {
        return Optional.empty();
      }
      names.add(literal.getValue());
    }
    return Optional.of(names);
  }
}
