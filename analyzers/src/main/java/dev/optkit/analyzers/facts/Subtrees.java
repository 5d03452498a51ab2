package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes below a node, by kind, in the order {@code findAll} gives (pre-order), and ancestry by the parent chain.
 * The extraction asks one class the same question for each of its fields and methods ({@code type.findAll(
 * AssignExpr.class)} once per field): on spring-framework those walks were a quarter of the parse threads' time.
 * While a file's facts are extracted ({@link #indexing}), each node asked about is walked once and its nodes kept
 * until the extraction ends; outside it (the rewriters edit trees), every question walks the tree as it is now.
 */
public final class Subtrees {
  private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

  private Subtrees() {}

  /** The nodes of that kind in the subtree of {@code root}, itself included, in pre-order; not to be changed. */
  public static <T extends Node> List<T> all(Node root, Class<T> kind) {
    Scope scope = SCOPE.get();
    if (scope == null) {
      return root.findAll(kind);
    }
    return scope.nodesBelow(root).of(kind);
  }

  /** Whether {@code node} lies strictly below {@code ancestor}: {@code ancestor.isAncestorOf(node)}, without a walk. */
  public static boolean isAncestor(Node ancestor, Node node) {
    if (ancestor == node) {
      return false;
    }
    for (Node at = node.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at == ancestor) {
        return true;
      }
    }
    return false;
  }

  /**
   * What {@code question} answers about a node, asked once while a file's facts are extracted (the solver's typing of a
   * method reference is asked by three analyses); outside the extraction, asked each time.
   */
  @SuppressWarnings("unchecked")
  public static <N extends Node, T> T answer(N node, java.util.function.Function<N, T> question) {
    Scope scope = SCOPE.get();
    if (scope == null) {
      return question.apply(node);
    }
    Map<Object, Object> answers = scope.answers.computeIfAbsent(node, n -> new HashMap<>(4));
    Object known = answers.get(question);
    if (known == null && !answers.containsKey(question)) {
      known = question.apply(node);
      answers.put(question, known);
    }
    return (T) known;
  }

  /**
   * Runs the extraction of one file with its subtrees indexed; the tree must not change while it runs. Nested calls
   * share the outer scope.
   */
  public static <T> T indexing(java.util.function.Supplier<T> extraction) {
    if (SCOPE.get() != null) {
      return extraction.get();
    }
    SCOPE.set(new Scope());
    try {
      return extraction.get();
    } finally {
      SCOPE.remove();
    }
  }

  private static final class Scope {
    private final Map<Node, NodesBelow> below = new IdentityHashMap<>();
    private final Map<Node, Map<Object, Object>> answers = new IdentityHashMap<>();

    NodesBelow nodesBelow(Node root) {
      return below.computeIfAbsent(root, NodesBelow::new);
    }
  }

  /** One subtree's nodes in pre-order, and per kind asked the ones of that kind. */
  private static final class NodesBelow {
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Class<?>, List<? extends Node>> byKind = new HashMap<>();

    NodesBelow(Node root) {
      PreOrder.walk(root, nodes::add);
    }

    @SuppressWarnings("unchecked")
    <T extends Node> List<T> of(Class<T> kind) {
      return (List<T>) byKind.computeIfAbsent(kind, k -> {
        List<T> found = new ArrayList<>();
        for (Node node : nodes) {
          if (kind.isInstance(node)) {
            found.add(kind.cast(node));
          }
        }
        return Collections.unmodifiableList(found);
      });
    }
  }
}
