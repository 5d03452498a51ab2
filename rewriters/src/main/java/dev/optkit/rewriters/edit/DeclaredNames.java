package dev.optkit.rewriters.edit;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a file declares anywhere in it, at any depth (nested, local and anonymous classes
 * included): its types, and its methods, fields and variables. A rewrite asks for a fresh member
 * name several times per cached method, and used to walk the whole file for each answer, which
 * made assess quadratic in the size of a file with many cacheable methods (a 1 MB generated client
 * did not finish in 20 minutes). Built in one walk the first time a file is asked, and kept on its
 * tree: the rewrites never change a tree, they collect text edits (see {@link SourceDocument}).
 */
public final class DeclaredNames {
  private static final DataKey<DeclaredNames> KEY = new DataKey<>() {};

  private final Set<String> types = new HashSet<>();
  private final Set<String> members = new HashSet<>();

  private DeclaredNames() {}

  /** The names declared in the file, walked once per tree. */
  public static DeclaredNames of(CompilationUnit unit) {
    if (unit.containsData(KEY)) {
      return unit.getData(KEY);
    }
    DeclaredNames names = new DeclaredNames();
    // iterative, with a plain deque: a generated expression can nest thousands deep, and Node.walk's
    // synchronized Stack costs more than the visits
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(unit);
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node instanceof TypeDeclaration<?> type) {
        names.types.add(type.getNameAsString());
        names.members.add(type.getNameAsString());
      } else if (node instanceof MethodDeclaration method) {
        names.members.add(method.getNameAsString());
      } else if (node instanceof VariableDeclarator variable) {
        names.members.add(variable.getNameAsString());
      }
      List<Node> children = node.getChildNodes();
      for (int i = children.size() - 1; i >= 0; i--) {
        pending.push(children.get(i));
      }
    }
    unit.setData(KEY, names);
    return names;
  }

  /** Whether a type of this simple name is declared in the file, at any depth. */
  public boolean declaresType(String simpleName) {
    return types.contains(simpleName);
  }

  /** Whether a type, method, field or variable of this name is declared in the file, at any depth. */
  public boolean declares(String name) {
    return members.contains(name);
  }
}
