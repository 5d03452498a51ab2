package dev.optkit.rewriters.loops;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a loop's RowMapper maps a row the same whenever it runs: batched, it maps every key's
 * row before the loop, in the database's order, once per row, where the original mapped each
 * element's row in its turn. That is the same only for a mapper without state: it changes nothing
 * (no counter, no field, no list it adds to) and reads nothing the loop changes (a local the body
 * fills). Spring's own mappers qualify; a lambda, method reference or project mapper class is
 * read: its writes, the names it reads, and the project methods it calls.
 */
final class RowMapperProof {
  /** Spring's mappers: they keep nothing from one row to the next. */
  private static final Set<String> SPRING_MAPPERS = Set.of("BeanPropertyRowMapper", "DataClassRowMapper",
      "ColumnMapRowMapper", "SingleColumnRowMapper");

  private final ProjectIndex index;
  private final LoopSites sites;

  RowMapperProof(ProjectIndex index, LoopSites sites) {
    this.index = index;
    this.sites = sites;
  }

  /** Why the mapper may map differently ahead of the loop; empty when it maps alike. */
  Optional<String> problem(CallableDeclaration<?> method, Expression mapper) {
    String ownerType = owner(method);
    if (mapper instanceof LambdaExpr lambda) {
      return lambdaProblem(method, lambda, ownerType);
    }
    if (mapper instanceof MethodReferenceExpr reference) {
      if (!(reference.getScope() instanceof ThisExpr || reference.getScope() instanceof TypeExpr)) {
        return Optional.of("it is " + reference + ", a method of an object optkit cannot follow");
      }
      if (reference.getScope() instanceof TypeExpr typeExpr) {
        return projectMethods(null, LoopSites.simple(typeExpr.getType().asString()), reference.getIdentifier(), false,
            mapper.toString());
      }
      return projectMethods(ownerType, null, reference.getIdentifier(), false, mapper.toString());
    }
    if (mapper instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
      return anonymousProblem(method, creation, ownerType);
    }
    if (mapper instanceof ObjectCreationExpr creation) {
      if (creation.getAnonymousClassBody().isPresent()
          || !creation.getArguments().stream().allMatch(a -> a instanceof ClassExpr || a instanceof LiteralExpr)) {
        return Optional.of("it is " + creation + ", made from values optkit cannot show are the same each time");
      }
      return mapperClass(creation.getType().getNameAsString(), mapper.toString());
    }
    if (mapper instanceof MethodCallExpr factory && factory.getNameAsString().equals("newInstance")
        && factory.getScope().filter(s -> SPRING_MAPPERS.contains(s.toString())).isPresent()
        && factory.getArguments().stream().allMatch(a -> a instanceof ClassExpr)) {
      return Optional.empty(); // BeanPropertyRowMapper.newInstance(Parcel.class)
    }
    String field = mapper instanceof NameExpr name ? name.getNameAsString()
        : mapper instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr ? access.getNameAsString() : null;
    Optional<VariableDeclarator> declared = field == null ? Optional.empty() : fieldNamed(method, field);
    if (declared.isEmpty() || !declared.get().findAncestor(FieldDeclaration.class).map(FieldDeclaration::isFinal)
        .orElse(false)) {
      return Optional.of("it is " + mapper + ", not a final field of the class optkit can read");
    }
    Optional<Expression> initializer = declared.get().getInitializer();
    if (initializer.isPresent()) {
      return problem(method, initializer.get());
    }
    return mapperClass(LoopSites.simple(declared.get().getType().asString()), mapper.toString());
  }

  /**
   * Why {@code query(sql, x, key)}'s x may be no RowMapper: in the same place {@code query} takes a
   * ResultSetExtractor, a RowCallbackHandler or a PreparedStatementSetter, and answers otherwise
   * than with a list of mapped rows. A RowMapper is a lambda of two parameters, a method reference
   * to a project method of two (an instance method on this, or a static one), Spring's mappers, a
   * project class with a mapRow and none of the others' methods, or a final field of one.
   */
  Optional<String> kindProblem(CallableDeclaration<?> method, Expression mapper) {
    if (mapper instanceof LambdaExpr lambda) {
      return lambda.getParameters().size() == 2 ? Optional.empty() : Optional.of("it is a lambda of "
          + lambda.getParameters().size() + " parameter(s), a ResultSetExtractor, RowCallbackHandler or "
          + "PreparedStatementSetter, not a RowMapper of (row, number)");
    }
    if (mapper instanceof MethodReferenceExpr reference) {
      String ownerType = owner(method);
      List<IndexedMethod> named = index.methodsNamed(reference.getIdentifier()).stream()
          .filter(m -> reference.getScope() instanceof ThisExpr ? m.fact().ownerType().equals(ownerType)
              : reference.getScope() instanceof TypeExpr type && m.fact().isStatic()
                  && LoopSites.simple(m.fact().ownerType()).equals(LoopSites.simple(type.getType().asString())))
          .toList();
      return !named.isEmpty() && named.stream().allMatch(m -> m.fact().params().size() == 2) ? Optional.empty()
          : Optional.of("it is " + reference + ", which optkit cannot show is a RowMapper's mapRow(ResultSet, int)");
    }
    if (mapper instanceof ObjectCreationExpr creation) {
      return creation.getAnonymousClassBody().isPresent() && creation.getType().getNameAsString().equals("RowMapper")
          ? Optional.empty() : mapperType(creation.getType().getNameAsString(), mapper.toString());
    }
    if (mapper instanceof MethodCallExpr factory && factory.getNameAsString().equals("newInstance")
        && factory.getScope().filter(s -> SPRING_MAPPERS.contains(s.toString())).isPresent()) {
      return Optional.empty();
    }
    String field = mapper instanceof NameExpr name ? name.getNameAsString()
        : mapper instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr ? access.getNameAsString() : null;
    Optional<VariableDeclarator> declared = field == null ? Optional.empty() : fieldNamed(method, field);
    if (declared.isEmpty()) {
      return Optional.of("it is " + mapper + ", which optkit cannot show is a RowMapper");
    }
    String type = LoopSites.simple(declared.get().getType().asString());
    if (type.equals("RowMapper")) {
      return Optional.empty();
    }
    if (Set.of("ResultSetExtractor", "RowCallbackHandler", "PreparedStatementSetter").contains(type)) {
      return Optional.of("it is " + mapper + ", a " + type);
    }
    return declared.get().getInitializer().map(value -> kindProblem(method, value))
        .orElseGet(() -> mapperType(type, mapper.toString()));
  }

  /** Spring's mappers, or a project class with a mapRow and no method of the other callbacks. */
  private Optional<String> mapperType(String simpleName, String shown) {
    if (SPRING_MAPPERS.contains(simpleName)) {
      return Optional.empty();
    }
    java.util.function.Predicate<String> declares = name -> index.methodsNamed(name).stream()
        .anyMatch(m -> LoopSites.simple(m.fact().ownerType()).equals(simpleName));
    return declares.test("mapRow") && !declares.test("extractData") && !declares.test("processRow")
        && !declares.test("setValues") ? Optional.empty()
        : Optional.of("it is " + shown + ", which optkit cannot show is a RowMapper");
  }

  private Optional<String> lambdaProblem(CallableDeclaration<?> method, LambdaExpr lambda, String ownerType) {
    return statelessProblem(method, lambda, lambda.getBody(), ownerType);
  }

  /**
   * An anonymous mapper ({@code new BeanPropertyRowMapper<Integer>() { public Integer mapRow(...) {...} }}):
   * of Spring's mappers or RowMapper itself, made without arguments, with a mapRow of its own and
   * nothing else (no field, no other method), which calls nothing of its class or the one it
   * extends and is held to what a lambda is.
   */
  private Optional<String> anonymousProblem(CallableDeclaration<?> method, ObjectCreationExpr creation,
      String ownerType) {
    String type = creation.getType().getNameAsString();
    List<com.github.javaparser.ast.body.BodyDeclaration<?>> members = creation.getAnonymousClassBody().get();
    if (!(SPRING_MAPPERS.contains(type) || type.equals("RowMapper")) || !creation.getArguments().isEmpty()
        || members.size() != 1 || !(members.get(0) instanceof com.github.javaparser.ast.body.MethodDeclaration mapRow)
        || !mapRow.getNameAsString().equals("mapRow") || mapRow.getParameters().size() != 2
        || mapRow.getBody().isEmpty()) {
      return Optional.of("it is an anonymous " + type + " with more than a mapRow of its own over Spring's "
          + "mapper (a field, another method, constructor arguments, a project superclass), which optkit does not "
          + "read");
    }
    for (MethodCallExpr call : mapRow.findAll(MethodCallExpr.class)) {
      Expression scope = call.getScope().orElse(null);
      if (scope == null || scope instanceof ThisExpr || scope instanceof com.github.javaparser.ast.expr.SuperExpr) {
        return Optional.of("its mapRow calls " + call + ", a method of the anonymous class or of " + type
            + ", which optkit does not read");
      }
    }
    return statelessProblem(method, mapRow, mapRow.getBody().get(), ownerType);
  }

  /** What a mapper's code (a lambda, an anonymous class's mapRow) changes or reads that makes it map otherwise ahead. */
  private Optional<String> statelessProblem(CallableDeclaration<?> method, Node mapper, Node body, String ownerType) {
    Set<String> own = new HashSet<>();
    mapper.findAll(VariableDeclarator.class).forEach(v -> own.add(v.getNameAsString()));
    mapper.findAll(com.github.javaparser.ast.body.Parameter.class).forEach(p -> own.add(p.getNameAsString()));
    for (Node node : body.findAll(Node.class)) {
      if (node instanceof AssignExpr assign && !(assign.getTarget() instanceof NameExpr target
          && own.contains(target.getNameAsString()))
          || node instanceof UnaryExpr unary && (unary.getOperator().name().contains("CREMENT"))
          && !(unary.getExpression() instanceof NameExpr target && own.contains(target.getNameAsString()))) {
        return Optional.of("it changes " + node + ": mapped ahead, in the database's order, it would count otherwise");
      }
      if (node instanceof NameExpr name && !own.contains(name.getNameAsString())
          && LoadAheadProof.declaredIn(method, name.getNameAsString())) {
        return Optional.of("it reads " + name + ", a local of " + method.getNameAsString() + "() that may change "
            + "while the loop runs: mapped ahead, it would read it before");
      }
    }
    for (MethodCallExpr call : body.findAll(MethodCallExpr.class)) {
      Expression scope = call.getScope().orElse(null);
      while (scope instanceof MethodCallExpr inner) {
        scope = inner.getScope().orElse(null);
      }
      if (scope instanceof NameExpr name && own.contains(name.getNameAsString())) {
        continue; // rs.getString("name"), and what is read from it
      }
      if (scope == null || scope instanceof ThisExpr) {
        Optional<String> why = projectMethods(ownerType, null, call.getNameAsString(), false, call.toString());
        if (why.isPresent()) {
          return why;
        }
        continue;
      }
      String typeName = scope instanceof NameExpr type && Character.isUpperCase(type.getNameAsString().charAt(0))
          && fieldNamed(method, type.getNameAsString()).isEmpty() ? type.getNameAsString()
          : scope instanceof FieldAccessExpr qualified && qualifiedTypeName(qualified) ? qualified.getNameAsString() : null;
      if (typeName != null) {
        Optional<String> why = projectMethods(null, typeName, call.getNameAsString(), false, call.toString());
        if (why.isPresent()) {
          return why;
        }
        continue; // Kind.valueOf(s), Long.valueOf(s): a static method, pure unless the project's says otherwise
      }
      if (LoadAheadProof.READS.contains(call.getNameAsString())) {
        continue; // FORMAT.format(x), names.get(code): a read of what the mapper is given
      }
      return Optional.of("it calls " + call + ", on an object optkit cannot show keeps nothing from one row to the next");
    }
    for (ObjectCreationExpr creation : body.findAll(ObjectCreationExpr.class)) {
      for (IndexedMethod constructor : index.methodsNamed(creation.getType().getNameAsString())) {
        if (constructor.fact().isConstructor()) {
          Optional<String> why = sites.projectCallProblem(constructor, true, 3);
          if (why.isPresent()) {
            return Optional.of("it makes " + creation.getType() + ", whose constructor " + why.get());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The project methods of that name on the owner (or on the type named), each one that changes nothing. */
  private Optional<String> projectMethods(String ownerType, String typeName, String name, boolean receiverFresh,
      String shown) {
    List<IndexedMethod> methods = index.methodsNamed(name).stream()
        .filter(m -> ownerType != null ? m.fact().ownerType().equals(ownerType)
            : LoopSites.simple(m.fact().ownerType()).equals(typeName))
        .toList();
    for (IndexedMethod target : methods) {
      Optional<String> why = sites.projectCallProblem(target, receiverFresh, 3);
      if (why.isPresent()) {
        return Optional.of("it calls " + shown + ": " + target.fact().displayName() + "() " + why.get());
      }
    }
    if (methods.isEmpty() && ownerType != null) {
      return Optional.of("it calls " + shown + ", which optkit cannot find in the project");
    }
    return Optional.empty();
  }

  /** A mapper class: Spring's, or the project's whose mapRow changes nothing. */
  private Optional<String> mapperClass(String simpleName, String shown) {
    if (SPRING_MAPPERS.contains(simpleName)) {
      return Optional.empty();
    }
    List<IndexedMethod> mapRows = index.methodsNamed("mapRow").stream()
        .filter(m -> LoopSites.simple(m.fact().ownerType()).equals(simpleName)).toList();
    if (mapRows.isEmpty()) {
      return Optional.of("it is " + shown + ", a mapper whose mapRow optkit cannot read");
    }
    for (IndexedMethod mapRow : mapRows) {
      // what mapRow reads from its ResultSet is the row's own values: a bean it makes and fills with them is its own
      Optional<String> why = sites.projectCallProblem(mapRow, false, Set.of(), Set.of(0), 3);
      if (why.isPresent()) {
        return Optional.of("it is " + shown + ", whose mapRow " + why.get());
      }
    }
    return Optional.empty();
  }

  /** {@code java.util.Objects}: lower-case package names ending in an upper-case type name. */
  private static boolean qualifiedTypeName(FieldAccessExpr access) {
    Expression at = access.getScope();
    while (at instanceof FieldAccessExpr inner) {
      at = inner.getScope();
    }
    return Character.isUpperCase(access.getNameAsString().charAt(0)) && at instanceof NameExpr root
        && Character.isLowerCase(root.getNameAsString().charAt(0));
  }

  private static Optional<VariableDeclarator> fieldNamed(CallableDeclaration<?> method, String name) {
    if (method == null) {
      return Optional.empty();
    }
    for (Node at = method.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof TypeDeclaration<?> type) {
        for (FieldDeclaration field : type.getFields()) {
          for (VariableDeclarator variable : field.getVariables()) {
            if (variable.getNameAsString().equals(name)) {
              return Optional.of(variable);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String owner(CallableDeclaration<?> method) {
    return method.findAncestor(TypeDeclaration.class).flatMap(t -> ((TypeDeclaration<?>) t).getFullyQualifiedName())
        .orElse("");
  }
}
