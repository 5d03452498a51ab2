package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fields a method reads that another class's code assigns ({@code PetMappers.suffix = s} in a controller): state
 * that changes after construction though its own class never assigns it, so no key covers it (hostile review 37's
 * a8: a row mapper appending a static another class sets, cached with the old suffix). A static field counts for
 * every read; an object's field only when the object may be shared between calls. An assignment on a receiver whose
 * type the declarations do not give counts for a field of that name in any class, unless it is private there.
 */
public final class ForeignFieldAssignments {
  private final ProjectIndex index;
  /** {@code static:T#f} / {@code instance:T#f} / {@code instance:*#f}, to the first type whose code assigns it. */
  private Map<String, String> assigners;

  public ForeignFieldAssignments(ProjectIndex index) {
    this.index = index;
  }

  /** Why the method's answer may change with no write a key sees: a field it reads that another class assigns. */
  public Optional<String> whyNot(IndexedMethod method, boolean thisShared) {
    if (method.fact().fieldsRead().isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> all = assigners();
    String owner = method.fact().ownerType();
    for (String field : method.fact().fieldsRead()) {
      boolean privateHere = index.type(owner).map(t -> t.privateFields().contains(field)).orElse(false);
      String by = all.get("static:" + owner + "#" + field);
      boolean byName = false;
      if (by == null && !privateHere) {
        by = all.get("static:*#" + field); // an inherited or statically imported static, set by name (review 38's f1, f4)
        byName = by != null;
      }
      if (by == null && thisShared) {
        by = all.get("instance:" + owner + "#" + field);
        if (by == null && !privateHere) {
          by = all.get("instance:*#" + field);
          byName = by != null;
        }
      }
      if (by != null && !by.equals(owner)) {
        // matched by the field's name alone, the assignment may be to another class's field: said as a possibility
        return Optional.of("depends on mutable state its key does not cover: " + method.fact().displayName()
            + "() reads field " + field + ", which " + simple(by) + (byName
                ? " may assign (it sets a field of that name on a class optkit cannot tell)"
                : " assigns (code of another class)"));
      }
    }
    return Optional.empty();
  }

  private synchronized Map<String, String> assigners() {
    if (assigners == null) {
      Map<String, String> found = new HashMap<>();
      // production code's writes: a test setting a field (ReflectionTestUtils.setField(bean, "x", mock)) runs in tests
      index.types().stream().filter(type -> !dev.optkit.analyzers.source.SourceSet.isTestPath(
              String.valueOf(index.pathOfType(type.qualifiedName()))))
          .sorted(java.util.Comparator.comparing(TypeFact::qualifiedName)).forEach(type -> {
        for (String entry : type.foreignFieldWrites()) {
          found.putIfAbsent(entry, type.qualifiedName());
        }
      });
      assigners = found;
    }
    return assigners;
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
