package dev.optkit.rewriters.caching.writers;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Test code that stands in for a type a cached method reads through with a class of its own whose state the tests
 * set ({@code class FakeItemDao implements ItemDao} with {@code setNames(..)}, a {@code @Primary} bean of a test
 * configuration): each change of that state changes the cached answer as a write of its data would, and no eviction
 * follows it (the plain-Spring review of 2026-11-29, f14: the second test read the first one's names). The fake's
 * methods that change its fields are writers, which the planner treats like any test writer. Its methods that the
 * cached method reads through are not: they answer from the state, they do not set it. A fake whose fields never
 * change after construction answers the same every time, as the real bean's data would between writes.
 */
final class HandWrittenFakes {
  private final ProjectIndex index;
  private final WholeProject whole;
  private final ReadThrough readThrough;

  HandWrittenFakes(WholeProject whole, ReadThrough readThrough) {
    this.index = whole.index();
    this.whole = whole;
    this.readThrough = readThrough;
  }

  /** The methods of test classes standing in for what the cached method reads through that change their state. */
  Map<IndexedMethod, String> of(IndexedMethod cached) {
    ReadThrough.Reach reach = readThrough.of(cached);
    Map<IndexedMethod, String> found = new LinkedHashMap<>();
    for (String readType : new TreeSet<>(reach.types())) {
      for (String fake : new TreeSet<>(index.subtypesOf(readType))) {
        TypeFact type = index.type(fake).orElse(null);
        String path = index.pathOfType(fake);
        if (type == null || path == null || !SourceSet.isTestPath(path) || type.changingFields().isEmpty()) {
          continue;
        }
        for (IndexedMethod method : index.methodsOfType(fake)) {
          if (!method.fact().isConstructor() && !read(method, fake, reach) && changesState(method, type)) {
            found.putIfAbsent(method, ProjectTraits.simpleName(fake) + ", a test's stand-in for "
                + ProjectTraits.simpleName(readType));
          }
        }
      }
    }
    return found;
  }

  /** Whether the cached method may call this method: an override of one it reaches, or the method itself. */
  private boolean read(IndexedMethod method, String fake, ReadThrough.Reach reach) {
    if (reach.methods().contains(method)) {
      return true;
    }
    List<String> supertypes = index.supertypesOf(fake);
    return reach.methods().stream().anyMatch(reached -> reached.fact().name().equals(method.fact().name())
        && reached.fact().params().size() == method.fact().params().size()
        && supertypes.contains(reached.fact().ownerType()));
  }

  /**
   * Whether the method's body assigns one of the class's changing fields, counts it up or down, or calls a method on
   * it ({@code names.add(n)}): read from its tree. A body that cannot be read counts as changing them.
   */
  private boolean changesState(IndexedMethod method, TypeFact type) {
    Set<String> changing = Set.copyOf(type.changingFields());
    Node body = whole.declaration(method).orElse(null);
    if (body == null) {
      return true;
    }
    for (Node node : body.findAll(Node.class)) {
      Expression changed = node instanceof AssignExpr assign ? assign.getTarget()
          : node instanceof UnaryExpr unary && COUNTS.contains(unary.getOperator()) ? unary.getExpression()
          : node instanceof MethodCallExpr call ? call.getScope().orElse(null) : null;
      if (changed != null && namesField(changed, changing)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<UnaryExpr.Operator> COUNTS = Set.of(UnaryExpr.Operator.PREFIX_INCREMENT,
      UnaryExpr.Operator.PREFIX_DECREMENT, UnaryExpr.Operator.POSTFIX_INCREMENT, UnaryExpr.Operator.POSTFIX_DECREMENT);

  /** {@code names}, {@code this.names}: a name of the class's changing fields (a local of that name counts too). */
  private static boolean namesField(Expression expression, Set<String> fields) {
    return expression instanceof NameExpr name && fields.contains(name.getNameAsString())
        || expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr
            && fields.contains(access.getNameAsString());
  }
}
