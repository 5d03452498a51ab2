package dev.optkit.validation.run;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.resolution.declarations.ResolvedFieldDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.resolution.types.ResolvedReferenceType;
import com.github.javaparser.resolution.types.ResolvedType;
import com.github.javaparser.symbolsolver.JavaSymbolSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.CombinedTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.JavaParserTypeSolver;
import com.github.javaparser.symbolsolver.resolution.typesolvers.ReflectionTypeSolver;
import dev.optkit.analyzers.io.Decoded;
import dev.optkit.analyzers.parse.LanguageLevels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A code version's types as its sources declare them (JavaParser's symbol solver over the version's
 * {@link SourceRoots}, the JDK's by reflection), and what the harness can reach on them at run time:
 * public methods and fields, over the whole hierarchy ({@code Class.getMethods()} and
 * {@code getField}). What the sources cannot show is never taken as absent: {@link Members#complete()}
 * is false when an ancestor is not resolved (a library's class) or Lombok writes methods the source
 * does not have, and {@link #closed} says whether the object could be of a subclass that adds some.
 */
final class SourceTypes {
  private final SourceRoots roots;
  private final CombinedTypeSolver solver;
  private final Map<String, Boolean> closed = new HashMap<>();
  private Optional<List<Path>> javaFiles;

  SourceTypes(SourceRoots roots) {
    this.roots = roots;
    // a library's type is not resolved at all: only the sources and the JDK, so "not found" means "not in the sources"
    this.solver = new CombinedTypeSolver(e -> true, new ReflectionTypeSolver(true));
    ParserConfiguration configuration = new ParserConfiguration().setLanguageLevel(LanguageLevels.newest())
        .setSymbolResolver(new JavaSymbolSolver(solver));
    for (Path root : roots.roots()) {
      solver.add(new JavaParserTypeSolver(root, configuration));
    }
  }

  /** A method the harness could look up: {@code parameters} as {@code Method.getParameterCount()} counts them. */
  record Method(String name, int parameters, boolean isPublic, boolean isStatic, ResolvedMethodDeclaration declaration) {
    String signature() {
      return name + "(" + parameters + ")";
    }
  }

  /**
   * @param unseen why these may not be all there are (an ancestor outside the sources, Lombok); null
   *     when they are
   * @param ancestors the qualified names of every type in the hierarchy, the type's own included
   */
  record Members(String unseen, List<Method> methods, List<ResolvedFieldDeclaration> publicFields,
      Set<String> ancestors) {
    boolean complete() {
      return unseen == null;
    }

    List<Method> named(String name, int parameters) {
      return methods.stream().filter(m -> m.name().equals(name) && m.parameters() == parameters).toList();
    }

    Optional<Method> publicMethod(String name, int parameters) {
      return named(name, parameters).stream().filter(Method::isPublic).findFirst();
    }

    Optional<ResolvedFieldDeclaration> publicField(String name) {
      return publicFields.stream().filter(f -> f.getName().equals(name)).findFirst();
    }
  }

  /**
   * The type of that name when the sources declare it, once: a type in two roots (a module's copy)
   * could be either at run time, so it is not used to prove anything.
   */
  Optional<ResolvedReferenceTypeDeclaration> sourceType(String qualifiedName) {
    try {
      SymbolReference<ResolvedReferenceTypeDeclaration> found = solver.tryToSolveType(qualifiedName);
      return found.isSolved() ? Optional.of(found.getCorrespondingDeclaration()).filter(this::fromSourcesOnce)
          : Optional.empty();
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  /** The declaration of a method's return type or a field's type, when it is a type of the sources. */
  Optional<ResolvedReferenceTypeDeclaration> sourceType(ResolvedType type) {
    try {
      if (!type.isReferenceType()) {
        return Optional.empty();
      }
      return type.asReferenceType().getTypeDeclaration().filter(this::fromSourcesOnce);
    } catch (RuntimeException | StackOverflowError e) {
      return Optional.empty();
    }
  }

  private boolean fromSourcesOnce(ResolvedReferenceTypeDeclaration type) {
    Optional<Path> file = type.toAst().flatMap(Node::findCompilationUnit).flatMap(CompilationUnit::getStorage)
        .map(storage -> storage.getPath().toAbsolutePath().normalize());
    if (file.isEmpty()) {
      return false;
    }
    for (Path root : roots.roots()) {
      if (file.get().startsWith(root)) {
        Path relative = root.relativize(file.get());
        return roots.roots().stream().filter(r -> Files.isRegularFile(r.resolve(relative))).count() == 1;
      }
    }
    return false;
  }

  /** The public methods and fields of the type and its ancestors, {@code Object}'s included. */
  Members members(ResolvedReferenceTypeDeclaration type) {
    String unseen = null;
    List<Method> methods = new ArrayList<>();
    List<ResolvedFieldDeclaration> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<ResolvedReferenceTypeDeclaration> pending = new ArrayDeque<>(List.of(type));
    reflected("java.lang.Object").ifPresent(pending::add); // an interface's object is still an Object
    while (!pending.isEmpty()) {
      ResolvedReferenceTypeDeclaration next = pending.pop();
      if (!seen.add(next.getQualifiedName())) {
        continue;
      }
      try {
        if (next.toAst().flatMap(Node::findCompilationUnit).map(SourceTypes::usesLombok).orElse(false)) {
          unseen = "Lombok writes methods its source does not show"; // @Getter, @Data, @Delegate
        }
        boolean inInterface = next.isInterface();
        for (ResolvedMethodDeclaration method : next.getDeclaredMethods()) {
          boolean isPublic = method.accessSpecifier() == com.github.javaparser.ast.AccessSpecifier.PUBLIC
              || inInterface && method.accessSpecifier() == com.github.javaparser.ast.AccessSpecifier.NONE;
          methods.add(new Method(method.getName(), method.getNumberOfParams(), isPublic, method.isStatic(), method));
        }
        if (next.isEnum()) { // the compiler's: not declared in the source
          methods.add(new Method("values", 0, true, true, null));
          methods.add(new Method("valueOf", 1, true, true, null));
        }
        for (ResolvedFieldDeclaration field : next.getDeclaredFields()) {
          if (field.accessSpecifier() == com.github.javaparser.ast.AccessSpecifier.PUBLIC || inInterface) {
            fields.add(field);
          }
        }
        for (ResolvedReferenceType ancestor : next.getAncestors(false)) {
          Optional<ResolvedReferenceTypeDeclaration> declaration = ancestor.getTypeDeclaration();
          if (declaration.isEmpty()) {
            unseen = "ancestors outside the sources";
          } else {
            pending.add(declaration.get());
          }
        }
      } catch (RuntimeException | StackOverflowError e) {
        unseen = "ancestors outside the sources"; // a library's class, or a declaration the solver cannot read
      }
    }
    return new Members(unseen, methods, fields, seen);
  }

  private Optional<ResolvedReferenceTypeDeclaration> reflected(String qualifiedName) {
    try {
      SymbolReference<ResolvedReferenceTypeDeclaration> found = solver.tryToSolveType(qualifiedName);
      return found.isSolved() ? Optional.of(found.getCorrespondingDeclaration()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean usesLombok(CompilationUnit unit) {
    return unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("lombok"))
        || unit.findAll(AnnotationExpr.class).stream().anyMatch(a -> a.getNameAsString().startsWith("lombok."));
  }

  /**
   * Whether an object whose declared type is this one is of this very class at run time, so that the
   * members are the object's: a final class, a record, an enum without constant bodies, or a class or
   * interface that no type of the sources extends or implements and no anonymous class subclasses
   * (matched by simple name, which can only say "not closed" too often). Anything unreadable: not closed.
   */
  boolean closed(ResolvedReferenceTypeDeclaration type) {
    return closed.computeIfAbsent(type.getQualifiedName(), name -> isClosed(type));
  }

  private boolean isClosed(ResolvedReferenceTypeDeclaration type) {
    Optional<Node> node = type.toAst();
    if (node.isEmpty()) {
      return false;
    }
    if (node.get() instanceof RecordDeclaration) {
      return true;
    }
    if (node.get() instanceof EnumDeclaration declaration) {
      return declaration.getEntries().stream().allMatch(entry -> entry.getClassBody().isEmpty());
    }
    if (node.get() instanceof ClassOrInterfaceDeclaration declaration && !declaration.isInterface()
        && declaration.isFinal()) {
      return true;
    }
    if (javaFiles == null) {
      javaFiles = roots.javaFiles();
    }
    if (javaFiles.isEmpty()) {
      return false;
    }
    String simpleName = type.getName();
    Pattern mentioned = Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b");
    for (Path file : javaFiles.get()) {
      String text;
      try {
        text = Decoded.of(Files.readAllBytes(file)).text();
      } catch (IOException e) {
        return false;
      }
      if (!mentioned.matcher(text).find()) {
        continue;
      }
      Optional<CompilationUnit> unit = LanguageLevels.parse(text);
      if (unit.isEmpty() || extendsOrSubclasses(unit.get(), simpleName)) {
        return false;
      }
    }
    return true;
  }

  private static boolean extendsOrSubclasses(CompilationUnit unit, String simpleName) {
    for (ClassOrInterfaceDeclaration declaration : unit.findAll(ClassOrInterfaceDeclaration.class)) {
      if (names(declaration.getExtendedTypes(), simpleName) || names(declaration.getImplementedTypes(), simpleName)) {
        return true;
      }
    }
    for (RecordDeclaration declaration : unit.findAll(RecordDeclaration.class)) {
      if (names(declaration.getImplementedTypes(), simpleName)) {
        return true;
      }
    }
    for (EnumDeclaration declaration : unit.findAll(EnumDeclaration.class)) {
      if (names(declaration.getImplementedTypes(), simpleName)) {
        return true;
      }
    }
    return unit.findAll(ObjectCreationExpr.class).stream()
        .anyMatch(creation -> creation.getAnonymousClassBody().isPresent()
            && creation.getType().getNameAsString().equals(simpleName));
  }

  private static boolean names(List<ClassOrInterfaceType> types, String simpleName) {
    return types.stream().anyMatch(type -> type.getNameAsString().equals(simpleName));
  }
}
