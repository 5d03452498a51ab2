package dev.optkit.rewriters.caching.sharing;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Set;

/** Whether a simple name written in a file can only mean the JDK's class, and a {@code new} makes a JDK collection. */
public final class JdkNames {
  private JdkNames() {}

  /** JDK collections a {@code new} makes, by simple name (when no project type has that name). */
  private static final Set<String> JDK_MADE = Set.of("ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet",
      "ArrayDeque", "HashMap", "LinkedHashMap", "TreeMap", "ConcurrentHashMap", "CopyOnWriteArrayList", "EnumMap",
      "PriorityQueue");
  /** Packages whose wildcard import brings no class of a JDK collection's simple name but the JDK's own. */
  private static final Set<String> JDK_WILDCARDS = Set.of("java.util", "java.util.concurrent", "java.util.stream",
      "java.util.function");

  /** {@code new ArrayList<>(..)}: a new collection whose class is the JDK's, no subclass of it. */
  public static boolean newJdkCollection(ProjectIndex index, ObjectCreationExpr made) {
    String type = made.getType().getNameAsString();
    return made.getAnonymousClassBody().isEmpty() && JDK_MADE.contains(type) && index.typesNamed(type).isEmpty()
        && jdkByImports(made, type)
        && made.getType().getScope().map(scope -> scope.toString().equals("java.util")
            || scope.toString().equals("java.util.concurrent")).orElse(true);
  }

  /**
   * Whether a simple name in the file can only mean the JDK's class: no single-type import of another class of that
   * name, no wildcard import but the JDK's (a library's {@code ArrayList} imported so: hostile review 91's F6).
   */
  public static boolean jdkByImports(Node at, String simpleName) {
    var unit = at.findCompilationUnit().orElse(null);
    if (unit == null) {
      return false;
    }
    for (var imported : unit.getImports()) {
      String name = imported.getNameAsString();
      if (imported.isStatic()) {
        if (imported.isAsterisk() || name.endsWith("." + simpleName)) {
          return false; // a static import may bring a member class of that name
        }
        continue;
      }
      if (imported.isAsterisk() ? !JDK_WILDCARDS.contains(name)
          : name.endsWith("." + simpleName) && !JDK_WILDCARDS.contains(name.substring(0, name.lastIndexOf('.')))) {
        return false;
      }
    }
    return true;
  }
}
