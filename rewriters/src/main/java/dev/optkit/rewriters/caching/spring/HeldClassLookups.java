package dev.optkit.rewriters.caching.spring;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.facts.TypeFact;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A lookup by the bean's class where the class literal is not in the lookup's own text: held in a variable or field
 * first ({@code Class<CountryDao> type = CountryDao.class; context.getBean(type)}), or handed to a project method that
 * passes its parameter on to a lookup ({@code beans.lookup(CountryDao.class)} into {@code context.getBean(type)}).
 * Outside Spring Boot the caching proxy of a bean implementing interfaces is a JDK proxy of them, and the lookup by
 * the class fails. A name holding the literal anywhere in the file counts wherever the file hands that name to a
 * lookup: the scopes of two same-named locals are not told apart, which can only refuse more.
 */
final class HeldClassLookups {
  /** Whether a project method of this name and arity hands its parameter at the position to a lookup by type. */
  interface HandsToLookup {
    Optional<String> lookupOf(String method, int arguments, int position);
  }

  private HeldClassLookups() {}

  /** Where the file looks the bean up by a class it holds or hands on ({@code Main.main: context.getBean(type)}). */
  static Optional<String> in(CompilationUnit unit, TypeFact bean, Set<String> lookups, HandsToLookup handsToLookup) {
    boolean simpleNameIsBean = ClassCasts.simpleNameIsBean(unit, bean);
    Set<String> holders = new HashSet<>();
    for (Node node : unit.findAll(Node.class, n -> n instanceof VariableDeclarator || n instanceof AssignExpr)) {
      if (node instanceof VariableDeclarator variable && variable.getInitializer().map(v -> literal(v, bean, simpleNameIsBean)).orElse(false)) {
        holders.add(variable.getNameAsString());
      } else if (node instanceof AssignExpr assign && literal(assign.getValue(), bean, simpleNameIsBean)) {
        name(assign.getTarget()).ifPresent(holders::add);
      }
    }
    for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
      for (int position = 0; position < call.getArguments().size(); position++) {
        Expression argument = call.getArgument(position);
        if (lookups.contains(call.getNameAsString())) {
          if (name(argument).filter(holders::contains).isPresent()) {
            return Optional.of(ClassCasts.where(call) + ": " + call + ", where " + argument + " holds "
                + bean.simpleName() + ".class");
          }
        } else if (literal(argument, bean, simpleNameIsBean)) {
          Optional<String> lookup = handsToLookup.lookupOf(call.getNameAsString(), call.getArguments().size(), position);
          if (lookup.isPresent()) {
            return Optional.of(ClassCasts.where(call) + ": " + call + ", which looks it up (" + lookup.get() + ")");
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean literal(Expression expression, TypeFact bean, boolean simpleNameIsBean) {
    return expression instanceof ClassExpr literal && literal.getType() instanceof ClassOrInterfaceType named
        && ClassCasts.namesBean(named, bean, simpleNameIsBean);
  }

  /** {@code type}, {@code this.type}, {@code Beans.TYPE}: the name a value is kept under. */
  private static Optional<String> name(Expression expression) {
    return expression instanceof NameExpr named ? Optional.of(named.getNameAsString())
        : expression instanceof FieldAccessExpr access ? Optional.of(access.getNameAsString()) : Optional.empty();
  }
}
