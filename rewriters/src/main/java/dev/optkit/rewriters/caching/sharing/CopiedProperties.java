package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.types.TypeNames;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.Type;
import dev.optkit.analyzers.facts.values.BeanCopiers;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a bean copier reads of the object it copies from: {@code BeanUtils.copyProperties(user, userResponse)} calls
 * the source's getters of the properties the target can set, nothing else (Spring's {@code BeanUtils}, and Commons'
 * {@code BeanUtilsBean}/{@code PropertyUtilsBean}: both skip a property the target cannot write). An entity copied
 * into a DTO without a property named for its lazy association is never asked for it (audit 9's s21, techmart's
 * {@code UserController}: {@code UserResponse} has no {@code userRoles}).
 */
public final class CopiedProperties {
  private final ProjectIndex index;

  public CopiedProperties(ProjectIndex index) {
    this.index = index;
  }

  /**
   * The names of the properties every {@code copyProperties} call of the method may copy out of the argument at
   * {@code position}: the target's fields and setters, with its project superclasses'. Empty when a call's copier,
   * target class or a superclass of it is not known for sure, or the value may be what a call writes into.
   */
  public Optional<Set<String>> from(Optional<CallableDeclaration<?>> declaration, int position) {
    if (declaration.isEmpty()) {
      return Optional.empty();
    }
    Set<String> copied = new TreeSet<>();
    for (MethodCallExpr call : declaration.get().findAll(MethodCallExpr.class)) {
      if (!call.getNameAsString().equals("copyProperties")) {
        continue;
      }
      Optional<BeanCopiers> copier = BeanCopiers.of(call);
      if (copier.isEmpty() || copier.get().target() == position) {
        return Optional.empty();
      }
      Optional<TypeFact> target = typeOf(call.getArgument(copier.get().target()), declaration.get());
      Optional<Set<String>> writable = target.flatMap(this::writableAtRunTime);
      if (writable.isEmpty()) {
        return Optional.empty();
      }
      copied.addAll(writable.get());
    }
    return Optional.of(copied);
  }

  /** The project class of {@code new X()}, or of a local or parameter declared with a class name. */
  private Optional<TypeFact> typeOf(Expression argument, CallableDeclaration<?> method) {
    Type written = null;
    if (argument instanceof ObjectCreationExpr creation) {
      if (creation.getAnonymousClassBody().isPresent()) {
        return Optional.empty(); // new AccountDto() { ... setPerms(...) }: a class of its own (hostile review 34's c7)
      }
      written = creation.getType();
    } else if (argument instanceof NameExpr name) {
      for (Parameter parameter : method.getParameters()) {
        written = parameter.getNameAsString().equals(name.getNameAsString()) ? parameter.getType() : written;
      }
      for (VariableDeclarator local : method.findAll(VariableDeclarator.class)) {
        if (local.getNameAsString().equals(name.getNameAsString())) {
          if (written != null) {
            return Optional.empty(); // declared twice (another block, a lambda): which one is not read here
          }
          written = local.getType().isVarType() && local.getInitializer().orElse(null) instanceof ObjectCreationExpr made
              ? made.getType() : local.getType();
        }
      }
    }
    if (written == null || !written.isClassOrInterfaceType()) {
      return Optional.empty();
    }
    var types = index.typesNamed(written.asClassOrInterfaceType().getNameAsString());
    return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
  }

  /**
   * The properties an object declared of this class may set: its own and every project subclass's, since the copier
   * reads the target's run-time class (hostile review 33's c1: {@code AccountDto d = detail ? new DetailDto() : new
   * AccountDto()}).
   */
  private Optional<Set<String>> writableAtRunTime(TypeFact type) {
    if (index.files().stream().flatMap(file -> file.creations().stream())
        .anyMatch(made -> made.anonymous() && made.type().equals(type.qualifiedName()))) {
      return Optional.empty(); // new AccountDto() { void setPerms(...) }: setters of a class no index names (c7)
    }
    Set<String> names = new TreeSet<>();
    for (String each : java.util.stream.Stream.concat(java.util.stream.Stream.of(type.qualifiedName()),
        index.subtypesOf(type.qualifiedName()).stream()).toList()) {
      Optional<Set<String>> own = index.type(each).flatMap(this::writable);
      if (own.isEmpty()) {
        return Optional.empty();
      }
      names.addAll(own.get());
    }
    return Optional.of(names);
  }

  /**
   * A production caller that copies the cached result with {@code copyProperties} into another object, which then
   * holds the result's own mutable parts (the copy is shallow: hostile review 33's c4, a DTO's
   * {@code getTags().removeIf(...)} emptied the cached entity's list). Followed through callers that return it.
   * Empty when every property copied is of a type nobody can change.
   */
  public Optional<String> sharedByCopy(IndexedMethod cached, ResultSharing sharing, WholeProject whole) {
    java.util.Deque<IndexedMethod> returning = new java.util.ArrayDeque<>(List.of(cached));
    Set<IndexedMethod> seen = new java.util.HashSet<>();
    while (!returning.isEmpty()) {
      IndexedMethod method = returning.pop();
      if (!seen.add(method)) {
        continue;
      }
      for (IndexedMethod caller : index.callersOf(method)) {
        if (dev.optkit.analyzers.source.SourceSet.isTestPath(caller.path())) {
          continue;
        }
        for (MethodFact.HandOff handOff : caller.fact().handOffs()) {
          if (!method.fact().name().equals(handOff.fromCall())) {
            continue;
          }
          if (handOff.returned() && !handOff.part()) {
            returning.push(caller);
          } else if (handOff.position() >= 0) {
            Optional<String> shared = copiedBy(caller, handOff, cached.fact().returnType(), sharing, whole, 0);
            if (shared.isPresent()) {
              return Optional.of(shared.get() + ": a cached result is one object shared by every caller, and a change "
                  + "made through the copy would leak into later answers");
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A copy of what a method hands on, made by {@code copyProperties} there or in a project method it passes it to
   * ({@code AccountMapper.toDto(account)}: hostile review 34's c6), a few calls deep.
   */
  private Optional<String> copiedBy(IndexedMethod method, MethodFact.HandOff handOff, String resultType,
      ResultSharing sharing, WholeProject whole, int depth) {
    if (handOff.target().equals("copyProperties")) {
      return shared(method, handOff, resultType, sharing, whole).map(how -> method.fact().displayName() + "() " + how);
    }
    if (depth >= 4 || handOff.returned()) {
      return Optional.empty();
    }
    for (IndexedMethod helper : sharing.receivers(method, handOff)) {
      int parameter = ResultSharing.parameterAt(helper, handOff.position());
      for (MethodFact.HandOff onward : helper.fact().handOffs()) {
        if (onward.fromCall() == null && onward.fromParameter() == parameter && onward.position() >= 0) {
          Optional<String> copied = copiedBy(helper, onward, handOff.part() ? null : resultType, sharing, whole, depth + 1);
          if (copied.isPresent()) {
            return Optional.of(method.fact().displayName() + "() passes it to " + copied.get());
          }
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> shared(IndexedMethod caller, MethodFact.HandOff handOff, String resultType,
      ResultSharing sharing, WholeProject whole) {
    Optional<CallableDeclaration<?>> declaration = whole.declaration(caller);
    Optional<Set<String>> copied = from(declaration, handOff.position());
    // the source's class: as the copy's argument is declared (an element's, for (Account a : accounts)), else the result's
    String source = declaration.flatMap(body -> body.findAll(MethodCallExpr.class).stream()
        .filter(call -> call.getNameAsString().equals("copyProperties") && call.getArguments().size() > handOff.position())
        .map(call -> typeOf(call.getArgument(handOff.position()), body)).flatMap(Optional::stream)
        .map(TypeFact::qualifiedName).findFirst()).orElse(handOff.part() ? null : resultType);
    if (copied.isEmpty() || source == null) {
      return Optional.of("copies what it gets with copyProperties() into an object optkit cannot name, which may then "
          + "hold its mutable parts (the copy is shallow)");
    }
    Map<String, String> fields = new java.util.HashMap<>();
    for (String type : index.supertypesOf(source)) {
      index.type(type).ifPresent(t -> t.fieldTypes().forEach(fields::putIfAbsent));
    }
    for (String property : copied.get()) {
      // the getter the copier reads, whose type may be another field's (getTags() { return labels; }: c5)
      String capital = property.isEmpty() ? property : Character.toUpperCase(property.charAt(0)) + property.substring(1);
      String type = index.supertypesOf(source).stream().flatMap(t -> java.util.stream.Stream.concat(
          index.methods(t, "get" + capital).stream(), index.methods(t, "is" + capital).stream()))
          .filter(m -> m.fact().params().isEmpty()).map(m -> m.fact().returnType()).findFirst()
          .orElse(fields.get(property));
      if (type != null && !PRIMITIVES.contains(type) && !sharing.immutable(TypeNames.raw(type))) {
        return Optional.of("copies its property " + property + " (" + ProjectTraits.simpleName(TypeNames.raw(type))
            + ") with copyProperties() into another object, which then holds that very object (the copy is shallow)");
      }
    }
    return Optional.empty();
  }

  private static final Set<String> PRIMITIVES = Set.of("int", "long", "boolean", "double", "float", "short", "byte", "char");

  /**
   * The properties a class may set: every field (Lombok may write its setter) and every {@code setX} method, up
   * its project superclasses; empty when a superclass is a library's, whose setters are not read here.
   */
  private Optional<Set<String>> writable(TypeFact type) {
    Set<String> names = new TreeSet<>();
    for (TypeFact at = type; at != null; ) {
      names.addAll(at.fieldTypes().keySet());
      for (IndexedMethod method : index.methodsOfType(at.qualifiedName())) {
        String name = method.fact().name();
        if (name.startsWith("set") && name.length() > 3 && method.fact().params().size() == 1) {
          names.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
          names.add(name.substring(3)); // setURL: the property URL, as the JavaBeans Introspector names it
        }
      }
      TypeFact current = at;
      String superclass = at.superTypes().stream().filter(s -> !current.interfaces().contains(s)).findFirst().orElse(null);
      if (superclass == null || superclass.equals("java.lang.Object")) {
        return Optional.of(names);
      }
      TypeFact next = index.type(superclass).orElse(null);
      if (next == null) {
        return Optional.empty();
      }
      at = next;
    }
    return Optional.of(names);
  }
}
