package dev.optkit.rewriters.caching.sharing;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Calls a value is handed to whose code optkit cannot find, though it reads the class whole: a call the extractor
 * placed on the wrong class (a local or anonymous class around it), or a record's implicit constructor whose record
 * runs code of its own on what it keeps. What such code does with the value is unknown, so it counts as a change.
 */
final class UnfoundCallees {
  private final ProjectIndex index;
  private final java.util.function.Function<IndexedMethod,
      Optional<com.github.javaparser.ast.body.CallableDeclaration<?>>> declarations;

  UnfoundCallees(ProjectIndex index,
      java.util.function.Function<IndexedMethod, Optional<com.github.javaparser.ast.body.CallableDeclaration<?>>> declarations) {
    this.index = index;
    this.declarations = declarations;
  }

  /**
   * The call a value is handed to, when it is on a project class whose code optkit reads whole (no Lombok, not a
   * record or an enum, no supertype outside the project) and no method of it or its supertypes has the name: a call
   * the extractor placed on the wrong class (hostile review 36's e1, e2, e8: a local class's call of a method an
   * anonymous class or the enclosing class declares). Empty when every such call is found, or may be generated.
   */
  Optional<String> unfoundProjectMethod(IndexedMethod from, MethodFact.HandOff handOff) {
    if (handOff.returned()) {
      return Optional.empty();
    }
    if (handOff.constructed()) {
      // a record's implicit constructor keeps it in a component; a method of the record besides its accessors may
      // change it there (hostile review 36's e3: a local record's show() calling a method that renames the cat)
      String simple = dev.optkit.analyzers.facts.types.TypeNames.raw(handOff.constructedType());
      return index.typesNamed(simple.substring(simple.lastIndexOf('.') + 1)).stream()
          .filter(type -> type.kind().equals("record"))
          .filter(this::runsCodeOnWhatItKeeps)
          .findFirst().map(type -> "the record " + ProjectTraits.simpleName(type.qualifiedName()) + "'s constructor, "
              + "which keeps it in a component its own code may change (its compact constructor or methods, which "
              + "optkit does not follow there)")
          .or(() -> lombokConstructorKeeping(simple, handOff));
    }
    for (CallRef call : from.fact().calls()) {
      if (!call.name().equals(handOff.target()) || call.argumentCount() != handOff.toArguments()
          || call.receiverType() == null || !index.allTargetsOf(call).isEmpty()) {
        continue;
      }
      Optional<TypeFact> type = index.type(call.receiverType());
      // Lombok's annotations by their simple name: `import lombok.*` leaves them unqualified (audit 14's s20b)
      boolean readWhole = type.isPresent() && type.get().kind().equals("class")
          && type.get().annotations().stream().noneMatch(a -> LOMBOK.contains(ProjectTraits.simpleName(a)))
          && index.supertypesOf(call.receiverType()).stream().allMatch(t -> t.equals("java.lang.Object")
              || jdkTypeWithout(t, call.name())
              || index.type(t).filter(s -> s.annotations().stream()
                  .noneMatch(a -> LOMBOK.contains(ProjectTraits.simpleName(a)))).isPresent());
      if (readWhole && libraryStaticImport(from, call.name()).isPresent()) {
        // import static java.util.Optional.ofNullable in a class implementing an interface: no method of the class or
        // its supertypes has the name, so the call runs the library's, judged as the call written on its class is
        // (trial 73's F3: "a method optkit cannot find", of Optional.ofNullable(team))
        continue;
      }
      if (readWhole) {
        return Optional.of(ProjectTraits.simpleName(call.receiverType()) + "." + call.name() + "(), a method optkit "
            + "cannot find in that class or its supertypes (one of a local or anonymous class around the call, perhaps), "
            + "so it cannot tell what that does with it");
      }
    }
    return Optional.empty();
  }

  /**
   * The library class a static import of the caller's file gives the name from: a single-member import of it, else the
   * one on-demand static import, when that class is not the project's; empty otherwise.
   */
  private Optional<String> libraryStaticImport(IndexedMethod from, String name) {
    var unit = declarations.apply(from).flatMap(com.github.javaparser.ast.Node::findCompilationUnit);
    if (unit.isEmpty()) {
      return Optional.empty();
    }
    java.util.List<String> single = new java.util.ArrayList<>();
    java.util.List<String> onDemand = new java.util.ArrayList<>();
    for (var imported : unit.get().getImports()) {
      if (!imported.isStatic()) {
        continue;
      }
      if (imported.isAsterisk()) {
        onDemand.add(imported.getNameAsString());
      } else if (imported.getName().getIdentifier().equals(name)) {
        imported.getName().getQualifier().ifPresent(owner -> single.add(owner.asString()));
      }
    }
    java.util.List<String> owners = single.isEmpty() ? onDemand : single;
    return owners.size() == 1 && index.type(owners.get(0)).isEmpty() ? Optional.of(owners.get(0)) : Optional.empty();
  }

  /**
   * Whether a record's own code may change what its components hold: a compact constructor, a project interface's
   * default method, a class or anonymous class declared in it (an inner one reaches the components: hostile review
   * 45's H4), or a method or constructor it declares, accessor overrides and {@code equals}, {@code hashCode} and
   * {@code toString} included (H5), that does more than read.
   */
  private boolean runsCodeOnWhatItKeeps(TypeFact record) {
    String name = record.qualifiedName();
    return record.fieldCodeCalls().contains(dev.optkit.analyzers.facts.values.FieldCodeCalls.COMPACT) || inheritsCode(record)
        || index.typesNestedIn(name).stream().anyMatch(t -> index.type(t).map(n -> n.kind().equals("class")).orElse(false))
        || index.files().stream().flatMap(f -> f.creations().stream()).anyMatch(c -> c.anonymous()
            && c.ownerType().equals(name))
        || index.methodsOfType(name).stream().anyMatch(m -> m.fact().isConstructor() ? !onlyAssigns(m)
            : record.fieldTypes().containsKey(m.fact().name()) && m.fact().params().isEmpty() ? !accessorLike(m)
            : !readsOnly(m));
  }

  /** {@code this.files = files}: a constructor storing what it gets, and nothing else. */
  private static boolean onlyAssigns(IndexedMethod constructor) {
    return constructor.fact().calls().isEmpty() && constructor.fact().handOffs().isEmpty()
        && constructor.fact().resultMutations().isEmpty() && constructor.fact().parameterMutations().stream()
            .allMatch(change -> change.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField || change.change() instanceof dev.optkit.analyzers.facts.Change.AssignsField);
  }

  /** An accessor the record declares that returns what it keeps, changing nothing on the way. */
  private static boolean accessorLike(IndexedMethod method) {
    return method.fact().parameterMutations().isEmpty() && method.fact().resultMutations().isEmpty()
        && method.fact().calls().isEmpty()
        && method.fact().handOffs().stream().allMatch(handOff -> handOff.returned());
  }

  /**
   * A method that changes nothing it is given and hands none of it on, its object's components included: {@code
   * getFileSize() { return files == null ? 0 : files.size(); }} (trial 42's F5: spring-boot-blog-app's NoteReadDto).
   */
  private boolean readsOnly(IndexedMethod method) {
    // files.iterator() then remove(), files.subList(3, n).clear(), Collections.sort(files(), c): changes made through
    // what a call answers (hostile review 44's g1 to g5); only an immutable answer may be handed back
    return method.fact().parameterMutations().isEmpty() && method.fact().resultMutations().isEmpty()
        && method.fact().handOffs().stream().allMatch(handOff -> handOff.fromCall() != null
            && handOff.returned()
            && dev.optkit.analyzers.facts.types.JdkValues.immutable(method.fact().returnType()));
  }

  /**
   * A record implementing a project interface with code of its own (a default method), which may change what the
   * record keeps through its accessors (hostile review 44's g6); a library interface's defaults are the library's.
   */
  private boolean inheritsCode(TypeFact record) {
    return index.supertypesOf(record.qualifiedName()).stream().filter(t -> !t.equals(record.qualifiedName()))
        .flatMap(t -> index.methodsOfType(t).stream()).anyMatch(m -> !m.fact().isAbstract() && !m.fact().isStatic());
  }

  /**
   * A JDK type (read from optkit's own runtime) that has no method of the name, inherited ones included: a local
   * class implementing {@code Serializable} or extending {@code ArrayList} still has no {@code decorate} of its own
   * (hostile review 37's k5, k6). Any other library type may have it.
   */
  private static boolean jdkTypeWithout(String type, String method) {
    if (!type.startsWith("java.") || type.contains("<")) {
      return false;
    }
    try {
      Class<?> loaded = Class.forName(type, false, ClassLoader.getPlatformClassLoader());
      for (Class<?> at = loaded; at != null; at = at.getSuperclass()) {
        for (java.lang.reflect.Method declared : at.getDeclaredMethods()) {
          if (declared.getName().equals(method)) {
            return false;
          }
        }
      }
      for (java.lang.reflect.Method inherited : loaded.getMethods()) {
        if (inherited.getName().equals(method)) {
          return false;
        }
      }
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Lombok's annotations that write a constructor taking fields ({@code @Data}'s and {@code @Value}'s included). */
  private static final Set<String> LOMBOK_CONSTRUCTORS = Set.of("AllArgsConstructor", "RequiredArgsConstructor",
      "Data", "Value");

  /**
   * {@code new SaleDetail(product, 2)} on a class whose constructor Lombok writes: it keeps what it is given in the
   * class's fields, as a written constructor assigning them does, and a written one's keeping counts
   * ({@link ResultSharing}'s "keeps it in field"); only a class whose every instance field of a type that can hold it
   * (not a JDK value) is sealed (private, final, only read in place, no getter Lombok writes) keeps it where no one
   * reaches it. (Found as a silent difference: a
   * written constructor's keeping refused a read, Lombok's let it be cached.)
   */
  private Optional<String> lombokConstructorKeeping(String constructed, MethodFact.HandOff handOff) {
    List<TypeFact> types = index.typesNamed(constructed.substring(constructed.lastIndexOf('.') + 1));
    for (TypeFact type : types) {
      boolean lombok = type.kind().equals("class") && type.annotations().stream()
          .anyMatch(a -> LOMBOK_CONSTRUCTORS.contains(ProjectTraits.simpleName(a)));
      boolean written = index.methodsOfType(type.qualifiedName()).stream()
          .anyMatch(m -> m.fact().isConstructor() && m.fact().params().size() == handOff.toArguments());
      if (!lombok || written) {
        continue;
      }
      // a field of a JDK value type (the quantity beside the product) holds no row
      List<String> open = type.fieldTypes().entrySet().stream().filter(field -> !type.staticFields().contains(field.getKey()))
          .filter(field -> !dev.optkit.analyzers.facts.types.JdkValues.immutable(
              dev.optkit.analyzers.facts.types.TypeNames.raw(field.getValue())))
          .map(java.util.Map.Entry::getKey).filter(field -> !type.sealedFields().containsKey(field)).sorted().toList();
      if (!open.isEmpty()) {
        return Optional.of(ProjectTraits.simpleName(type.qualifiedName()) + "(), a constructor Lombok writes, which keeps "
            + "it in field " + String.join(" or ", open));
      }
    }
    return Optional.empty();
  }

  private static final Set<String> LOMBOK = Set.of("Data", "Value", "Getter", "Setter", "Builder", "SuperBuilder",
      "Accessors", "Delegate", "With", "AllArgsConstructor", "NoArgsConstructor", "RequiredArgsConstructor");

}
