package dev.optkit.rewriters.caching.sharing;

import java.util.Map;
import java.util.Set;

/**
 * What the uses of an entity result must avoid: its lazy associations, by field and getter name;
 * {@code unread}: an entity it reaches whose mapping optkit does not read (annotations on getters,
 * embedded objects), so its lazy associations are unknown; {@code name} is the entity's simple name, as
 * refusals say it ({@code Book (as Titled)} for an interface its entities implement); {@code serialisedLazy}: the
 * lazy associations Jackson reads when it writes the entity (none it is told to ignore, nor what those reach).
 */
public record ReturnedEntity(String name, String qualifiedName, Map<String, String> lazyByGetter, String unread, Set<String> fields,
    Set<String> computingGetters, Map<String, String> lazyTargetByGetter, Map<String, String> columnByGetter,
    Map<String, String> serialisedLazy) {
  String lazyFields() {
    return String.join(", ", lazyByGetter.values().stream().distinct().sorted().toList());
  }

  /** getId(), isActive(): the getter of a field of the entity (or its superclasses) that is no lazy association. */
  boolean nonAssociationGetter(String call) {
    return column(call) != null;
  }

  /**
   * The field a column's getter reads: named for it ({@code getName()}: name), or the one field a
   * getter the class writes returns without calling anything ({@code getPassword()}: passwordHash).
   */
  String column(String call) {
    if (columnByGetter.containsKey(call)) {
      return columnByGetter.get(call);
    }
    String named = ColumnReads.property(call);
    return named != null && !lazyByGetter.containsKey(call) && !computingGetters.contains(call)
        && fields.contains(named) ? named : null;
  }
}
