package dev.optkit.rewriters.caching.keys;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.rewriters.caching.sharing.ResultSharing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Static fields of other project classes a method reads ({@code Registry.count}, {@code Labels.LABELS}): state its key
 * misses unless they are constants (a value, an enum's constant, a snapshot of values in a static final).
 */
final class OtherStatics {
  private final ProjectIndex index;

  OtherStatics(ProjectIndex index) {
    this.index = index;
  }

  Optional<String> whyNot(IndexedMethod method) {
    for (String entry : method.fact().otherStaticsRead()) {
      if (!constant(entry)) {
        String type = entry.substring(0, entry.indexOf('#'));
        String field = entry.substring(entry.indexOf('#') + 1);
        return Optional.of("depends on mutable state its key does not cover: " + method.fact().displayName()
            + "() reads " + type.substring(type.lastIndexOf('.') + 1) + "." + field + ", a static field of another "
            + "class, " + (staticFinal(type, field) ? "whose object optkit cannot show never changes"
                : "which code anywhere may change"));
      }
    }
    return Optional.empty();
  }

  /** A static final field: nobody assigns it again, though what it holds may change (review 74's u_instance_view). */
  private boolean staticFinal(String type, String field) {
    return index.type(type).filter(t -> t.fieldTypes().containsKey(field) && !t.nonFinalStatics().contains(field)).isPresent();
  }

  private boolean constant(String entry) {
    String type = entry.substring(0, entry.indexOf('#'));
    String field = entry.substring(entry.indexOf('#') + 1);
    boolean capitals = field.equals(field.toUpperCase(java.util.Locale.ROOT));
    List<String> owners = new ArrayList<>(List.of(type));
    owners.addAll(index.supertypesOf(type));
    for (String owner : owners) {
      Optional<TypeFact> fact = index.type(owner);
      String fieldType = fact.map(t -> t.fieldTypes().get(field)).orElse(null);
      if (fieldType != null) {
        // Map.of("user", "U") in a static final: a snapshot of values (TypeFact.openFields; review 74's fr_static_mapof)
        boolean assignedOnce = !fact.get().nonFinalStatics().contains(field);
        boolean snapshot = fieldType.startsWith("java.util.") && !fact.get().openFields().contains(field);
        // a capitals name is no promise: `public static String TABLE` another class reassigns (hostile review 79's p01)
        // an object of a class nobody can change once made (Amount.ZERO of a final class of final fields) is a value
        return assignedOnce && capitals && (ResultSharing.IMMUTABLE_RESULTS.contains(fieldType)
            || index.immutableTypes().immutable(fieldType) || snapshot);
      }
    }
    if (index.type(type).map(t -> t.kind().equals("enum")).orElse(false)) {
      return true; // an enum's constant: Status.ACTIVE
    }
    // a capitals constant of a superclass outside the project, or a nested type (Outer.Inner)
    return capitals || Character.isUpperCase(field.charAt(0));
  }
}
