package dev.optkit.analyzers.parse;

import com.github.javaparser.resolution.TypeSolver;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JarTypeSolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The dependency classes a run resolves against: which jar of the class path (the first of them, as a class path
 * means) holds each class, read once for the run and shared by its workers, and a per-worker solver that opens a jar
 * only when a class in it is asked for. One {@link JarTypeSolver} a jar, made up front by every worker, read every
 * jar's entries twice over and opened it in javassist, whether the project named a class of it or not (on mall's 208
 * jars, a sixth of a parse thread's time); the answers are the same, as each jar is still solved by its own
 * {@link JarTypeSolver}.
 */
public final class JarClasses {
  private static final String CLASS = ".class";

  private final List<Path> jars;
  /** Class name, as a resolution asks for it (nested classes with a dot), to the first jar holding it. */
  private volatile Map<String, Integer> firstJarOf;

  private JarClasses(List<Path> jars) {
    this.jars = List.copyOf(jars);
  }

  /** The classes of these jars (or class folders), in class path order; nothing is read before a worker asks. */
  public static JarClasses of(List<Path> jars) {
    return new JarClasses(jars);
  }

  private Map<String, Integer> index() {
    Map<String, Integer> index = firstJarOf;
    if (index == null) {
      synchronized (this) {
        index = firstJarOf;
        if (index == null) {
          index = read();
          firstJarOf = index;
        }
      }
    }
    return index;
  }

  private Map<String, Integer> read() {
    Map<String, Integer> index = new HashMap<>();
    for (int at = 0; at < jars.size(); at++) {
      Integer jar = at;
      try {
        for (String name : classesOf(jars.get(at))) {
          index.putIfAbsent(name, jar);
        }
      } catch (IOException | RuntimeException e) {
        // an unreadable jar only lowers confidence for the types it would have resolved
      }
    }
    return Map.copyOf(index);
  }

  /** The names {@link JarTypeSolver} knows a jar's classes by: the entry's path, '/' and '$' read as '.'. */
  private static List<String> classesOf(Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      // a class folder: the names its own solver reads
      return List.copyOf(new JarTypeSolver(jar).getKnownClasses());
    }
    List<String> names = new java.util.ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
        ZipEntry entry = entries.nextElement();
        String path = entry.getName();
        if (!entry.isDirectory() && path.endsWith(CLASS)) {
          names.add(path.substring(0, path.length() - CLASS.length()).replace('/', '.').replace('$', '.'));
        }
      }
    }
    return names;
  }

  /** Whether a jar holds the class (by the name a resolution asks for: nested classes with a dot). Thread-safe. */
  public boolean holds(String className) {
    return index().containsKey(className);
  }

  /** A solver for one worker thread: not thread-safe, as the {@link JarTypeSolver}s it opens are not. */
  public TypeSolver solver() {
    return new Solver();
  }

  /** Not thread-safe: one a worker thread. */
  final class Solver implements TypeSolver {
    private final JarTypeSolver[] opened = new JarTypeSolver[jars.size()];
    private final boolean[] unreadable = new boolean[jars.size()];
    private TypeSolver parent;

    @Override
    public TypeSolver getParent() {
      return parent;
    }

    @Override
    public void setParent(TypeSolver parent) {
      this.parent = parent;
    }

    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveType(String name) {
      Integer jar = index().get(name);
      if (jar == null) {
        return SymbolReference.unsolved();
      }
      JarTypeSolver solver = opened(jar);
      if (solver != null) {
        return solver.tryToSolveType(name);
      }
      // the jar's entries read but the jar not opened: a later jar holding the class answers, as on a class path
      for (int later = jar + 1; later < jars.size(); later++) {
        JarTypeSolver next = opened(later);
        if (next != null && next.getKnownClasses().contains(name)) {
          return next.tryToSolveType(name);
        }
      }
      return SymbolReference.unsolved();
    }

    /** A type in a named module (a module import): each jar's own module-info read, in class path order. */
    @Override
    public SymbolReference<ResolvedReferenceTypeDeclaration> tryToSolveTypeInModule(String module, String simpleName) {
      for (int jar = 0; jar < jars.size(); jar++) {
        JarTypeSolver solver = opened(jar);
        if (solver != null) {
          SymbolReference<ResolvedReferenceTypeDeclaration> solved = solver.tryToSolveTypeInModule(module, simpleName);
          if (solved.isSolved()) {
            return solved;
          }
        }
      }
      return SymbolReference.unsolved();
    }

    /** How many jars this solver has opened: the work laziness saves is counted, not timed. */
    int openedJars() {
      return (int) java.util.Arrays.stream(opened).filter(java.util.Objects::nonNull).count();
    }

    private JarTypeSolver opened(int jar) {
      if (opened[jar] == null && !unreadable[jar]) {
        try {
          JarTypeSolver solver = new JarTypeSolver(jars.get(jar));
          solver.setParent(this);
          opened[jar] = solver;
        } catch (IOException | RuntimeException e) {
          unreadable[jar] = true;
        }
      }
      return opened[jar];
    }
  }
}
