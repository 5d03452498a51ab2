package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * An object kept in a field no one outside its holder reaches: {@code new SecurityUser(user)} keeping
 * the user in {@code private final User user}, which the class only reads through {@code user.getEmail()}
 * and the like (blog-api-spring's SecurityUser). Sharing a cached user with such holders changes nothing
 * of it, so long as each method the holder calls on it is a plain getter (a field returned, no call, no
 * assignment) of an immutable value, in the field's type and in every subtype that may stand in for it.
 */
final class SealedHolders {
  private static final String STORED = "stored in field ";

  private final ProjectIndex index;
  private final Predicate<String> immutable;

  SealedHolders(ProjectIndex index, Predicate<String> immutable) {
    this.index = index;
    this.immutable = immutable;
  }

  /** Whether {@code how}, a change the holder's method makes to what it is given, is a keeping in a sealed field. */
  boolean keptSealed(IndexedMethod holder, String how) {
    if (!how.startsWith(STORED) || how.substring(STORED.length()).contains(".")) {
      return false; // registry.pets = loaded: another object's field
    }
    String field = how.substring(STORED.length());
    TypeFact type = index.type(holder.fact().ownerType()).orElse(null);
    if (type == null || !type.sealedFields().containsKey(field) || type.fieldTypes().get(field) == null) {
      return false;
    }
    String fieldType = type.fieldTypes().get(field);
    return !anonymousSubclassOf(fieldType)
        && type.sealedFields().get(field).stream().allMatch(call -> immutableGetter(fieldType, call));
  }

  /** {@code new Member(..) { getName() { reads++; ... } }} anywhere in the project: its methods are in no type. */
  private boolean anonymousSubclassOf(String fieldType) {
    String erased = fieldType.contains("<") ? fieldType.substring(0, fieldType.indexOf('<')) : fieldType;
    Set<String> types = new LinkedHashSet<>(List.of(erased));
    types.addAll(index.subtypesOf(erased));
    return index.files().stream().flatMap(file -> file.creations().stream())
        .anyMatch(creation -> creation.anonymous() && types.contains(creation.type()));
  }

  /** {@code getEmail()}: every method of that name the object may run returns a field of an immutable type. */
  private boolean immutableGetter(String fieldType, String call) {
    String erased = fieldType.contains("<") ? fieldType.substring(0, fieldType.indexOf('<')) : fieldType;
    Set<String> owners = new LinkedHashSet<>(List.of(erased));
    owners.addAll(index.supertypesOf(erased));
    owners.addAll(index.subtypesOf(erased));
    List<IndexedMethod> runs = owners.stream().flatMap(owner -> index.methodsOfType(owner).stream())
        .filter(method -> method.fact().name().equals(call) && method.fact().params().isEmpty()
            && !method.fact().isStatic())
        .toList();
    // none seen: a getter Lombok writes or a library's, which optkit cannot read
    return !runs.isEmpty() && runs.stream().allMatch(method -> plainGetter(method.fact()));
  }

  private boolean plainGetter(MethodFact fact) {
    return !fact.isAbstract() && fact.calls().isEmpty() && fact.opaqueCalls().isEmpty()
        && fact.parameterMutations().isEmpty() && fact.returnRoots().equals(List.of("this"))
        && immutable.test(fact.returnType());
  }
}
