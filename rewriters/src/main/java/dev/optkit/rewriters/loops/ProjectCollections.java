package dev.optkit.rewriters.loops;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The project's own collection classes that may walk their elements otherwise than the JDK class they
 * extend: a list of one of them could be what a loop walks, and its get(i), forEach or stream need not
 * visit the elements as a for-each over it does.
 */
final class ProjectCollections {
  private ProjectCollections() {}

  /**
   * The project's own collection classes: those extending or implementing a java.util collection type, directly or
   * through other classes of the project (by simple name).
   */
  static Set<String> of(ProjectIndex index) {
    Set<String> found = new java.util.TreeSet<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (var type : index.types()) {
        String simple = type.qualifiedName().substring(type.qualifiedName().lastIndexOf('.') + 1);
        if (!found.contains(simple) && type.superTypes().stream().anyMatch(s -> jdkCollection(s)
            || found.contains(TypeNames.raw(s).substring(TypeNames.raw(s).lastIndexOf('.') + 1))
            || type.interfaces().stream().anyMatch(ProjectCollections::jdkCollection))) {
          found.add(simple);
          grew = true;
        }
      }
    }
    // one that walks its elements as the java.util class it extends does is no different a collection (hawkbit's
    // MgmtDistributionSetAssignments extends ArrayList, overriding isEmpty for JSON; it blocked every loop of the project)
    Set<String> walkingOtherwise = new java.util.TreeSet<>();
    for (var type : index.types()) {
      String simple = type.qualifiedName().substring(type.qualifiedName().lastIndexOf('.') + 1);
      if (found.contains(simple) && walksOtherwise(index, type)) {
        walkingOtherwise.add(simple);
      }
    }
    return walkingOtherwise;
  }

  /**
   * The methods through which a loop, a forEach or a stream walks a collection (a LinkedList's iterator is its
   * listIterator; a counted loop takes get and size); the rewrites walk it with a for-each and call nothing else.
   */
  private static final Set<String> WALKING = Set.of("iterator", "listIterator", "spliterator", "stream", "parallelStream",
      "forEach", "get", "size");

  /**
   * Whether a project collection type may walk its elements otherwise than the java.util class it extends: it or a
   * project supertype declares a method a walk goes through, or it extends a java.util class whose walk holds a
   * lock (a Vector's forEach) or none that walks by itself (an AbstractList's get is the subclass's).
   */
  private static boolean walksOtherwise(ProjectIndex index, dev.optkit.analyzers.facts.TypeFact type) {
    List<String> chain = new ArrayList<>();
    chain.add(type.qualifiedName());
    chain.addAll(index.supertypesOf(type.qualifiedName()));
    boolean plainJdkClass = false;
    for (String supertype : chain) {
      String erased = TypeNames.raw(supertype);
      Optional<dev.optkit.analyzers.facts.TypeFact> project = index.type(erased);
      if (project.isPresent()) {
        if (WALKING.stream().anyMatch(name -> !index.methods(erased, name).isEmpty())) {
          return true;
        }
      } else if (erased.startsWith("java.util.")) {
        String jdk = erased.substring("java.util.".length());
        if (jdk.equals("Vector") || jdk.equals("Stack")) {
          return true;
        }
        plainJdkClass |= PLAIN_JDK_COLLECTIONS.contains(jdk);
      }
    }
    return !type.kind().equals("interface") && !plainJdkClass;
  }

  private static final Set<String> PLAIN_JDK_COLLECTIONS = Set.of("ArrayList", "LinkedList", "HashSet", "LinkedHashSet",
      "TreeSet", "ArrayDeque", "PriorityQueue");

  static final Set<String> JAVA_UTIL_COLLECTIONS = Set.of("Collection", "List", "Set", "AbstractCollection",
      "AbstractList", "AbstractSequentialList", "AbstractSet", "ArrayList", "LinkedList", "HashSet", "LinkedHashSet",
      "TreeSet", "Vector", "Stack", "SortedSet", "NavigableSet", "SequencedCollection", "SequencedSet", "Deque",
      "ArrayDeque", "Queue", "AbstractQueue", "PriorityQueue");

  /** java.util.concurrent's collections, which a project class may extend too (hostile review 52's N7). */
  private static final Set<String> CONCURRENT_COLLECTIONS = Set.of("CopyOnWriteArrayList", "CopyOnWriteArraySet",
      "ConcurrentLinkedQueue", "ConcurrentLinkedDeque", "ConcurrentSkipListSet", "LinkedBlockingQueue",
      "LinkedBlockingDeque", "ArrayBlockingQueue", "PriorityBlockingQueue", "BlockingQueue", "BlockingDeque",
      "TransferQueue", "LinkedTransferQueue", "DelayQueue");

  /** Whether a supertype as the index writes it is a collection of java.util or java.util.concurrent. */
  private static boolean jdkCollection(String supertype) {
    String erased = TypeNames.raw(supertype);
    return erased.startsWith("java.util.concurrent.")
        ? CONCURRENT_COLLECTIONS.contains(erased.substring("java.util.concurrent.".length()))
        : erased.startsWith("java.util.") && JAVA_UTIL_COLLECTIONS.contains(erased.substring("java.util.".length()));
  }
}
