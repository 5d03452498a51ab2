package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.facts.types.TypeNames;
import static dev.optkit.rewriters.loops.LoopProof.IMMUTABLE;
import static dev.optkit.rewriters.loops.LoopProof.ancestorTypes;
import static dev.optkit.rewriters.loops.LoopProof.assignedIn;
import static dev.optkit.rewriters.loops.LoopProof.changes;
import static dev.optkit.rewriters.loops.LoopProof.isInside;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.optkit.rewriters.loops.LoopProof.CallJudge;
import dev.optkit.rewriters.loops.LoopProof.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the code that starts an element's call reads and calls, now that it runs ahead of the
 * earlier elements' statements after their answers: only the element, values it makes, the
 * method's values assigned once, final fields of types nobody changes, and calls its judge allows.
 */
final class AheadReads {
  private AheadReads() {}

  /** What the moved statements may read, by name. */
  record Names(CallableDeclaration<?> method, ForEachStmt loop, String element, Set<String> madeAhead,
      String elementType, boolean onPool) {
    boolean isMethodValue(String name) {
      return method.findAll(Parameter.class).stream().anyMatch(p -> p.getNameAsString().equals(name) && !isInside(p, loop))
          || method.findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name)
              && !isInside(v, loop) && v.getBegin().get().isBefore(loop.getBegin().get()));
    }

    /** The declared type of a parameter or local of the method, as written, or "" when it cannot be told. */
    String methodValueType(String name) {
      return method.findAll(Parameter.class).stream().filter(p -> p.getNameAsString().equals(name) && !isInside(p, loop))
          .map(p -> p.getType().asString()).findFirst()
          .or(() -> method.findAll(VariableDeclarator.class).stream().filter(v -> v.getNameAsString().equals(name)
              && !isInside(v, loop)).map(v -> v.getType().asString()).findFirst()).orElse("");
    }

    boolean assignedInMethod(String name) {
      return assignedIn(method, name);
    }

    /** Whether a use names a value made for this element: a local declared before the start, or one of a lambda around it. */
    boolean made(NameExpr use) {
      String name = use.getNameAsString();
      for (Node at = use.getParentNode().orElse(null); at != null && at != loop; at = at.getParentNode().orElse(null)) {
        if (at instanceof LambdaExpr lambda && (lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name))
            || lambda.getBody().findAll(VariableDeclarator.class).stream().anyMatch(v -> v.getNameAsString().equals(name)))) {
          return true;
        }
      }
      return madeAhead.contains(name);
    }
  }

  static boolean immutable(String type) {
    String bare = TypeNames.raw(type);
    String simple = bare.substring(bare.lastIndexOf('.') + 1);
    int open = type.indexOf('<');
    if (simple.equals("Optional") && open > 0 && type.endsWith(">")) {
      // a final class whose one final field holds the value: as unchangeable as what it holds
      return immutable(type.substring(open + 1, type.length() - 1).strip());
    }
    return IMMUTABLE.contains(simple);
  }

  static Optional<String> problem(Node node, Names names, CallJudge judge) {
    for (AssignExpr assign : node.findAll(AssignExpr.class)) {
      if (!(assign.getTarget() instanceof NameExpr target && names.made(target))) {
        return Optional.of("the code that starts each call assigns " + assign.getTarget() + ", which it would then do "
            + "ahead of the earlier elements' statements after their joins");
      }
    }
    for (UnaryExpr unary : node.findAll(UnaryExpr.class)) {
      if (changes(unary) && !(unary.getExpression() instanceof NameExpr target && names.made(target))) {
        return Optional.of("the code that starts each call changes " + unary.getExpression() + ", which it would then "
            + "do ahead of the earlier elements' statements after their joins");
      }
    }
    for (NameExpr name : node.findAll(NameExpr.class)) {
      String n = name.getNameAsString();
      if (names.made(name)) {
        continue;
      }
      if (names.onPool() && (n.equals(names.element()) || names.isMethodValue(n)) && !judge.judgesReceiver(name)) {
        String type = n.equals(names.element()) ? names.elementType() : names.methodValueType(n);
        String bare = TypeNames.raw(type);
        if (!immutable(type) && !judge.immutableType(type) && !ThreadSafeTypes.is(name, bare)) {
          return Optional.of("the call it hands to a pool reads " + n + " (" + type + "), whose objects optkit does not know to "
              + "be unchangeable: on another thread it would run beside the statements after an earlier element's answer, which could "
              + "change it (the same object twice in " + names.loop().getIterable() + ", or one they share)");
        }
      }
      if (n.equals(names.element())) {
        continue;
      }
      if (names.isMethodValue(n)) {
        if (names.assignedInMethod(n)) {
          return Optional.of("the code that starts each call reads " + n + ", which " + names.method().getNameAsString()
              + "() assigns: started ahead, it could see a value meant for a later element");
        }
        Optional<String> changing = names.onPool() ? Optional.empty() : changingValue(name, n, node, names, judge);
        if (changing.isPresent()) {
          return changing;
        }
        continue;
      }
      Optional<String> field = fieldProblem(name, n, judge.judgesReceiver(name));
      if (field.isPresent()) {
        return field;
      }
    }
    for (FieldAccessExpr access : node.findAll(FieldAccessExpr.class)) {
      if (access.getScope() instanceof ThisExpr) {
        Optional<String> field = fieldProblem(access, access.getNameAsString(), false);
        if (field.isPresent()) {
          return field;
        }
        continue;
      }
      if (access.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getScope().orElse(null) == access
          || access.getParentNode().orElse(null) instanceof FieldAccessExpr) {
        continue; // HttpResponse.BodyHandlers.ofString(): the scope of a call, judged with the call
      }
      Root root = rootOf(access.getScope(), names, judge);
      String field = access.getNameAsString();
      boolean constant = field.equals(field.toUpperCase(java.util.Locale.ROOT)) || Character.isUpperCase(field.charAt(0));
      if (root != Root.MADE && !(root == Root.TYPE && constant)) {
        return Optional.of("the code that starts each call reads " + access + ", a field of an object or class the "
            + "statements after an earlier element's join could change");
      }
    }
    for (com.github.javaparser.ast.expr.ArrayAccessExpr access : node.findAll(com.github.javaparser.ast.expr.ArrayAccessExpr.class)) {
      if (rootOf(access.getName(), names, judge) != Root.MADE) {
        return Optional.of("the code that starts each call reads " + access + ", an element of an array the "
            + "statements after an earlier element's join could change");
      }
    }
    for (Expression call : calls(node)) {
      // hostile review 58: a helper handed this reads the object's state, which an earlier element's turn changes
      List<Expression> arguments = call instanceof MethodCallExpr m ? m.getArguments()
          : ((ObjectCreationExpr) call).getArguments();
      if (arguments.stream().anyMatch(a -> a instanceof ThisExpr)) {
        return Optional.of("the code that starts each call hands this to " + callName(call) + ", which may read this "
            + "object's state the statements after an earlier element's join change: started ahead, it would see it "
            + "before they run");
      }
      if (call instanceof MethodCallExpr m && writesConsoleOrLog(m)) {
        return Optional.of("the code that starts each call writes to the console or a log (" + m + "): started "
            + "ahead, it would write for elements the original does not reach after a failure, and in another order");
      }
      Expression scope = call instanceof MethodCallExpr m ? m.getScope().orElse(null) : null;
      Root root = call instanceof ObjectCreationExpr ? Root.MADE : rootOf(scope, names, judge);
      String field = root == Root.FIELD ? rootName(scope) : null;
      Optional<String> why = judge.whyNot(call, root, field);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /** Synchronizers: a call on one (acquire, countDown) is an effect whose order is the program's. */
  private static final Set<String> SYNCHRONIZERS = Set.of("Semaphore", "CountDownLatch", "CyclicBarrier", "Phaser",
      "Exchanger", "Lock", "ReentrantLock", "ReadWriteLock", "ReentrantReadWriteLock", "StampedLock", "Condition",
      "BlockingQueue", "ArrayBlockingQueue", "LinkedBlockingQueue", "SynchronousQueue");

  /**
   * Why code run ahead on the caller's thread may not read a parameter or local of the method (hostile review 58: a
   * filter testing {@code done.contains(sku)} ran for the next elements before the earlier ones' turns added to
   * {@code done}): its objects may change and optkit does not prove they do not. A value of a type nobody changes, a
   * thread-safe client, or the receiver of the element's call is fine; a parameter of another type (whatever else
   * holds it may change it), a local the method names elsewhere, or a synchronizer is not.
   */
  private static Optional<String> changingValue(NameExpr use, String name, Node ahead, Names names, CallJudge judge) {
    if (judge.judgesReceiver(use)) {
      return Optional.empty();
    }
    String type = names.methodValueType(name);
    String bare = TypeNames.raw(type);
    String simple = bare.substring(bare.lastIndexOf('.') + 1);
    if (SYNCHRONIZERS.contains(simple)) {
      return Optional.of("the code that starts each call uses " + name + " (" + simple + "), a synchronizer: started "
          + "ahead, its acquires and releases would run in another order than the original's");
    }
    if (type.isEmpty() || immutable(type) || judge.immutableType(type) || ThreadSafeTypes.is(use, bare)) {
      return Optional.empty();
    }
    boolean parameter = names.method().getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name));
    boolean namedElsewhere = names.method().findAll(NameExpr.class).stream()
        .anyMatch(other -> other.getNameAsString().equals(name) && !isInside(other, ahead));
    if (!parameter && !namedElsewhere) {
      return Optional.empty();
    }
    return Optional.of("the code that starts each call reads " + name + " (" + type + "), whose objects "
        + (parameter ? "whatever handed them in may change" : names.method().getNameAsString() + "() also uses")
        + ": started ahead, it would read them before the statements after an earlier element's join, which could "
        + "change them");
  }

  /** {@code System.out.println(..)}, {@code log.info(..)}, {@code Logger.getLogger(..).info(..)}. */
  static boolean writesConsoleOrLog(MethodCallExpr call) {
    Expression scope = call.getScope().orElse(null);
    if (scope != null && dev.optkit.analyzers.facts.types.Loggers.isConsole(scope)) {
      return true;
    }
    String root = scope instanceof NameExpr n ? n.getNameAsString().toLowerCase(java.util.Locale.ROOT)
        : scope instanceof MethodCallExpr m && m.getNameAsString().equals("getLogger") ? "logger" : "";
    return root.equals("log") || root.equals("logger");
  }

  private static String callName(Expression call) {
    return call instanceof MethodCallExpr m ? m.getNameAsString() + "()"
        : "new " + ((ObjectCreationExpr) call).getType().getNameAsString() + "()";
  }

  private static List<Expression> calls(Node node) {
    List<Expression> calls = new ArrayList<>();
    node.walk(n -> {
      if (n instanceof MethodCallExpr || n instanceof ObjectCreationExpr) {
        calls.add((Expression) n);
      }
    });
    return calls;
  }

  /** A name the moved code reads that is neither the element, a value it made, nor the method's: a field or a type. */
  private static Optional<String> fieldProblem(Node use, String name, boolean receiverJudged) {
    Optional<FieldDeclaration> field = fieldNamed(use, name);
    if (field.isPresent()) {
      if (!SetWhileMade.only(field.get(), name)) {
        return Optional.of("the code that starts each call reads field " + name + ", which "
            + (field.get().isPrivate() ? "its class changes after construction" : "is neither final nor private")
            + ": the statements after an earlier element's join could change it before a later element starts");
      }
      if (receiverJudged) {
        return Optional.empty();
      }
      String type = field.get().getElementType().asString();
      String bare = TypeNames.raw(type);
      bare = bare.substring(bare.lastIndexOf('.') + 1);
      if (!immutable(type) && ThreadSafeTypes.declaredClient(field.get(), type)) {
        return Optional.of("the code that starts each call uses field " + name + " (" + bare + "), a declared HTTP "
            + "client: the library makes its implementation at run time, and optkit does not prove what runs in it "
            + "(the project's interceptors, a project class implementing it, a verb its annotations leave open) safe "
            + "on the pool's threads");
      }
      if (!immutable(type) && !ThreadSafeTypes.is(field.get(), type)) {
        return Optional.of("the code that starts each call uses field " + name + " (" + bare + "), whose state the "
            + "statements after an earlier element's join could change (an executor's queue and threads among them)");
      }
      return Optional.empty();
    }
    if (Character.isUpperCase(name.charAt(0))) {
      return Optional.empty(); // a type's name, the scope of a static call (HttpRequest.newBuilder)
    }
    return Optional.of("the code that starts each call reads " + name + ", which optkit cannot find declared in "
        + "this class (an inherited field?)");
  }

  /** The field of this name in the class the use is in, or a class around it. */
  private static Optional<FieldDeclaration> fieldNamed(Node use, String name) {
    for (TypeDeclaration<?> type : ancestorTypes(use)) {
      for (var member : type.getMembers()) {
        if (member instanceof FieldDeclaration field
            && field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name))) {
          return Optional.of(field);
        }
      }
    }
    return Optional.empty();
  }

  /** Where a receiver comes from, following its chain of calls and field reads down to the first name. */
  private static Root rootOf(Expression scope, Names names, CallJudge judge) {
    Expression current = scope;
    while (true) {
      if (current == null || current instanceof ThisExpr || current instanceof SuperExpr) {
        return Root.THIS;
      }
      if (current instanceof MethodCallExpr call) {
        if (judge.startsIo(call)) {
          return Root.MADE;
        }
        if (call.getScope().isEmpty()) {
          return Root.THIS;
        }
        current = call.getScope().get();
      } else if (current instanceof FieldAccessExpr access) {
        if (access.getScope() instanceof ThisExpr) {
          return Root.FIELD;
        }
        current = access.getScope();
      } else if (current instanceof com.github.javaparser.ast.expr.ArrayAccessExpr array) {
        current = array.getName();
      } else if (current instanceof NameExpr name) {
        String n = name.getNameAsString();
        if (names.made(name)) {
          return Root.MADE;
        }
        if (n.equals(names.element())) {
          return immutable(names.elementType()) || judge.immutableType(names.elementType()) ? Root.VALUE : Root.SHARED_VALUE;
        }
        if (names.isMethodValue(n)) {
          String type = names.methodValueType(n);
          // a client safe from several threads at once is used as a value nobody changes (an S3Client handed in)
          return immutable(type) || judge.immutableType(type) || ThreadSafeTypes.is(name, type) ? Root.VALUE
              : Root.SHARED_VALUE;
        }
        return fieldNamed(name, n).isEmpty() && Character.isUpperCase(n.charAt(0)) ? Root.TYPE : Root.FIELD;
      } else if (current instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
        current = enclosed.getInner();
      } else {
        return Root.MADE; // a new object, a literal, a cast of one
      }
    }
  }

  private static String rootName(Expression scope) {
    Expression current = scope;
    while (current != null) {
      if (current instanceof NameExpr name) {
        return name.getNameAsString();
      }
      if (current instanceof FieldAccessExpr access) {
        if (access.getScope() instanceof ThisExpr) {
          return access.getNameAsString();
        }
        current = access.getScope();
      } else if (current instanceof MethodCallExpr call) {
        current = call.getScope().orElse(null);
      } else {
        return "?";
      }
    }
    return "?";
  }
}
