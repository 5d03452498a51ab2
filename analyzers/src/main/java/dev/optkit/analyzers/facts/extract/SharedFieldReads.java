package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.optkit.analyzers.facts.types.TypeNames;
import java.util.Optional;

/**
 * A field of another object read directly, where that object is reached from state kept between calls:
 * {@code holder.allowed} and {@code this.opts.prefix} (this object's field), {@code HOLDER.allowed} and
 * {@code Mode.STRICT.allowed} (a static's), {@code opts.get("main").prefix}, {@code getHolder().allowed}.
 * Whether that field changes after construction is known only with every class in sight (its own class's
 * code, or any code's {@code x.allowed.add(...)}): the index decides (hostile review 66's P group: such reads
 * were no state at all, and a cache answered with the set as it was). Entries are {@code this:T#f} (read through
 * this object's fields: state when the object is shared), {@code call:T#f} (through its own method's answer: the
 * same) or {@code static:T#f} (through a static: always state), {@code T} the declared type of the object read, {@code *} when the declarations do not give it.
 * A parameter's object is left out: the caller's (what a key covers); so is a local's, unless the body gives it such
 * an object ({@link SharedLocals}: {@code Holder h = holder; h.allowed}).
 */
final class SharedFieldReads {
  private SharedFieldReads() {}

  static Optional<String> entry(FieldAccessExpr read, MethodScan m) {
    return entry(read, read, m);
  }

  /**
   * {@code HOLDER.allowed::contains}: the parser reads a method reference's dotted scope as a type's name, so the
   * read is made anew from that name's parts; the reference is where it stands.
   */
  static Optional<String> ofReference(com.github.javaparser.ast.expr.MethodReferenceExpr reference, MethodScan m) {
    if (!(reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr type)
        || !(type.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType named)
        || named.getScope().isEmpty() || named.getTypeArguments().isPresent()) {
      return Optional.empty();
    }
    return entry((FieldAccessExpr) asName(named), reference, m);
  }

  /** {@code HOLDER.allowed} written as a type's name, as the expression it is. */
  private static Expression asName(com.github.javaparser.ast.type.ClassOrInterfaceType named) {
    return named.getScope().<Expression>map(scope -> new FieldAccessExpr(asName(scope), named.getNameAsString()))
        .orElseGet(() -> new NameExpr(named.getNameAsString()));
  }

  private static Optional<String> entry(FieldAccessExpr read, com.github.javaparser.ast.Node place, MethodScan m) {
    Expression scope = read.getScope();
    if (scope instanceof ThisExpr || scope instanceof SuperExpr || read.getNameAsString().equals("length")
        || scope instanceof NameExpr type && typeName(type, m)) {
      return Optional.empty(); // its own field, an array's length, or another class's static (otherStaticsRead)
    }
    Expression at = scope;
    boolean namesOnly = true;
    boolean upperSegment = false;
    while (true) {
      if (at instanceof FieldAccessExpr field) {
        upperSegment |= Character.isUpperCase(field.getNameAsString().charAt(0));
        at = field.getScope();
      } else if (at instanceof MethodCallExpr call && call.getScope().isPresent()) {
        namesOnly = false;
        at = call.getScope().get();
      } else if (at instanceof EnclosedExpr enclosed) {
        at = enclosed.getInner();
      } else if (at instanceof CastExpr cast) {
        namesOnly = false;
        at = cast.getExpression();
      } else if (at instanceof ArrayAccessExpr element) {
        namesOnly = false;
        at = element.getName();
      } else {
        break;
      }
    }
    String root;
    if (at instanceof ThisExpr) {
      root = "this"; // this.opts.prefix: this object's state
    } else if (at instanceof MethodCallExpr) {
      root = "call"; // getHolder().allowed: what its own method answers, from this object's state
    } else if (at instanceof NameExpr name) {
      String variable = name.getNameAsString();
      if (m.locals.types.containsKey(variable)) {
        Optional<String> held = SharedLocals.root(variable, read == place ? name : place, m); // Holder h = holder; h.allowed
        if (held.isEmpty()) {
          return Optional.empty();
        }
        root = held.get();
      } else if (m.locals.fieldType(variable) != null) {
        root = staticField(place, variable) ? "static" : "this";
      } else if (Character.isUpperCase(variable.charAt(0))) {
        root = "static"; // Mode.STRICT.allowed, Holders.MAIN.allowed
      } else if (namesOnly && (upperSegment || Character.isUpperCase(read.getNameAsString().charAt(0)))) {
        return Optional.empty(); // java.util.Locale.ROOT, shop.Mode: a qualified name, no object read
      } else {
        root = "this"; // a field a superclass declares
      }
    } else {
      // (id > 0 ? holder : spare).allowed, (switch (k) { default -> holder; }).allowed: what either may be (review 72)
      Optional<String> chosen = SharedLocals.rootOf(at, m);
      if (chosen.isEmpty()) {
        return Optional.empty(); // new Holder().allowed: made here
      }
      root = chosen.get();
    }
    String type = null;
    if (scope instanceof NameExpr || scope instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr) {
      TypeNames.Qualified declared = m.locals.syntacticType(scope);
      type = declared == null ? null : declared.name();
    }
    if (type != null && (type.startsWith("java.") || type.startsWith("javax."))) {
      return Optional.empty(); // a library object's public field: no project code's state
    }
    return Optional.of(root + ":" + (type == null ? "*" : type) + "#" + read.getNameAsString());
  }

  private static boolean typeName(NameExpr name, MethodScan m) {
    String variable = name.getNameAsString();
    return Character.isUpperCase(variable.charAt(0)) && !m.locals.types.containsKey(variable)
        && m.locals.fieldType(variable) == null;
  }

  /** Whether the field of that name the read reaches, declared by a class around it, is static. */
  static boolean staticField(com.github.javaparser.ast.Node read, String name) {
    for (var at = read.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class); at.isPresent();
        at = at.get().findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)) {
      var field = ((com.github.javaparser.ast.body.TypeDeclaration<?>) at.get()).getFieldByName(name);
      if (field.isPresent()) {
        return field.get().isStatic();
      }
    }
    return false;
  }
}
