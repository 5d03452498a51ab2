package dev.optkit.analyzers.facts;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Walks a tree in pre-order (the order {@code findAll} gives) over an array stack. JavaParser's
 * {@code Node.walk} pushes every node onto a synchronized {@code Stack} that grows again for each
 * walk; on spring-framework that bookkeeping cost ten times the work done at the nodes, and 5% of
 * a worker's time for the walk over each file alone. Iterative, as a generated expression may
 * nest thousands deep.
 */
public final class PreOrder {
  /** What is done at each node. */
  interface Visit {
    /** @param own whether the node belongs to the root's own code, not to a class declared below the root */
    void node(Node node, boolean own);
  }

  private PreOrder() {}

  public static void walk(Node root, Consumer<Node> visit) {
    walkMarkingOwn(root, (node, own) -> visit.accept(node));
  }

  /** A walk that leaves out the children of each node for which the visit answers false. */
  public static void walkPruned(Node root, Predicate<Node> visit) {
    walk(root, visit, null);
  }

  static void walkMarkingOwn(Node root, Visit visit) {
    walk(root, null, visit);
  }

  private static void walk(Node root, Predicate<Node> pruning, Visit visit) {
    Node[] stack = new Node[64];
    boolean[] own = new boolean[64];
    int top = 0;
    stack[top] = root;
    own[top++] = true;
    while (top > 0) {
      Node node = stack[--top];
      boolean owned = own[top];
      if (pruning != null) {
        if (!pruning.test(node)) {
          continue;
        }
      } else {
        visit.node(node, owned);
      }
      List<Node> children = node.getChildNodes();
      boolean childrenOwned = owned && !(node instanceof TypeDeclaration<?> && node != root);
      if (top + children.size() > stack.length) {
        int size = Math.max(stack.length * 2, top + children.size());
        stack = Arrays.copyOf(stack, size);
        own = Arrays.copyOf(own, size);
      }
      for (int i = children.size() - 1; i >= 0; i--) {
        stack[top] = children.get(i);
        own[top++] = childrenOwned;
      }
    }
  }
}
