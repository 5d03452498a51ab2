package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes below a node, by kind, in the order {@code findAll} gives (pre-order), and ancestry by the parent chain.
 * The extraction asks one class the same question for each of its fields and methods ({@code type.findAll(
 * AssignExpr.class)} once per field): on spring-framework those walks were a quarter of the parse threads' time.
 * While a file's facts are extracted ({@link #indexing}), the file is walked once, its nodes kept in pre-order by
 * kind until the extraction ends, and the nodes below any node are a slice of them; outside it (the rewriters edit
 * trees), every question walks the tree as it is now.
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
    return scope.of(root, kind);
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
  public static <T> T indexing(Node file, java.util.function.Supplier<T> extraction) {
    if (SCOPE.get() != null) {
      return extraction.get();
    }
    SCOPE.set(new Scope(file));
    try {
      return extraction.get();
    } finally {
      SCOPE.remove();
    }
  }

  private static final class Scope {
    private final Node file;
    private FileNodes fileNodes;
    private final Map<Node, NodesBelow> below = new IdentityHashMap<>();
    private final Map<Node, Map<Object, Object>> answers = new IdentityHashMap<>();

    Scope(Node file) {
      this.file = file;
    }

    <T extends Node> List<T> of(Node root, Class<T> kind) {
      if (fileNodes == null) {
        fileNodes = new FileNodes(file);
      }
      List<T> inFile = fileNodes.below(root, kind);
      return inFile != null ? inFile : below.computeIfAbsent(root, NodesBelow::new).of(kind);
    }
  }

  /**
   * The file's nodes in pre-order, walked once: a node's subtree is the run of nodes from its own place to its end,
   * so the nodes of a kind below any node are a slice of the file's nodes of that kind.
   */
  private static final class FileNodes {
    private final List<Node> nodes = new ArrayList<>();
    private final Map<Node, Integer> starts = new IdentityHashMap<>();
    private int[] ends = new int[256];
    private final Map<Class<?>, Kind<?>> byKind = new HashMap<>();
    /** Per class of node, where its nodes are among all: a kind is the classes it is assignable from. */
    private final Map<Class<?>, Places> byClass = new HashMap<>();

    FileNodes(Node file) {
      // iterative, as a generated expression may nest thousands deep: a node is met on its way in and on its way out
      Node[] stack = new Node[64];
      boolean[] leaving = new boolean[64];
      int top = 0;
      stack[top] = file;
      leaving[top++] = false;
      while (top > 0) {
        Node node = stack[--top];
        if (leaving[top]) {
          ends[starts.get(node)] = nodes.size();
          continue;
        }
        int start = nodes.size();
        starts.put(node, start);
        nodes.add(node);
        Places places = byClass.get(node.getClass());
        if (places == null) {
          byClass.put(node.getClass(), places = new Places());
        }
        places.add(start);
        if (start >= ends.length) {
          ends = Arrays.copyOf(ends, ends.length * 2);
        }
        List<Node> children = node.getChildNodes();
        if (top + children.size() + 1 > stack.length) {
          int size = Math.max(stack.length * 2, top + children.size() + 1);
          stack = Arrays.copyOf(stack, size);
          leaving = Arrays.copyOf(leaving, size);
        }
        stack[top] = node;
        leaving[top++] = true;
        for (int i = children.size() - 1; i >= 0; i--) {
          stack[top] = children.get(i);
          leaving[top++] = false;
        }
      }
    }

    /** The nodes of that kind below the root, itself included; null for a node outside the file. */
    @SuppressWarnings("unchecked")
    <T extends Node> List<T> below(Node root, Class<T> kind) {
      Integer start = starts.get(root);
      if (start == null) {
        return null;
      }
      Kind<T> ofKind = (Kind<T>) byKind.computeIfAbsent(kind, k -> kind(kind));
      return ofKind.between(start, ends[start]);
    }

    private <T extends Node> Kind<T> kind(Class<T> kind) {
      Places merged = new Places();
      int classes = 0;
      for (Map.Entry<Class<?>, Places> entry : byClass.entrySet()) {
        if (kind.isAssignableFrom(entry.getKey())) {
          merged.addAll(entry.getValue());
          classes++;
        }
      }
      int[] places = Arrays.copyOf(merged.places, merged.size);
      if (classes > 1) {
        Arrays.sort(places); // pre-order again
      }
      List<T> ofKind = new ArrayList<>(places.length);
      for (int place : places) {
        ofKind.add(kind.cast(nodes.get(place)));
      }
      return new Kind<>(ofKind, places);
    }
  }

  /** A growing list of places. */
  private static final class Places {
    private int[] places = new int[8];
    private int size;

    void add(int place) {
      if (size == places.length) {
        places = Arrays.copyOf(places, size * 2);
      }
      places[size++] = place;
    }

    void addAll(Places other) {
      if (size + other.size > places.length) {
        places = Arrays.copyOf(places, Math.max(places.length * 2, size + other.size));
      }
      System.arraycopy(other.places, 0, places, size, other.size);
      size += other.size;
    }
  }

  /** The file's nodes of one kind, with their places among all its nodes. */
  private static final class Kind<T extends Node> {
    private final List<T> nodes;
    private final int[] places;

    Kind(List<T> nodes, int[] places) {
      this.nodes = nodes;
      this.places = places;
    }

    List<T> between(int start, int end) {
      int from = firstAtOrAfter(start);
      int to = firstAtOrAfter(end);
      return Collections.unmodifiableList(nodes.subList(from, to));
    }

    private int firstAtOrAfter(int place) {
      int low = 0;
      int high = nodes.size();
      while (low < high) {
        int middle = (low + high) >>> 1;
        if (places[middle] < place) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      return low;
    }
  }

  /** A subtree outside the file (a tree the solver parsed): its nodes in pre-order, per kind asked. */
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
