package dev.optkit.analyzers.facts.loops;

import dev.optkit.analyzers.facts.LoopDependence;
import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a loop is, read from its syntax alone: its kind (for, enhanced-for, while, a stream
 * pipeline or forEach), the variable each iteration binds, which of its nodes run once per
 * iteration, and why its iterations could not run at once (state carried between them, an early
 * exit). The fact extractor records these for the SequentialIoLoop rule; the loop rewrites prove
 * their own, stricter conditions on the loop they edit.
 */
public final class LoopShapes {
  /** Calls that start a stream pipeline. */
  public static final Set<String> STREAM_SOURCES = Set.of("stream", "of", "range", "rangeClosed", "iterate", "generate",
      "lines");
  private static final Set<String> PARALLEL_MARKERS = Set.of("parallel", "parallelStream");

  private LoopShapes() {}

  /** The outermost call of a sequential stream pipeline, or a forEach over a collection. */
  public static boolean isPipelineLoop(MethodCallExpr call) {
    if (call.getParentNode().orElse(null) instanceof MethodCallExpr parent && parent.getScope().orElse(null) == call) {
      return false;
    }
    boolean stream = false;
    boolean forEach = call.getNameAsString().equals("forEach") || call.getNameAsString().equals("forEachOrdered");
    boolean hasFunctionArgument = false;
    Expression current = call;
    while (current instanceof MethodCallExpr link) {
      String name = link.getNameAsString();
      if (PARALLEL_MARKERS.contains(name)) {
        return false;
      }
      if (STREAM_SOURCES.contains(name) && (name.equals("stream") || isStreamType(link.getScope().orElse(null)))) {
        stream = true;
      }
      for (Expression argument : link.getArguments()) {
        if (argument instanceof LambdaExpr || argument instanceof MethodReferenceExpr) {
          hasFunctionArgument = true;
        }
      }
      hasFunctionArgument |= CollectorFunctions.handsAFunction(link);
      current = link.getScope().orElse(null);
    }
    return hasFunctionArgument && (stream || forEach);
  }

  /** Collections' partitions into chunks: Guava's Lists/Iterables/Iterators, Commons' ListUtils. */
  private static final Set<String> PARTITIONERS = Set.of("Lists", "Iterables", "Iterators", "ListUtils");
  /** Stages that turn chunks back into single elements: a pipeline with one is not batched after it. */
  private static final Set<String> FLATTENING = Set.of("flatMap", "mapMulti", "flatMapToInt", "flatMapToLong",
      "flatMapToDouble", "flatMapToObj", "flatMapIterable", "flatMapToObject");

  /**
   * Whether the functions handed to this link of a pipeline run once per element ({@link PipelineFlow}).
   *
   * @param optionalIsTheJdks whether the simple name Optional means java.util.Optional in the link's file
   */
  public static boolean runsPerElement(MethodCallExpr link, java.util.function.BooleanSupplier optionalIsTheJdks) {
    return PipelineFlow.runsPerElement(link, optionalIsTheJdks);
  }

  /**
   * {@code Lists.partition(ids, 500)}, {@code ListUtils.partition(...)}, {@code Iterables.partition(...)}:
   * a collection of chunks of keys, one round trip per chunk (the stream survey's E18, hawkbit's
   * {@code ListUtils.partition(ids, MAX).stream().map(chunk -> repository.findAll(in chunk))}).
   */
  private static boolean isPartition(Expression expression) {
    if (!(expression instanceof MethodCallExpr call) || !call.getNameAsString().equals("partition")
        || call.getArguments().size() != 2
        // chunks of one are single keys (hostile review 54's partitionOfOne)
        || call.getArgument(1) instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr size
            && size.getValue().equals("1")) {
      return false;
    }
    Expression scope = call.getScope().orElse(null);
    if (scope instanceof NameExpr name) {
      return PARTITIONERS.contains(name.getNameAsString());
    }
    if (scope instanceof FieldAccessExpr qualified) {
      // com.google.common.collect.Lists.partition(...)
      return PARTITIONERS.contains(qualified.getNameAsString());
    }
    // partition(ids, 500), statically imported from one of them
    return scope == null && call.findCompilationUnit().map(unit -> unit.getImports().stream()
        .anyMatch(i -> i.isStatic() && (i.isAsterisk() ? PARTITIONERS.stream().anyMatch(p -> i.getNameAsString().endsWith("." + p))
            : PARTITIONERS.stream().anyMatch(p -> i.getNameAsString().endsWith("." + p + ".partition"))))).orElse(false);
  }

  private static boolean isStreamType(Expression scope) {
    if (scope instanceof NameExpr name) {
      String n = name.getNameAsString();
      return n.equals("Stream") || n.equals("IntStream") || n.equals("LongStream") || n.equals("Arrays") || n.equals("StreamSupport");
    }
    return false;
  }

  public static boolean runsPerIteration(Node loop, Node child) {
    if (loop instanceof ForEachStmt forEach) {
      return child == forEach.getBody();
    }
    if (loop instanceof ForStmt forStmt) {
      return !forStmt.getInitialization().contains(child);
    }
    return !(loop instanceof MethodCallExpr);
  }

  /**
   * A lambda returned, stored or handed to a constructor ({@code new Thread(...)}) runs when
   * someone else decides, after this method has returned: its I/O is not this method's.
   */
  public static boolean escapes(Node lambdaParent) {
    return lambdaParent instanceof ReturnStmt || lambdaParent instanceof VariableDeclarator
        || lambdaParent instanceof AssignExpr || lambdaParent instanceof ObjectCreationExpr;
  }

  public static MethodCallExpr outermost(MethodCallExpr call) {
    MethodCallExpr current = call;
    while (current.getParentNode().orElse(null) instanceof MethodCallExpr parent && parent.getScope().orElse(null) == current) {
      current = parent;
    }
    return current;
  }

  public static List<MethodCallExpr> chain(MethodCallExpr outermost) {
    List<MethodCallExpr> links = new ArrayList<>();
    Expression current = outermost;
    while (current instanceof MethodCallExpr link) {
      links.add(0, link);
      current = link.getScope().orElse(null);
    }
    return links;
  }

  public static boolean isInside(Node node, Node container) {
    Node current = node;
    while (current != null) {
      if (current == container) {
        return true;
      }
      current = current.getParentNode().orElse(null);
    }
    return false;
  }

  /** The variable each iteration binds: a for-each's, or the lambda parameter of forEach and stream stages. */
  public static String elementVariable(Node loop) {
    if (loop instanceof ForEachStmt each) {
      return each.getVariableDeclarator().getNameAsString();
    }
    if (loop instanceof MethodCallExpr call) {
      for (Expression argument : call.getArguments()) {
        if (argument instanceof LambdaExpr lambda && lambda.getParameters().size() == 1) {
          return lambda.getParameter(0).getNameAsString();
        }
      }
    }
    return null;
  }

  /**
   * A loop that batches already: {@code for (int from = 0; from < ids.size(); from += 1000)} whose
   * body takes {@code ids.subList(from, ...)}, one round trip per chunk of keys, as a person writes it
   * and as migrate's own batching does; or a loop or pipeline over a library's partition of the keys.
   */
  public static boolean chunked(Node loop) {
    if (loop instanceof ForEachStmt each) {
      return isPartition(each.getIterable());
    }
    if (loop instanceof MethodCallExpr pipeline) {
      List<MethodCallExpr> links = chain(pipeline);
      // batched while it walks chunks: a flatMap after the partition walks single elements again (review 54's N1)
      return !links.isEmpty() && isPartition(links.get(0))
          && links.stream().noneMatch(link -> FLATTENING.contains(link.getNameAsString()));
    }
    if (!(loop instanceof ForStmt counted) || counted.getUpdate().size() != 1
        || !(counted.getUpdate().get(0) instanceof AssignExpr step)
        || step.getOperator() != AssignExpr.Operator.PLUS || !(step.getTarget() instanceof NameExpr counter)
        || step.getValue() instanceof com.github.javaparser.ast.expr.IntegerLiteralExpr one && one.asNumber().intValue() == 1) {
      return false;
    }
    String name = counter.getNameAsString();
    return Subtrees.all(counted.getBody(), MethodCallExpr.class).stream().anyMatch(call -> call.getNameAsString().equals("subList")
        && call.getArguments().size() == 2 && call.getArgument(0) instanceof NameExpr from
        && from.getNameAsString().equals(name));
  }

  public static String loopKind(Node loop) {
    if (loop instanceof ForStmt) {
      return "for";
    }
    if (loop instanceof ForEachStmt) {
      return "enhanced-for";
    }
    if (loop instanceof WhileStmt) {
      return "while";
    }
    if (loop instanceof DoStmt) {
      return "do-while";
    }
    MethodCallExpr call = (MethodCallExpr) loop;
    boolean stream = chain(call).stream().anyMatch(link -> STREAM_SOURCES.contains(link.getNameAsString()));
    return stream ? "stream" : "forEach";
  }

  /** Why iterations could not run concurrently; empty when they are independent. */
  public static List<LoopDependence> dependenceReasons(Node loop) {
    Set<LoopDependence> reasons = new LinkedHashSet<>();
    Set<String> declaredInside = new HashSet<>();
    Subtrees.all(loop, VariableDeclarator.class).forEach(v -> declaredInside.add(v.getNameAsString()));
    Subtrees.all(loop, Parameter.class).forEach(p -> declaredInside.add(p.getNameAsString()));
    if (loop instanceof ForStmt forStmt) {
      for (Expression init : forStmt.getInitialization()) {
        Subtrees.all(init, VariableDeclarator.class).forEach(v -> declaredInside.add(v.getNameAsString()));
      }
    }
    if (loop instanceof WhileStmt || loop instanceof DoStmt) {
      Expression condition = loop instanceof WhileStmt w ? w.getCondition() : ((DoStmt) loop).getCondition();
      if (stopFlag(condition, locals(loop)) && endsOnlyWhenStopped(loop, condition)) {
        reasons.add(new LoopDependence(LoopDependence.Kind.UNTIL_STOPPED, ""));
      } else if (!isIteratorCondition(condition)) {
        reasons.add(new LoopDependence(LoopDependence.Kind.CONDITION, ""));
      }
    } else if (loop instanceof ForStmt endless && endless.getCompare().isEmpty() && endless.getUpdate().isEmpty()
        && endsOnlyWhenStopped(loop, null)) {
      // for (;;): a for counting pages (for (int page = 0; ; page++)) goes over numbers
      reasons.add(new LoopDependence(LoopDependence.Kind.UNTIL_STOPPED, ""));
    }
    for (AssignExpr assign : Subtrees.all(loop, AssignExpr.class)) {
      String target = assignedName(assign.getTarget());
      if (target != null && !declaredInside.contains(target) && !inForUpdate(assign, loop)) {
        reasons.add(new LoopDependence(LoopDependence.Kind.ASSIGNS, target));
      }
    }
    for (UnaryExpr unary : Subtrees.all(loop, UnaryExpr.class)) {
      if (unary.getOperator().isPostfix() || unary.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
          || unary.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT) {
        String target = assignedName(unary.getExpression());
        if (target != null && !declaredInside.contains(target) && !inForUpdate(unary, loop)) {
          reasons.add(new LoopDependence(LoopDependence.Kind.UPDATES, target));
        }
      }
    }
    if (breaksOut(loop)) {
      reasons.add(new LoopDependence(LoopDependence.Kind.BREAKS, ""));
    }
    if (returnsFromInside(loop)) {
      reasons.add(new LoopDependence(LoopDependence.Kind.RETURNS, ""));
    }
    return List.copyOf(reasons);
  }

  /** A {@code break} that leaves this loop (not one of a loop or switch inside it). */
  private static boolean breaksOut(Node loop) {
    return Subtrees.all(loop, BreakStmt.class).stream().anyMatch(stop -> exitsThisLoop(stop, loop));
  }

  /** A {@code return} from inside the loop that leaves the method (not a lambda's or an inner class's own). */
  private static boolean returnsFromInside(Node loop) {
    return Subtrees.all(loop, ReturnStmt.class).stream().anyMatch(stop ->
        stop.findAncestor(LambdaExpr.class).filter(l -> isInside(l, loop)).isEmpty()
            && stop.findAncestor(ObjectCreationExpr.class).filter(o -> isInside(o, loop)).isEmpty());
  }

  /**
   * Whether nothing in the loop ends it but its stop flag, changed elsewhere: no {@code break} or {@code return} out of
   * it (a drain breaking when its queue is empty goes over the queue's elements; a retry returning its answer was a
   * request per failure), and no assignment or {@code set} of a flag the condition reads.
   */
  private static boolean endsOnlyWhenStopped(Node loop, Expression condition) {
    if (breaksOut(loop) || returnsFromInside(loop)) {
      return false;
    }
    if (condition == null) {
      return true;
    }
    Set<String> flags = new HashSet<>();
    Subtrees.all(condition, NameExpr.class).forEach(name -> flags.add(name.getNameAsString()));
    Subtrees.all(condition, FieldAccessExpr.class).forEach(field -> flags.add(field.getNameAsString()));
    Node body = loop instanceof WhileStmt w ? w.getBody() : ((DoStmt) loop).getBody();
    for (AssignExpr assign : Subtrees.all(body, AssignExpr.class)) {
      String target = assign.getTarget() instanceof NameExpr name ? name.getNameAsString()
          : assign.getTarget() instanceof FieldAccessExpr field ? field.getNameAsString() : null;
      if (target != null && flags.contains(target)) {
        return false;
      }
    }
    for (MethodCallExpr call : Subtrees.all(body, MethodCallExpr.class)) {
      if (call.getScope().filter(scope -> scope instanceof NameExpr name && flags.contains(name.getNameAsString())
          || scope instanceof FieldAccessExpr field && flags.contains(field.getNameAsString())).isPresent()
          && !call.getNameAsString().equals("get")) {
        return false; // stopped.set(true), more.compareAndSet(..): the loop ends itself
      }
    }
    return true;
  }

  /** The names the loop's method (or lambda) declares as parameters and locals: what a condition may read as state. */
  private static Set<String> locals(Node loop) {
    Node scope = loop.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class).map(Node.class::cast)
        .or(() -> loop.findAncestor(LambdaExpr.class)).orElse(loop);
    Set<String> names = new HashSet<>();
    Subtrees.all(scope, VariableDeclarator.class).forEach(v -> names.add(v.getNameAsString()));
    Subtrees.all(scope, Parameter.class).forEach(p -> names.add(p.getNameAsString()));
    return names;
  }

  /**
   * A condition that reads no local, only whether the loop is to stop: {@code true}, a boolean field ({@code running},
   * {@code this.running}), an atomic flag's {@code get()} on a field, the thread's interruption ({@code
   * Thread.currentThread().isInterrupted()}, {@code Thread.interrupted()}), joined by {@code !}, {@code &&}, {@code ||}. A collection's state ({@code
   * !queue.isEmpty()}) or a local ({@code page.hasMore()}) is none: that loop goes over elements or pages.
   */
  static boolean stopFlag(Expression condition, Set<String> locals) {
    Expression bare = condition;
    while (bare instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
      bare = enclosed.getInner();
    }
    if (bare instanceof com.github.javaparser.ast.expr.BooleanLiteralExpr literal) {
      return literal.getValue();
    }
    if (bare instanceof UnaryExpr not && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return stopFlag(not.getExpression(), locals);
    }
    if (bare instanceof com.github.javaparser.ast.expr.BinaryExpr binary
        && (binary.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.AND
            || binary.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.OR)) {
      return stopFlag(binary.getLeft(), locals) && stopFlag(binary.getRight(), locals);
    }
    if (bare instanceof NameExpr name) {
      return !locals.contains(name.getNameAsString());
    }
    if (bare instanceof FieldAccessExpr field) {
      return field.getScope() instanceof ThisExpr;
    }
    if (!(bare instanceof MethodCallExpr call) || !call.getArguments().isEmpty()) {
      return false;
    }
    String method = call.getNameAsString();
    Expression scope = call.getScope().orElse(null);
    // not a method of the object (isRunning(), but also hasWork(): a drain's own question), only a flag's value
    if (method.equals("get") && (scope instanceof NameExpr flag && !locals.contains(flag.getNameAsString())
        || scope instanceof FieldAccessExpr field
            && field.getScope() instanceof ThisExpr)) {
      return true; // running.get() on an AtomicBoolean field
    }
    return method.equals("interrupted") && scope instanceof NameExpr thread && thread.getNameAsString().equals("Thread")
        || method.equals("isInterrupted") && scope instanceof MethodCallExpr current
            && current.getNameAsString().equals("currentThread") && current.getArguments().isEmpty()
            && current.getScope().filter(s -> s instanceof NameExpr t && t.getNameAsString().equals("Thread")).isPresent();
  }

  private static boolean isIteratorCondition(Expression condition) {
    return condition instanceof MethodCallExpr call
        && (call.getNameAsString().equals("hasNext") || call.getNameAsString().equals("hasMoreElements"));
  }

  private static boolean inForUpdate(Node node, Node loop) {
    if (!(loop instanceof ForStmt forStmt)) {
      return false;
    }
    for (Expression update : forStmt.getUpdate()) {
      if (isInside(node, update)) {
        return true;
      }
    }
    return false;
  }

  private static String assignedName(Expression target) {
    if (target instanceof NameExpr name) {
      return name.getNameAsString();
    }
    if (target instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      return access.getNameAsString();
    }
    return null;
  }

  private static boolean exitsThisLoop(BreakStmt stop, Node loop) {
    if (stop.getLabel().isPresent()) {
      return true;
    }
    Node current = stop.getParentNode().orElse(null);
    while (current != null && current != loop) {
      if (current instanceof ForStmt || current instanceof ForEachStmt || current instanceof WhileStmt
          || current instanceof DoStmt || current instanceof SwitchStmt || current instanceof LambdaExpr) {
        return false;
      }
      current = current.getParentNode().orElse(null);
    }
    return current == loop;
  }
}
