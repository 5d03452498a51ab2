package dev.optkit.analyzers.index;

import java.util.HashSet;
import java.util.Set;

/**
 * The project's named JPA queries, by name: the {@code @NamedQuery}/{@code @NamedNativeQuery} annotations of its types
 * (a name written as a constant counts for any of its entity's, {@code Kind.*}) and orm.xml's {@code <named-query>}
 * and {@code <named-native-query>}. A Spring Data repository method named like one ({@code Kind.byName} for
 * {@code KindRepository.byName}) runs that query, whose text, not the method's name, says what it reads; the
 * entity's other reads are not touched by it (audit 15's S26).
 */
public final class NamedQueries {
  private final Set<String> names = new HashSet<>();

  NamedQueries(ProjectIndex index) {
    names.addAll(index.ormXml().namedQueries());
    index.types().forEach(type -> names.addAll(type.namedQueries()));
  }

  /** Whether the project declares no named query. */
  public boolean isEmpty() {
    return names.isEmpty();
  }

  /** Whether the repository method of this entity runs a named query. */
  public boolean runBy(String entity, String method) {
    String simple = entity.substring(entity.lastIndexOf('.') + 1);
    return names.contains(simple + "." + method) || names.contains(simple + ".*");
  }
}
