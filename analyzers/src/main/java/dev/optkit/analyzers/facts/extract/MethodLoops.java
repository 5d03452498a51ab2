package dev.optkit.analyzers.facts.extract;

import dev.optkit.analyzers.facts.LoopDependence;
import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import dev.optkit.analyzers.facts.LoopFact;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.loops.CollectorFunctions;
import dev.optkit.analyzers.facts.loops.LoopShapes;
import dev.optkit.analyzers.facts.loops.PrefetchedKeys;
import dev.optkit.analyzers.facts.types.TypeNames;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A method's loops as {@link LoopFact}s: each loop (statement or stream pipeline), the I/O sites
 * and project calls it runs once per element, whether it joins futures it starts, and whether a
 * node runs later or elsewhere (handed to an executor, or kept to run later).
 */
public final class MethodLoops {
  private static final Set<String> EXECUTOR_METHODS = Set.of(
      "submit", "execute", "supplyAsync", "runAsync", "schedule", "scheduleAtFixedRate",
      "scheduleWithFixedDelay", "invokeAll", "invokeAny", "thenApplyAsync", "thenComposeAsync",
      "thenAcceptAsync", "startVirtualThread", "ofVirtual", "fork");
  /** Calls that keep the code they get to run later: a queue of pending writes, a listener list. */
  private static final Set<String> STORING_METHODS = Set.of(
      "add", "addFirst", "addLast", "offer", "offerFirst", "offerLast", "push", "put", "putIfAbsent", "set",
      "register", "addListener", "addCallback", "addHook", "addShutdownHook", "registerSynchronization");
  private static final Set<String> JOIN_METHODS = Set.of("join", "get", "block", "blockFirst", "blockLast", "getNow", "resultNow");

  private final MethodScan m;
  private final CallableDeclaration<?> callable;
  private final FileScan file;
  private final Map<Node, Integer> loopIndex = new IdentityHashMap<>();
  private final List<Node> loops = new ArrayList<>();

  public MethodLoops(MethodScan m) {
    this.m = m;
    this.callable = m.callable;
    this.file = m.file;
  }

  public void collect() {
    for (Node node : m.nodes.loopCandidates) {
      if (!(node instanceof MethodCallExpr call) || LoopShapes.isPipelineLoop(call)) {
        addLoop(node);
      }
    }
  }

  private void addLoop(Node node) {
    loopIndex.put(node, loops.size());
    loops.add(node);
  }

  /**
   * The innermost loop that runs this node once per iteration, or -1; a node in a lambda handed
   * to an executor runs elsewhere, which {@link #isDeferred} reports.
   */
  private int enclosingLoop(Node node) {
    Node child = node;
    Node parent = node.getParentNode().orElse(null);
    while (parent != null && parent != callable) {
      Integer index = loopIndex.get(parent);
      if (index != null && LoopShapes.runsPerIteration(parent, child)) {
        return index;
      }
      if (parent instanceof MethodCallExpr call && (child instanceof LambdaExpr || child instanceof MethodReferenceExpr)) {
        if (EXECUTOR_METHODS.contains(call.getNameAsString())) {
          return -1;
        }
        // collect(toMap(k, client::price)): the collector applies it to each element as the collect link would
        MethodCallExpr link = CollectorFunctions.collectLink(call, child).orElse(call);
        MethodCallExpr outer = LoopShapes.outermost(link);
        Integer pipeline = loopIndex.get(outer);
        if (pipeline != null && LoopShapes.runsPerElement(link, this::optionalIsTheJdks)) {
          return pipeline;
        }
      }
      child = parent;
      parent = parent.getParentNode().orElse(null);
    }
    return -1;
  }

  /** Whether the simple name Optional means java.util.Optional in this file (not a class of the project's). */
  private boolean optionalIsTheJdks() {
    TypeNames.Qualified optional = file.names.qualify("Optional");
    return optional.name().equals("java.util.Optional")
        || optional.confidence() == dev.optkit.analyzers.facts.Confidence.LOW; // no type of that name is known
  }

  public boolean isDeferred(Node node) {
    return deferredBelow(node, callable);
  }

  /** Whether the node is in code deferred from {@code stop}'s: between them, a task handed on or a function kept. */
  private boolean deferredBelow(Node node, Node stop) {
    Node child = node;
    Node parent = node.getParentNode().orElse(null);
    while (parent != null && parent != stop) {
      if (parent instanceof MethodCallExpr call && call.getArguments().contains(child)
          && (child instanceof LambdaExpr || child instanceof MethodReferenceExpr || child instanceof ObjectCreationExpr)
          && (EXECUTOR_METHODS.contains(call.getNameAsString()) || STORING_METHODS.contains(call.getNameAsString()))) {
        return true; // run by an executor, or kept to run later (pending.add(() -> write()))
      }
      if ((child instanceof LambdaExpr || child instanceof MethodReferenceExpr) && LoopShapes.escapes(parent)) {
        return true;
      }
      child = parent;
      parent = parent.getParentNode().orElse(null);
    }
    return false;
  }

  /**
   * Each site's node where it is reported: a query a local keeps runs at a later call than the one making it
   * ({@code StoredQueries}), and which loop's turn it waits in is the run's (a query made in a loop and run after it
   * runs once; one made before a loop and run in it runs per iteration).
   */
  private List<Node> placedSites() {
    List<Node> placed = new ArrayList<>(m.siteNodes);
    for (int s = 0; s < placed.size() && s < m.sites.size(); s++) {
      SourceRange reported = m.sites.get(s).range();
      if (reported != null && !reported.equals(SourceRange.of(placed.get(s)))) {
        java.util.Optional<MethodCallExpr> run = callable.findFirst(MethodCallExpr.class,
            call -> SourceRange.of(call).equals(reported));
        if (run.isPresent()) {
          placed.set(s, run.get());
        }
      }
    }
    return placed;
  }

  public List<LoopFact> describe() {
    List<LoopFact> result = new ArrayList<>();
    List<Integer> siteLoops = new ArrayList<>();
    List<Node> placed = placedSites();
    for (Node siteNode : placed) {
      siteLoops.add(enclosingLoop(siteNode));
    }
    List<Integer> callLoops = new ArrayList<>();
    for (Node callNode : m.callNodes) {
      callLoops.add(enclosingLoop(callNode));
    }
    List<Integer> opaqueLoops = new ArrayList<>();
    for (Node opaqueNode : m.opaqueNodes) {
      opaqueLoops.add(enclosingLoop(opaqueNode));
    }
    List<Integer> sendLoops = new ArrayList<>();
    for (Node sendNode : m.sentNodes) {
      sendLoops.add(enclosingLoop(sendNode));
    }
    for (int i = 0; i < loops.size(); i++) {
      Node loop = loops.get(i);
      if (LoopShapes.chunked(loop)) {
        continue; // a round trip per chunk of keys: batched already
      }
      List<Integer> loopSites = new ArrayList<>();
      for (int s = 0; s < siteLoops.size(); s++) {
        if (siteLoops.get(s) == i && !PrefetchedKeys.onlyOnAMiss(placed.get(s), loop)) {
          loopSites.add(s);
        }
      }
      List<Integer> loopCalls = new ArrayList<>();
      for (int c = 0; c < callLoops.size(); c++) {
        if (callLoops.get(c) == i && !PrefetchedKeys.onlyOnAMiss(m.callNodes.get(c), loop)) {
          loopCalls.add(c);
        }
      }
      boolean joinsInside = joinsFuturesInside(loop);
      if (joinsInside) {
        for (int s = 0; s < placed.size(); s++) {
          if (LoopShapes.isInside(placed.get(s), loop) && !loopSites.contains(s)) {
            loopSites.add(s);
          }
        }
      }
      boolean transactional = hasTransactional();
      boolean synchronizedBlock = callable instanceof MethodDeclaration method && method.isSynchronized()
          || loop.findAncestor(SynchronizedStmt.class).isPresent();
      String element = LoopShapes.elementVariable(loop);
      if (element != null && assignedIn(loop, element)) {
        element = null; // given another object in the loop: which element a call is made on is not told
      }
      List<Integer> elementCalls = new ArrayList<>();
      for (int c : loopCalls) {
        if (element != null && m.callNodes.get(c) instanceof MethodCallExpr call
            && call.getScope().orElse(null) instanceof NameExpr scope && scope.getNameAsString().equals(element)) {
          elementCalls.add(c);
        }
      }
      List<Integer> loopOpaque = new ArrayList<>();
      for (int c = 0; c < opaqueLoops.size(); c++) {
        if (opaqueLoops.get(c) == i) {
          loopOpaque.add(c);
        }
      }
      List<Integer> loopSends = new ArrayList<>();
      for (int c = 0; c < sendLoops.size(); c++) {
        if (sendLoops.get(c) == i && !PrefetchedKeys.onlyOnAMiss(m.sentNodes.get(c), loop)) {
          loopSends.add(c);
        }
      }
      // a loop in a task or function the method hands on: what runs in its iteration waits there, wherever it runs
      List<Integer> inlineCalls = new ArrayList<>();
      List<Integer> inlineSites = new ArrayList<>();
      if (isDeferred(loop)) {
        for (int c : loopCalls) {
          if (isDeferred(m.callNodes.get(c)) && !deferredBelow(m.callNodes.get(c), loop)) {
            inlineCalls.add(c);
          }
        }
        for (int s : loopSites) {
          if (isDeferred(placed.get(s)) && !deferredBelow(placed.get(s), loop)) {
            inlineSites.add(s);
          }
        }
      }
      List<LoopFact.HandedElement> handed = new ArrayList<>();
      if (element != null) {
        for (int c : loopCalls) {
          if (m.callNodes.get(c) instanceof MethodCallExpr call) {
            handedAt(call.getArguments(), element).ifPresent(at -> handed.add(new LoopFact.HandedElement(c, false, at)));
          }
        }
        for (int k = 0; k < m.constructorNodes.size(); k++) {
          if (m.constructorNodes.get(k) instanceof ObjectCreationExpr creation
              && enclosingLoop(creation) == i && !PrefetchedKeys.onlyOnAMiss(creation, loop)) {
            int index = k;
            handedAt(creation.getArguments(), element)
                .ifPresent(at -> handed.add(new LoopFact.HandedElement(index, true, at)));
          }
        }
      }
      result.add(new LoopFact(LoopShapes.loopKind(loop), SourceRange.of(loop), file.text.firstLine(loop),
          List.copyOf(loopSites), List.copyOf(loopCalls), withDraws(loop, LoopShapes.dependenceReasons(loop)), joinsInside,
          transactional,
          synchronizedBlock, List.copyOf(elementCalls), List.copyOf(loopOpaque), List.copyOf(loopSends),
          List.copyOf(inlineCalls), List.copyOf(inlineSites), List.copyOf(handed), inTurnOf(loop)));
    }
    return List.copyOf(result);
  }

  /** See {@link LoopFact#inTurnOf}. */
  private int inTurnOf(Node loop) {
    MethodCallExpr viaLambdaOf = null;
    Node child = loop;
    for (Node up = loop.getParentNode().orElse(null); up != null && !(up instanceof CallableDeclaration<?>);
        child = up, up = up.getParentNode().orElse(null)) {
      int index = indexOf(up);
      if (index >= 0) {
        if (runsPerIteration(up, child, viaLambdaOf)) {
          return index;
        }
        viaLambdaOf = null;
        continue;
      }
      if (up instanceof LambdaExpr || up instanceof MethodReferenceExpr) {
        if (up.getParentNode().orElse(null) instanceof MethodCallExpr call && call.getArguments().contains(up)
            && loops.stream().anyMatch(other -> other instanceof MethodCallExpr pipeline
                && LoopShapes.chain(pipeline).stream().anyMatch(link -> link == call))) {
          viaLambdaOf = call; // a loop's own per-element lambda (forEach, a stream's map)
          continue;
        }
        return -1; // a task handed on or kept: it runs when that code runs it
      }
      if (up instanceof TypeDeclaration<?>
          || up instanceof ObjectCreationExpr creation
              && creation.getAnonymousClassBody().isPresent() && !creation.getArguments().contains(child)) {
        return -1; // a class's code runs when its object is called, not in the loop's turn
      }
    }
    return -1;
  }

  private int indexOf(Node node) {
    for (int i = 0; i < loops.size(); i++) {
      if (loops.get(i) == node) {
        return i;
      }
    }
    return -1;
  }

  /** Whether a node of the loop reached through {@code child} runs in each of its iterations. */
  private static boolean runsPerIteration(Node loop, Node child, MethodCallExpr viaLambdaOf) {
    if (loop instanceof ForEachStmt each) {
      return child == each.getBody();
    }
    if (loop instanceof com.github.javaparser.ast.stmt.ForStmt counted) {
      return child == counted.getBody() || counted.getCompare().orElse(null) == child || counted.getUpdate().contains(child);
    }
    if (loop instanceof com.github.javaparser.ast.stmt.WhileStmt whileLoop) {
      return child == whileLoop.getBody() || child == whileLoop.getCondition();
    }
    if (loop instanceof com.github.javaparser.ast.stmt.DoStmt doLoop) {
      return child == doLoop.getBody() || child == doLoop.getCondition();
    }
    return loop instanceof MethodCallExpr call && viaLambdaOf != null
        && LoopShapes.chain(call).stream().anyMatch(link -> link == viaLambdaOf);
  }

  /** Whether the loop's code assigns the name. */
  private static boolean assignedIn(Node loop, String name) {
    return Subtrees.all(loop, com.github.javaparser.ast.expr.AssignExpr.class).stream()
        .anyMatch(assign -> assign.getTarget() instanceof NameExpr target && target.getNameAsString().equals(name));
  }

  /** The first position an argument list hands the loop's element at, as it is. */
  private static java.util.Optional<Integer> handedAt(List<Expression> arguments,
      String element) {
    for (int a = 0; a < arguments.size(); a++) {
      if (arguments.get(a) instanceof NameExpr name && name.getNameAsString().equals(element)) {
        return java.util.Optional.of(a);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The loop's dependences, each local it assigns told how its value is made where that value may be drawn afresh
   * ({@link LoopDependence.Draw}): a while or do loop whose condition reads the local, assigned once in the loop from a
   * value that names nothing of its previous one and reads the clock or a random source, or calls a method that may.
   */
  private List<LoopDependence> withDraws(Node loop, List<LoopDependence> reasons) {
    List<LoopDependence> told = new ArrayList<>();
    for (LoopDependence reason : reasons) {
      LoopDependence.Draw draw = reason.kind() == LoopDependence.Kind.ASSIGNS ? draw(loop, reason.name()) : null;
      told.add(draw == null ? reason : new LoopDependence(reason.kind(), reason.name(), draw));
    }
    return List.copyOf(told);
  }

  /** Whether the code names the local (the code itself counted). */
  private static boolean named(Node code, String local) {
    return Subtrees.all(code, NameExpr.class).stream().anyMatch(name -> name.getNameAsString().equals(local));
  }

  private LoopDependence.Draw draw(Node loop, String local) {
    List<com.github.javaparser.ast.expr.AssignExpr> assigned = Subtrees.all(loop,
        com.github.javaparser.ast.expr.AssignExpr.class).stream()
        .filter(a -> a.getTarget() instanceof NameExpr target && target.getNameAsString().equals(local)).toList();
    if (assigned.size() != 1 || assigned.get(0).getOperator() != com.github.javaparser.ast.expr.AssignExpr.Operator.ASSIGN) {
      return null;
    }
    Node value = assigned.get(0).getValue();
    Expression condition = loop instanceof com.github.javaparser.ast.stmt.WhileStmt w ? w.getCondition()
        : loop instanceof com.github.javaparser.ast.stmt.DoStmt d ? d.getCondition() : null;
    // drawn afresh: the value names nothing of the previous one (a page from the last one's id is paging), and the
    // condition asks about it (a stamp beside an iterator's or a queue's walk draws nothing the loop waits on)
    if (condition == null || named(value, local) || !named(condition, local)) {
      return null;
    }
    boolean here = m.draws.stream().anyMatch(read -> LoopShapes.isInside(read, value) || read == value);
    List<Integer> calls = new ArrayList<>();
    for (int c = 0; c < m.callNodes.size(); c++) {
      if (m.callNodes.get(c) == value || LoopShapes.isInside(m.callNodes.get(c), value)) {
        calls.add(c);
      }
    }
    return here || !calls.isEmpty() ? new LoopDependence.Draw(here, calls) : null;
  }

  private boolean hasTransactional() {
    if (callable.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("Transactional"))) {
      return true;
    }
    Node node = callable.getParentNode().orElse(null);
    return node instanceof TypeDeclaration<?> type
        && type.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().equals("Transactional"));
  }

  private boolean joinsFuturesInside(Node loop) {
    boolean startsAsync = false;
    boolean joins = false;
    Integer self = loopIndex.get(loop);
    // a site of this loop's that starts its round trip asynchronously, as ClientSites says (one reader: a call or a
    // method reference, dynamo::getItem on an async client)
    for (int s = 0; s < m.siteNodes.size() && s < m.sites.size(); s++) {
      if (m.sites.get(s).async() && Objects.equals(enclosingLoop(m.siteNodes.get(s)), self)) {
        startsAsync = true;
      }
    }
    // map(CompletableFuture::join): each element's future joined as the pipeline reaches it
    for (com.github.javaparser.ast.expr.MethodReferenceExpr reference
        : Subtrees.all(loop, com.github.javaparser.ast.expr.MethodReferenceExpr.class)) {
      String name = reference.getIdentifier();
      if (name.endsWith("Async") && Objects.equals(enclosingLoop(reference), self)) {
        startsAsync = true;
      }
      if (JOIN_METHODS.contains(name) && reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr type) {
        String future = type.getType().asString();
        joins |= future.endsWith("Future") || future.endsWith("CompletionStage") || future.endsWith("Mono");
      }
    }
    for (MethodCallExpr call : Subtrees.all(loop, MethodCallExpr.class)) {
      String name = call.getNameAsString();
      // a start inside a nested loop is that loop's: one that starts several ahead (as migrate's rewrite does)
      // before this loop joins them is no join per start
      if ((name.endsWith("Async") || EXECUTOR_METHODS.contains(name) || name.equals("enqueue"))
          && Objects.equals(enclosingLoop(call), self)) {
        startsAsync = true;
      }
      if (JOIN_METHODS.contains(name) && (call.getArguments().isEmpty() || name.equals("get") && call.getArguments().size() == 2)) {
        Expression scope = call.getScope().orElse(null);
        if (scope instanceof MethodCallExpr || scope instanceof NameExpr n && isFutureVariable(n.getNameAsString())) {
          joins = true;
        }
      }
    }
    return startsAsync && joins;
  }

  private boolean isFutureVariable(String name) {
    String type = m.locals.types.get(name);
    if (type != null && (type.endsWith("Future") || type.endsWith("CompletionStage") || type.endsWith("Mono"))) {
      return true;
    }
    Expression init = m.locals.initializers.get(name);
    return init instanceof MethodCallExpr call
        && (call.getNameAsString().endsWith("Async") || EXECUTOR_METHODS.contains(call.getNameAsString()));
  }
}
