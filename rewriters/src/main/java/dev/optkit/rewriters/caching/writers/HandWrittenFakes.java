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
import dev.optkit.analyzers.index.CallWalk;
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
 * change after construction answers the same every time, as the real bean's data would between writes. A fake holding
 * anything that may change (a field neither final nor of an immutable type, a static, a test base class's field) may
 * be changed from outside its methods, through what it hands out or by reflection: then every method of it counts,
 * its reads too (the hostile review hr36's fk1-fk4, fk9, fk10).
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
        if (type == null || path == null || !SourceSet.isTestPath(path)) {
          continue;
        }
        String what = ProjectTraits.simpleName(fake) + ", a test's stand-in for " + ProjectTraits.simpleName(readType);
        if (fixed(fake)) {
          continue;
        }
        if (!precise(fake)) {
          // state a test may change from outside (a list its getter hands out, a field set by reflection or
          // directly, a static, a base class's setter, a scripted read: hr36's fk1-fk4, fk9, fk10): every method of
          // it and of the test classes it extends may set it, its reads included, and so may every test reading
          // through the cache, whose own code may set it where no method of the fake runs
          for (String owner : withTestSupertypes(fake)) {
            for (IndexedMethod method : index.methodsOfType(owner)) {
              if (!method.fact().isConstructor()) {
                found.putIfAbsent(method, what);
              }
            }
          }
          testsReading(cached).forEach(test -> found.putIfAbsent(test, what + " whose state may change outside it"));
        } else {
          // private immutable values only its own code assigns: the methods assigning them, a read that does too
          for (IndexedMethod method : index.methodsOfType(fake)) {
            if (!method.fact().isConstructor() && changesState(method, type, type.nonFinalFields())) {
              found.putIfAbsent(method, what);
            }
          }
        }
      }
    }
    anonymousStandIns(cached, reach, found);
    return found;
  }

  /** The test methods that call the cached method, at any depth up to 8 callers. */
  private List<IndexedMethod> testsReading(IndexedMethod cached) {
    return CallWalk.callers(index).maxDepth(8).reachedFrom(cached)
        .map(CallWalk.Step::method).filter(caller -> SourceSet.isTestPath(caller.path()))
        .toList();
  }


  /**
   * Whether only the stand-in's own methods can change what it holds: every field private, of an immutable JDK type and
   * not static, no test class above it, and no test code setting fields by reflection.
   */
  private boolean precise(String fake) {
    TypeFact type = index.type(fake).orElse(null);
    return type != null && withTestSupertypes(fake).size() == 1 && type.nonFinalStatics().isEmpty()
        && type.privateFields().containsAll(type.fieldTypes().keySet())
        && type.fieldTypes().values().stream().allMatch(dev.optkit.analyzers.facts.types.JdkValues::immutable)
        && !testsSetFieldsByReflection();
  }

  private Boolean reflection;

  /** Whether test code sets fields by reflection ({@code ReflectionTestUtils.setField}: hr36's fk2). */
  private boolean testsSetFieldsByReflection() {
    if (reflection == null) {
      reflection = index.methods().stream().filter(m -> SourceSet.isTestPath(m.path()))
          .flatMap(m -> java.util.stream.Stream.concat(m.fact().calls().stream(), m.fact().opaqueCalls().stream()))
          .anyMatch(call -> REFLECTIVE_SETTERS.contains(call.name()));
    }
    return reflection;
  }

  private static final java.util.Set<String> REFLECTIVE_SETTERS = java.util.Set.of("setField", "setInternalState",
      "writeField", "writeDeclaredField", "setAccessible");

  /**
   * Whether the stand-in holds only what cannot change: every field of it and of the test classes it extends final,
   * not static unless final, and of an immutable JDK type.
   */
  private boolean fixed(String fake) {
    for (String owner : withTestSupertypes(fake)) {
      TypeFact type = index.type(owner).orElse(null);
      if (type == null || !type.nonFinalFields().isEmpty() || !type.nonFinalStatics().isEmpty()
          || !type.changingFields().isEmpty()
          || type.fieldTypes().values().stream().anyMatch(t -> !dev.optkit.analyzers.facts.types.JdkValues.immutable(t))) {
        return false;
      }
    }
    return true;
  }

  /** The type and the project test classes above it, whose fields and methods are its own at run time. */
  private List<String> withTestSupertypes(String type) {
    List<String> owners = new java.util.ArrayList<>(List.of(type));
    for (String above : index.supertypesOf(type)) {
      String path = index.pathOfType(above);
      if (!above.equals(type) && path != null && SourceSet.isTestPath(path)) {
        owners.add(above);
      }
    }
    return owners;
  }

  /**
   * An anonymous class of an interface or abstract class read through, made in test code ({@code @Bean ItemDao dao() {
   * return new ItemDao() {..}; }}: hr36's fk6): what it answers from is not read, so the method making it is a writer.
   */
  private void anonymousStandIns(IndexedMethod reachOwner, ReadThrough.Reach reach, Map<IndexedMethod, String> found) {
    for (var file : index.files()) {
      if (!SourceSet.isTestPath(file.path())) {
        continue;
      }
      for (var creation : file.creations()) {
        if (!creation.anonymous() || !reach.types().contains(creation.type())) {
          continue;
        }
        index.methodsOfType(creation.ownerType()).stream()
            .filter(m -> m.path().equals(file.path()) && m.fact().range() != null && m.fact().range().contains(creation.range()))
            .findFirst().ifPresent(maker -> {
              String what = "an anonymous " + ProjectTraits.simpleName(creation.type()) + " made in test code, a stand-in for it";
              found.putIfAbsent(maker, what);
              testsReading(reachOwner).forEach(test -> found.putIfAbsent(test, what));
            });
      }
    }
  }

  /**
   * Whether the method's body assigns one of the class's changing fields, counts it up or down, or calls a method on
   * it ({@code names.add(n)}): read from its tree. A body that cannot be read counts as changing them.
   */
  private boolean changesState(IndexedMethod method, TypeFact type, List<String> fields) {
    Set<String> changing = new java.util.HashSet<>(type.changingFields());
    changing.addAll(fields);
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
