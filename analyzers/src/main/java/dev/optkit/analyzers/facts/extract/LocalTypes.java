package dev.optkit.analyzers.facts.extract;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.types.ArgumentKinds;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.types.TypeParameterBounds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The types of a method's names from declarations alone: its locals, parameters and the fields of
 * its class, the receivers of its calls (builders, static factories, casts), and the initializers of
 * the locals never reassigned. The symbol solver is asked only about the calls this leaves open.
 */
public final class LocalTypes {
  /** Builder calls that set a request's HTTP method. */
  private static final Set<String> VERB_SETTERS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "method");

  /** Each local's and parameter's qualified type, by name. */
  public final Map<String, String> types = new HashMap<>();
  /** The initializer of each local that is never reassigned, by name. */
  public final Map<String, Expression> initializers = new HashMap<>();
  private final MethodScan m;
  private final CallableDeclaration<?> callable;
  private final FileScan file;
  private final String owner;

  public final FieldScopes fieldScopes;

  public LocalTypes(MethodScan m) {
    this.m = m;
    this.callable = m.callable;
    this.file = m.file;
    this.owner = m.owner;
    this.fieldScopes = new FieldScopes(m.file);
  }

  public void collect() {
    Set<String> reassigned = new HashSet<>();
    for (AssignExpr assign : m.nodes.assignments) {
      if (assign.getTarget() instanceof NameExpr target) {
        reassigned.add(target.getNameAsString());
      }
    }
    // b.DELETE(); on a builder made as HttpRequest.newBuilder(uri).GET(): its initializer no longer tells what it holds
    for (MethodCallExpr call : m.nodes.ownCalls) {
      if (call.getParentNode().orElse(null) instanceof com.github.javaparser.ast.stmt.ExpressionStmt
          && call.getScope().orElse(null) instanceof NameExpr receiver && VERB_SETTERS.contains(call.getNameAsString())) {
        reassigned.add(receiver.getNameAsString());
      }
    }
    // two locals of one name in sibling scopes (String jpql in each branch): a use may mean either (hostile review
    // 48's H5: the first one's "select count(d)" was read for the second's "select d"), so neither tells its value
    Map<String, Long> declarations = m.nodes.variables.stream().collect(java.util.stream.Collectors.groupingBy(
        VariableDeclarator::getNameAsString, java.util.stream.Collectors.counting()));
    for (VariableDeclarator variable : m.nodes.variables) {
      String name = variable.getNameAsString();
      declared(name, variable.getType());
      if (!reassigned.contains(name) && declarations.get(name) == 1) { // a reassigned local may hold any of its values
        variable.getInitializer().ifPresent(init -> initializers.putIfAbsent(name, init));
      }
      if (variable.getType().isVarType()) {
        variable.getInitializer().flatMap(this::syntacticTypeOfInitializer).ifPresent(t -> types.putIfAbsent(name, t));
      } else {
        types.putIfAbsent(name, declaredType(variable, variable.getType()));
      }
    }
    for (Parameter parameter : m.nodes.parameters) {
      declared(parameter.getNameAsString(), parameter.getType());
      if (!parameter.getType().isUnknownType() && !parameter.getType().isVarType()) {
        types.putIfAbsent(parameter.getNameAsString(), declaredType(parameter, parameter.getType()));
      } else if (parameter.getType().isUnknownType()) {
        handedType(parameter).ifPresent(type -> types.putIfAbsent(parameter.getNameAsString(), type));
      }
    }
    // if (repo instanceof ProductRepository r) r.save(p); case ProductRepository r -> r.save(p)
    for (com.github.javaparser.ast.expr.TypePatternExpr pattern : m.nodes.typePatterns) {
      declared(pattern.getNameAsString(), pattern.getType());
      types.putIfAbsent(pattern.getNameAsString(), declaredType(pattern, pattern.getType()));
    }
  }

  /** Notes a name's declared type as written ({@link #typeAt}: a name declared with two types is told by scope). */
  private void declared(String name, com.github.javaparser.ast.type.Type type) {
    writtenTypes.computeIfAbsent(name, k -> new HashSet<>(2)).add(type.asString());
  }

  /** Each local's and parameter's types as written, by name. */
  private final Map<String, Set<String>> writtenTypes = new HashMap<>();

  /**
   * The type of a lambda's one untyped parameter where its class declares what the lambda is handed to: a method of
   * the class, of that name and arity, whose parameter there is a type of one type argument ({@code Handler<SQLConnection>},
   * {@code Consumer<Order>}): the lambda takes that argument ({@code connHandler(h, connection -> connection.query(..))}).
   * Nothing where the class declares no such method, or several.
   */
  private java.util.Optional<String> handedType(Parameter parameter) {
    if (!(parameter.getParentNode().orElse(null) instanceof LambdaExpr lambda) || lambda.getParameters().size() != 1
        || !(lambda.getParentNode().orElse(null) instanceof MethodCallExpr call) || call.getScope().isPresent()
        && !(call.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr)) {
      return java.util.Optional.empty();
    }
    int at = call.getArguments().indexOf(lambda);
    java.util.Optional<com.github.javaparser.ast.body.TypeDeclaration> owner =
        call.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class);
    if (at < 0 || owner.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<com.github.javaparser.ast.body.MethodDeclaration> declared = ((com.github.javaparser.ast.body.TypeDeclaration<?>)
        owner.get()).getMethodsByName(call.getNameAsString()).stream()
        .filter(method -> method.getParameters().size() == call.getArguments().size()).toList();
    if (declared.size() != 1) {
      return java.util.Optional.empty();
    }
    Parameter handedTo = declared.get(0).getParameter(at);
    if (!(handedTo.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType functional)
        || functional.getTypeArguments().map(List::size).orElse(0) != 1) {
      return java.util.Optional.empty();
    }
    com.github.javaparser.ast.type.Type argument = functional.getTypeArguments().get().get(0);
    if (!(argument instanceof com.github.javaparser.ast.type.ClassOrInterfaceType)
        || declared.get(0).getTypeParameters().stream().anyMatch(t -> t.getNameAsString().equals(argument.asString()))) {
      return java.util.Optional.empty(); // a wildcard, a type variable: not one type
    }
    // the name holds one type in the method: another lambda's or local's of that name would take it too
    String name = parameter.getNameAsString();
    if (m.nodes.parameters.stream().filter(p -> p.getNameAsString().equals(name)).count() > 1
        || m.nodes.variables.stream().anyMatch(v -> v.getNameAsString().equals(name))) {
      return java.util.Optional.empty();
    }
    return takesItsTypeArgument(functional) ? java.util.Optional.of(declaredType(handedTo, argument))
        : java.util.Optional.empty();
  }

  /**
   * Whether the functional type's one abstract method takes its one type argument ({@code Handler<E>}'s
   * {@code handle(E)}), where the solver reads the type: not one that answers it ({@code Work<R>}'s {@code R run(Batch)}).
   */
  private static boolean takesItsTypeArgument(com.github.javaparser.ast.type.ClassOrInterfaceType functional) {
    try {
      var declaration = functional.resolve().asReferenceType().getTypeDeclaration().orElse(null);
      if (declaration == null || declaration.getTypeParameters().size() != 1) {
        return false;
      }
      String variable = declaration.getTypeParameters().get(0).getName();
      List<com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration> abstracts = declaration
          .getDeclaredMethods().stream().filter(com.github.javaparser.resolution.declarations.ResolvedMethodDeclaration::isAbstract)
          .toList();
      return abstracts.size() == 1 && abstracts.get(0).getNumberOfParams() == 1
          && abstracts.get(0).getParam(0).getType().isTypeVariable()
          && abstracts.get(0).getParam(0).getType().asTypeParameter().getName().equals(variable);
    } catch (RuntimeException | StackOverflowError unresolved) {
      // the solver cannot read the type (its argument is in no jar here): taken as a handler of it, the callback style
      // such a class declares (Handler<SQLConnection>); a callback answering it instead is a miss of this reading
      return true;
    }
  }

  /**
   * The type of the local or parameter of this name at the use: the one the method declares, or, where it declares the
   * name more than once with different types (two loops' {@code p}, one a {@code Long}, one a {@code Pet}), the one in
   * scope at the use; null when that is not told. (The first declaration's type was taken for every use: a blind
   * review's loops lost their constructor and their query, and migrate cached a method whose write it missed.)
   */
  public String typeAt(String name, Node use) {
    if (writtenTypes.getOrDefault(name, Set.of()).size() < 2) {
      return types.get(name);
    }
    return dev.optkit.analyzers.facts.values.NameScopes.typeInScope(name, use)
        .map(written -> declaredType(written.getParentNode().orElse(use), written)).orElse(null);
  }

  /** A local's or parameter's type as written, or the bound of the type variable it names ({@code R r = repository}). */
  public String declaredType(Node declaration, com.github.javaparser.ast.type.Type written) {
    return TypeParameterBounds.boundAt(declaration, written).map(bound -> file.names.qualify(bound).name())
        .orElseGet(() -> file.names.qualify(written).name());
  }

  private Optional<String> syntacticTypeOfInitializer(Expression init) {
    if (init instanceof ObjectCreationExpr creation) {
      return Optional.of(file.names.qualify(creation.getType()).name());
    }
    if (init instanceof CastExpr cast) {
      return Optional.of(file.names.qualify(cast.getType()).name());
    }
    if (init instanceof MethodCallExpr call && call.getScope().orElse(null) instanceof NameExpr scope
        && Character.isUpperCase(scope.getNameAsString().charAt(0))
        && !types.containsKey(scope.getNameAsString())) {
      // static factories mostly return their own type: HttpClient.newHttpClient(), RestClient.create()
      return Optional.of(file.names.qualify(scope.getNameAsString()).name());
    }
    if (init instanceof MethodCallExpr build && build.getNameAsString().equals("build")) {
      // S3Client.builder().region(r).build(): a builder chain rooted at a type's builder() builds that type
      Expression link = build;
      while (link instanceof MethodCallExpr call && call.getScope().isPresent()) {
        if (call.getNameAsString().equals("builder") && call.getScope().get() instanceof NameExpr type
            && Character.isUpperCase(type.getNameAsString().charAt(0))
            && !types.containsKey(type.getNameAsString())) {
          return Optional.of(file.names.qualify(type.getNameAsString()).name());
        }
        link = call.getScope().get();
      }
    }
    return Optional.empty();
  }

  /** Providers' getters: what they hand back is an object of their type argument. */
  private static final java.util.Set<String> PROVIDER_GETS = java.util.Set.of("getObject", "getIfAvailable",
      "getIfUnique", "get");
  private static final java.util.Set<String> PROVIDERS = java.util.Set.of("ObjectProvider", "ObjectFactory",
      "Provider");

  /**
   * The type of what a call hands back unchanged: {@code Objects.requireNonNull(service)} is the service, and
   * {@code provider.getObject()} on an {@code ObjectProvider<IdService>} an IdService (hostile review 37's v1, v3: a
   * holder changing the cached map it got that way); null for any other call.
   */
  private TypeNames.Qualified passedThrough(com.github.javaparser.ast.expr.MethodCallExpr call) {
    String name = call.getNameAsString();
    Expression on = call.getScope().orElse(null);
    if (name.equals("requireNonNull") && call.getArguments().isNonEmpty() && on != null
        && (on.toString().equals("Objects") || on.toString().equals("java.util.Objects"))) {
      return syntacticType(call.getArgument(0));
    }
    if (!PROVIDER_GETS.contains(name) || call.getArguments().isNonEmpty() || !(on instanceof NameExpr provider)) {
      return null;
    }
    com.github.javaparser.ast.type.Type declared = dev.optkit.analyzers.facts.values.ForeignFieldWrites.declaredType(provider);
    if (declared instanceof ClassOrInterfaceType written && PROVIDERS.contains(written.getNameAsString())
        && written.getTypeArguments().map(a -> a.size() == 1).orElse(false)) {
      return file.names.qualify(written.getTypeArguments().get().get(0));
    }
    return null;
  }

  /** The receiver's qualified type from declarations alone, with how sure that is. */
  public TypeNames.Qualified syntacticType(Expression scope) {
    if (scope instanceof EnclosedExpr enclosed) {
      return syntacticType(enclosed.getInner());
    }
    if (scope instanceof CastExpr cast) {
      return file.names.qualify(cast.getType());
    }
    if (scope instanceof TypeExpr typeExpr && typeExpr.getType() instanceof ClassOrInterfaceType written
        && written.getScope().isEmpty()) {
      // the parser cannot tell `products::find` (a variable) from `Products::find` (a type)
      return syntacticType(new NameExpr(written.getNameAsString()));
    }
    if (scope instanceof NameExpr name) {
      String variable = name.getNameAsString();
      if (types.containsKey(variable)) {
        String at = typeAt(variable, name);
        return at == null ? null : new TypeNames.Qualified(at, Confidence.HIGH);
      }
      String field;
      if (name.getParentNode().isPresent()) {
        FieldScopes.Lookup lookup = fieldScopes.lookup(name, variable);
        if (!lookup.owners().isEmpty() && Character.isUpperCase(variable.charAt(0)) && lookup.type() == null
            && !file.names.staticallyImportedByName(variable) && file.names.importedType(variable)) {
          // SecurityContextHolder.getContext() beside `import static shop.ErrorCodes.*;`: the type the file imports
          // by name, not a field an on-demand static import might bring (trial 80: the identity read went unseen);
          // nor one a superclass might declare, named like the imported type against every convention (a blind
          // trial's DAO extending a base class called DataAccessDriver.getInstance().newKarmaDAO() per row, unseen)
          return file.names.qualify(variable);
        }
        if (!lookup.owners().isEmpty()) {
          return null; // a field an enclosing class may inherit: the index looks it up (MethodCalls.inheritedField)
        }
        field = lookup.type();
      } else {
        field = fieldType(variable);
      }
      if (field != null) {
        return new TypeNames.Qualified(field, Confidence.HIGH);
      }
      if (Character.isUpperCase(variable.charAt(0))) {
        return file.names.qualify(variable);
      }
      return null;
    }
    if (scope instanceof FieldAccessExpr access) {
      if (access.getScope() instanceof ThisExpr) {
        String field = fieldType(access.getNameAsString());
        return field == null ? null : new TypeNames.Qualified(field, Confidence.HIGH);
      }
      if (Character.isUpperCase(access.getNameAsString().charAt(0))) {
        return file.names.qualify(access.toString());
      }
      return null;
    }
    if (scope instanceof com.github.javaparser.ast.expr.MethodCallExpr call) {
      TypeNames.Qualified passedThrough = passedThrough(call);
      if (passedThrough != null) {
        return passedThrough;
      }
    }
    if (scope instanceof ObjectCreationExpr creation) {
      return file.names.qualify(creation.getType());
    }
    if (scope instanceof ThisExpr) {
      return new TypeNames.Qualified(owner, Confidence.HIGH);
    }
    if (scope instanceof MethodCallExpr call) {
      return builtType(call);
    }
    return null;
  }

  /**
   * A connection narrowed to HttpURLConnection by an instanceof test: HTTP only when the URL
   * happens to be, as when a resource loader checks that a jar: or file: URL exists.
   */
  public boolean onlyIfHttp(Expression scope) {
    if (!(scope instanceof NameExpr name)) {
      return false;
    }
    Expression init = initializers.get(name.getNameAsString());
    if (init instanceof ConditionalExpr || init instanceof EnclosedExpr enclosed && enclosed.getInner() instanceof ConditionalExpr) {
      return true;
    }
    return m.nodes != null && m.nodes.typePatterns.stream().anyMatch(p -> p.getNameAsString().equals(name.getNameAsString()));
  }

  /** Builder idioms: X.builder() gives X.Builder, X.Builder.build() gives X, X.create() gives X. */
  private TypeNames.Qualified builtType(MethodCallExpr call) {
    String name = call.getNameAsString();
    Expression inner = call.getScope().orElse(null);
    if (inner == null) {
      return null;
    }
    boolean typeName = inner instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0))
        && !types.containsKey(n.getNameAsString()) && fieldType(n.getNameAsString()) == null;
    if (typeName && (name.equals("builder") || name.equals("newBuilder"))) {
      TypeNames.Qualified type = file.names.qualify(((NameExpr) inner).getNameAsString());
      return new TypeNames.Qualified(type.name() + ".Builder", Confidence.MEDIUM);
    }
    if (typeName && name.equals("create")) {
      return new TypeNames.Qualified(file.names.qualify(((NameExpr) inner).getNameAsString()).name(), Confidence.MEDIUM);
    }
    TypeNames.Qualified builder = syntacticType(inner);
    if (builder == null || !builder.name().endsWith(".Builder")
        || builder.name().startsWith("java.") && !name.equals("build")) {
      return null; // the JDK's builders' links stay as they were read (HttpRequest.Builder's verbs: VERB_SETTERS)
    }
    if (name.equals("build")) {
      return new TypeNames.Qualified(builder.name().substring(0, builder.name().length() - ".Builder".length()),
          Confidence.MEDIUM);
    }
    // Product.builder().name(n).price(p): a builder's setter answers the builder (trial 85's F6: Lombok's, which no
    // source declares, was read as the one project method of that name, another class's builder)
    return new TypeNames.Qualified(builder.name(), Confidence.LOW);
  }

  /** The qualified name of the type around the method (itself or an enclosing one) that declares the field. */
  public String fieldOwner(String name) {
    for (Node node = callable; node != null; node = node.getParentNode().orElse(null)) {
      if (node instanceof TypeDeclaration<?> type) {
        Map<String, String> fields = file.fieldsByType.get(file.qualifiedName(type));
        if (fields != null && fields.containsKey(name)) {
          return file.qualifiedName(type);
        }
      }
    }
    return null;
  }

  public String fieldType(String name) {
    Node node = callable;
    while (node != null) {
      if (node instanceof TypeDeclaration<?> type) {
        Map<String, String> fields = file.fieldsByType.get(file.qualifiedName(type));
        if (fields != null && fields.containsKey(name)) {
          return typeVariableBound(type, fields.get(name));
        }
      }
      node = node.getParentNode().orElse(null);
    }
    return null;
  }

  /**
   * {@code protected final R repository} in {@code AbstractService<E, R extends JpaRepository<E, Long>>}: a
   * field typed by a type variable of its class is of the variable's bound (TypeParameterBounds.chosen), whatever a subclass binds
   * it to (Technic47/Shop_data_model's services wrote through it unseen); the type as written otherwise.
   */
  private String typeVariableBound(TypeDeclaration<?> type, String fieldType) {
    if (!(type instanceof com.github.javaparser.ast.nodeTypes.NodeWithTypeParameters<?> generic)) {
      return fieldType;
    }
    String simple = fieldType.substring(fieldType.lastIndexOf('.') + 1);
    for (com.github.javaparser.ast.type.TypeParameter parameter : generic.getTypeParameters()) {
      if (parameter.getNameAsString().equals(simple) && parameter.getTypeBound().isNonEmpty()) {
        return file.names.qualify(TypeParameterBounds.chosen(parameter)).name();
      }
    }
    return fieldType;
  }

  /** Whether this body declares a local, parameter or pattern variable of this name anywhere. */
  public boolean declaresLocal(String name) {
    if (declaredNames == null) {
      declaredNames = new HashSet<>(types.keySet());
      callable.getParameters().forEach(p -> declaredNames.add(p.getNameAsString()));
      if (m.nodes != null) {
        m.nodes.variables.forEach(v -> declaredNames.add(v.getNameAsString()));
        m.nodes.parameters.forEach(p -> declaredNames.add(p.getNameAsString()));
        m.nodes.typePatterns.forEach(p -> declaredNames.add(p.getNameAsString()));
      }
    }
    return declaredNames.contains(name);
  }

  private Set<String> declaredNames;

  /** The names the method declares once, with their types: read when an argument is a name. */
  public Map<String, Node> namesDeclaredOnce() {
    if (namesDeclaredOnce == null) {
      List<Parameter> parameters = new ArrayList<>(callable.getParameters());
      if (m.nodes != null) {
        parameters.addAll(m.nodes.parameters);
      }
      namesDeclaredOnce = ArgumentKinds.declaredNames(parameters, m.nodes == null ? List.of() : m.nodes.variables,
          m.nodes == null ? List.of() : m.nodes.typePatterns);
    }
    return namesDeclaredOnce;
  }

  private Map<String, Node> namesDeclaredOnce;

  public boolean isLambdaParameter(NameExpr name) {
    for (Node parent = name.getParentNode().orElse(null); parent != null; parent = parent.getParentNode().orElse(null)) {
      if (parent instanceof LambdaExpr lambda
          && lambda.getParameters().stream().anyMatch(p -> p.getNameAsString().equals(name.getNameAsString()))) {
        return true;
      }
      if (parent == callable) {
        return false;
      }
    }
    return false;
  }

  /** Arguments, and the initializers of local variables they name, a few steps deep. */
  public List<Expression> traced(List<Expression> start) {
    List<Expression> result = new ArrayList<>();
    List<Expression> frontier = new ArrayList<>(start);
    Set<String> seen = new HashSet<>();
    for (int depth = 0; depth < 3 && !frontier.isEmpty(); depth++) {
      List<Expression> next = new ArrayList<>();
      for (Expression expression : frontier) {
        result.add(expression);
        for (NameExpr name : Subtrees.all(expression, NameExpr.class)) {
          String variable = name.getNameAsString();
          if (seen.add(variable) && initializers.containsKey(variable)) {
            next.add(initializers.get(variable));
          }
        }
      }
      frontier = next;
    }
    return result;
  }
}
