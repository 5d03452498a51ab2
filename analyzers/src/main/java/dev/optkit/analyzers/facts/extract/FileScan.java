package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.ClientSignature;
import dev.optkit.analyzers.facts.BodyNodes;
import dev.optkit.analyzers.facts.ExistingCacheFact;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.PreOrder;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.SourceText;
import dev.optkit.analyzers.facts.Subtrees;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.sites.ConstantStrings;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import dev.optkit.analyzers.facts.types.FieldReceivers;
import dev.optkit.analyzers.facts.types.ReceiverResolver;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.values.Creations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The work on one file: one walk of its tree gathers what every pass needs, then its types are
 * described and each method is handed to a {@link MethodScan}. Holds what the file's methods share.
 */
public final class FileScan {
  final String path;
  final CompilationUnit unit;
  public final SourceText text;
  public final TypeNames names;
  public final ClientCatalog catalog;
  public final ReceiverResolver resolver;
  public final boolean importsClientPackage;
  /** Calls on mocks are looked for only where Mockito is imported: the question is asked of every call. */
  public final boolean importsMockito;
  /** The text of literals, constants and concatenations of them. */
  public final ConstantStrings strings = new ConstantStrings();
  /** The values of annotation members. */
  public final AnnotationValues annotations;
  private final List<TypeFact> types = new ArrayList<>();
  public final Map<String, Map<String, String>> fieldsByType = new HashMap<>();
  public final List<ExistingCacheFact> caches = new ArrayList<>();
  public final Set<String> mutableFields = new HashSet<>();
  public final Set<String> staticMutableFields = new HashSet<>();
  // what the passes over the file need, from one walk of its tree
  private final List<FieldDeclaration> fields = new ArrayList<>();
  private final List<TypeDeclaration<?>> typeDeclarations = new ArrayList<>();
  private final List<CallableDeclaration<?>> callables = new ArrayList<>();
  private final List<Node> creations = new ArrayList<>(); // new T(...), enum constants, T.class handed to reflection
  private final Set<String> assigned = new HashSet<>(); // names assigned anywhere: such a field's initializer is no constant
  private final List<FileFacts.IterationCode> iterationCode = new ArrayList<>();
  public final FieldReceivers fieldReceivers = new FieldReceivers();
  /** By method name, the client this file's imports give it (a function of the imports and the name). */
  public final Map<String, Optional<ClientSignature>> importedClients = new HashMap<>();
  /** Per class of the file, the beans its fields are wired to by name. */
  public final Map<Node, Map<String, String>> qualifiers = new java.util.IdentityHashMap<>();
  /** Each method's and constructor's body, walked by the file's walk. */
  final Map<CallableDeclaration<?>, BodyNodes> bodyNodes = new IdentityHashMap<>();

  FileScan(String path, CompilationUnit unit, SourceText text, ClientCatalog catalog, ReceiverResolver resolver,
      Predicate<String> knownType, Predicate<String> dependencyType) {
    this.path = path;
    this.unit = unit;
    this.text = text;
    this.catalog = catalog;
    this.resolver = resolver;
    // one walk of the file; each method's and constructor's body is walked as its BodyNodes, which also
    // report their nodes here, so no body is walked twice
    PreOrder.walkPruned(unit, node -> {
      CallableDeclaration<?> callable = callableOfBody(node);
      if (callable == null) {
        noteFileNode(node);
        return true;
      }
      bodyNodes.put(callable, BodyNodes.of(node, this::noteFileNode));
      return false;
    });
    this.names = new TypeNames(unit, typeDeclarations, knownType, dependencyType);
    this.annotations = new AnnotationValues(names, strings);
    boolean clientImport = false;
    for (String imported : names.importedNames()) {
      String pkg = imported.contains(".") ? imported.substring(0, imported.lastIndexOf('.')) : imported;
      if (catalog.isClientPackage(pkg) || catalog.isClientPackage(imported)) {
        clientImport = true;
      }
    }
    this.importsClientPackage = clientImport;
    this.importsMockito = unit.getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("org.mockito"));
  }

  /** Gathers what the passes over the file need from one node, in the order findAll would give. */
  private void noteFileNode(Node node) {
    if (node instanceof AssignExpr assign) {
      Expression target = assign.getTarget();
      if (target instanceof NameExpr name) {
        assigned.add(name.getNameAsString());
      } else if (target instanceof FieldAccessExpr access) {
        assigned.add(access.getNameAsString());
      }
    }
    noteIterationCode(node);
    if (node instanceof FieldDeclaration field) {
      fields.add(field);
    } else if (node instanceof TypeDeclaration<?> type) {
      typeDeclarations.add(type);
    } else if (node instanceof CallableDeclaration<?> callable) {
      callables.add(callable);
    } else if (node instanceof ObjectCreationExpr || node instanceof EnumConstantDeclaration
        || node instanceof ClassExpr || node instanceof MethodReferenceExpr reference
            && reference.getIdentifier().equals("new")
        || node instanceof MethodCallExpr forName && forName.getNameAsString().equals("forName")) {
      creations.add(node);
    }
  }

  /**
   * Methods through which a JDK collection's or stream's traversal may hand its callback to other code: a class
   * declaring one may run the callback later (hostile reviews 87 and 89: forEach, a Spliterator's forEachRemaining,
   * an Iterator's forEachRemaining wrapped in a stream, a stream() of the class's own).
   */
  private static final Set<String> TRAVERSALS = Set.of("forEach", "forEachOrdered", "forEachRemaining", "tryAdvance",
      "spliterator", "stream", "parallelStream");

  /** Calls that make a proxy at run time, by name (a name alike is counted too, never missed). */
  private static final Set<String> PROXY_CALLS = Set.of("newProxyInstance", "getProxyClass", "getProxy", "newProxy",
      "createProxy", "proxy");

  /** A traversal declared in any class body, or a proxy made: see {@link FileFacts.IterationCode}. */
  private void noteIterationCode(Node node) {
    if (node instanceof MethodDeclaration method && TRAVERSALS.contains(method.getNameAsString())) {
      iterationCode.add(new FileFacts.IterationCode(method.getNameAsString() + " declared", SourceRange.of(method)));
    } else if (node instanceof MethodCallExpr call && PROXY_CALLS.contains(call.getNameAsString())
        || node instanceof MethodReferenceExpr reference && PROXY_CALLS.contains(reference.getIdentifier())
        || node instanceof MethodCallExpr create && create.getNameAsString().equals("create")
            && create.getScope().map(scope -> scope.toString().endsWith("Enhancer")).orElse(false)
        || node instanceof ObjectCreationExpr creation && proxyMaker(creation.getType().getNameAsString())) {
      iterationCode.add(new FileFacts.IterationCode("proxy made", SourceRange.of(node)));
    }
  }

  /** ProxyFactory, ProxyFactoryBean, AspectJProxyFactory, Enhancer, ByteBuddy: types that make proxies. */
  private static boolean proxyMaker(String simpleName) {
    return simpleName.contains("Proxy") || simpleName.equals("Enhancer") || simpleName.equals("ByteBuddy");
  }

  /** The method or constructor of a class (local classes too) whose body this node is; else null. */
  private static CallableDeclaration<?> callableOfBody(Node node) {
    if (node instanceof BlockStmt && node.getParentNode().orElse(null) instanceof CallableDeclaration<?> callable
        && callable.getParentNode().orElse(null) instanceof TypeDeclaration<?>
        && (callable instanceof MethodDeclaration method ? method.getBody().orElse(null) == node
            : callable instanceof ConstructorDeclaration constructor && constructor.getBody() == node)) {
      return callable;
    }
    return null;
  }

  FileFacts run(Runnable beforeEachMethod) {
    strings.collectConstants(fields, assigned, typeDeclarations);
    TypeDescriptions descriptions = new TypeDescriptions(this);
    for (TypeDeclaration<?> type : typeDeclarations) {
      types.add(descriptions.describe(type));
    }
    List<MethodFact> methods = new ArrayList<>();
    for (CallableDeclaration<?> callable : callables) {
      if (callable.getParentNode().orElse(null) instanceof TypeDeclaration<?>) {
        beforeEachMethod.run();
        methods.add(new MethodScan(callable, this).run());
      }
    }
    return new FileFacts(path, names.packageName(), text.lineCount(), List.copyOf(types), List.copyOf(methods),
        List.copyOf(caches), FileSuppressions.of(unit, text, annotations), Creations.of(creations, names),
        List.copyOf(iterationCode));
  }

  /** Asked for each field a method reads: JavaParser builds it from the type's ancestors each time. */
  private static final java.util.function.Function<TypeDeclaration<?>, Optional<String>> FULLY_QUALIFIED =
      TypeDeclaration::getFullyQualifiedName;

  public String qualifiedName(TypeDeclaration<?> type) {
    return Subtrees.answer(type, FULLY_QUALIFIED).orElseGet(() -> {
      String pkg = names.packageName();
      return pkg.isEmpty() ? type.getNameAsString() : pkg + "." + type.getNameAsString();
    });
  }
}
