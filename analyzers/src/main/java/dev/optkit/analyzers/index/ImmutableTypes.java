package dev.optkit.analyzers.index;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.types.JdkValues;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whose objects nobody can change once they are made: the one answer every proof reads, whether it asks if a cached
 * answer may be shared between callers or if another thread may read an object while a loop goes on.
 *
 * <p>The JDK's values ({@link JdkValues}: strings, boxed numbers, big numbers, UUIDs, {@code java.time}), and the
 * project's records, enums and classes whose instance fields are all final (a record's components, Lombok's
 * {@code @Value}) and of such types, with no superclass but {@code Object} and no subclass that could add state: the
 * class is final, a record or an enum, or the project neither extends it nor makes an anonymous subclass of it. An
 * enum constant with a body that declares fields has state of its own, and so has the class in a static field its
 * code changes, or one code elsewhere may reach and change. Arrays and the JDK's collections are changeable. Read from
 * the facts alone, four types deep.
 */
public final class ImmutableTypes {
  private static final int MAX_DEPTH = 4;

  private final ProjectIndex index;
  private final Map<String, Boolean> known = new HashMap<>();
  private Set<String> subclassedAnonymously;

  ImmutableTypes(ProjectIndex index) {
    this.index = index;
  }

  /**
   * Whether objects of the type, as the facts name it (qualified, or a primitive; type arguments are left out), are
   * unchangeable. A JDK value's name that a project type also has (its own {@code Long}) may mean that type: no.
   */
  public synchronized boolean immutable(String type) {
    return !array(type) && immutable(TypeNames.raw(type), 0);
  }

  /**
   * Whether objects of the type as the source writes it, maybe by its simple name, are unchangeable: a JDK value of a
   * name a project hardly declares for a class of its own ({@link JdkValues#UNMISTAKABLE_SIMPLE_NAMES}), or the one
   * project type of that name.
   */
  public synchronized boolean immutableWritten(String written) {
    String bare = TypeNames.raw(written);
    if (array(written) || bare.contains("[")) {
      return false;
    }
    String simple = bare.substring(bare.lastIndexOf('.') + 1);
    if (JdkValues.UNMISTAKABLE_SIMPLE_NAMES.contains(simple)) {
      return true;
    }
    if (bare.contains(".") && index.type(bare).isPresent()) {
      return immutable(bare, 0);
    }
    List<TypeFact> named = index.typesNamed(simple);
    return named.size() == 1 && immutable(named.get(0).qualifiedName(), 0);
  }

  private boolean immutable(String type, int depth) {
    if (type.contains("[")) {
      return false;
    }
    if (JdkValues.immutable(type)) {
      return index.typesNamed(type.substring(type.lastIndexOf('.') + 1)).isEmpty();
    }
    Optional<TypeFact> fact = index.type(type);
    if (fact.isEmpty() || depth >= MAX_DEPTH) {
      return false;
    }
    Boolean answer = known.get(type);
    if (answer == null) {
      known.put(type, false); // a type holding itself is not shown unchangeable
      answer = projectType(fact.get(), depth);
      known.put(type, answer);
    }
    return answer;
  }

  private boolean projectType(TypeFact type, int depth) {
    boolean closed = switch (type.kind()) {
      case "record", "enum" -> true;
      case "class" -> type.isFinal() || index.subtypesOf(type.qualifiedName()).isEmpty()
          && !anonymouslySubclassed().contains(type.qualifiedName());
      default -> false;
    };
    // no superclass but Object: every supertype is an interface it implements
    if (!closed || !type.allFieldsFinal() || !type.interfaces().containsAll(type.superTypes())) {
      return false;
    }
    for (Map.Entry<String, String> field : type.fieldTypes().entrySet()) {
      String name = field.getKey();
      if (type.staticFields().contains(name)) {
        // the class's state, which its objects' methods may read as theirs (a static set of revoked badges: hostile
        // review 106's F1): it counts when the code changes it, or when code elsewhere may reach a changeable one
        boolean changed = type.changingFields().contains(name) || type.nonFinalStatics().contains(name);
        boolean reachedElsewhere = !type.privateFields().contains(name) && !field.getValue().equals(type.qualifiedName())
            && !immutable(field.getValue(), depth + 1);
        if (changed || reachedElsewhere) {
          return false;
        }
      } else if (!immutable(field.getValue(), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** The project types some code makes an anonymous subclass of ({@code new Price() { ... }}). */
  private Set<String> anonymouslySubclassed() {
    if (subclassedAnonymously == null) {
      subclassedAnonymously = new HashSet<>();
      for (FileFacts file : index.files()) {
        for (FileFacts.Creation creation : file.creations()) {
          if (creation.anonymous()) {
            subclassedAnonymously.add(creation.type());
          }
        }
      }
    }
    return subclassedAnonymously;
  }

  private static boolean array(String written) {
    return written.strip().endsWith("]");
  }

}
