package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.index.DataFootprint;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.index.ReachedIo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the planner asks about the other members of a cached method's class, indexed once per class
 * the first time it is asked: the method at a finding's line, the methods that call one through
 * {@code this}, and the methods that write through the class's own calls. Each question used to walk
 * every method of the class, once per cached method: quadratic in a class with thousands of
 * members (a generated client of 1 MB did not finish in 20 minutes).
 */
public final class MembersByType {
  private final ProjectIndex index;
  private final Map<String, Members> byType = new HashMap<>();

  /** A method that can never run, whose writes are none ({@link WholeProject#neverRuns}). */
  private final java.util.function.Predicate<IndexedMethod> neverRuns;

  public MembersByType(ProjectIndex index, java.util.function.Predicate<IndexedMethod> neverRuns) {
    this.neverRuns = neverRuns;
    this.index = index;
  }

  /** A method of the class writing through one of the calls it reaches, and the first such write's reach. */
  public record OwnWrite(IndexedMethod method, ReachedIo reached, DataFootprint footprint) {}

  /** One class's members, indexed. */
  private static final class Members {
    /** The first method declared at {@code path:line}, as a finding names it. */
    final Map<String, IndexedMethod> byPlace = new HashMap<>();
    /** Calls made on the class itself ({@code this}, or unqualified), by the name called, in member order. */
    final Map<String, List<Map.Entry<IndexedMethod, CallRef>>> selfCalls = new HashMap<>();
    /** Every write each non-constructor method reaches, in member order, then reach order. */
    final FootprintIndex<OwnWrite> writes = new FootprintIndex<>();
  }

  private Members of(String type) {
    Members members = byType.get(type);
    if (members == null) {
      members = index(type);
      byType.put(type, members);
    }
    return members;
  }

  private Members index(String type) {
    Members members = new Members();
    for (IndexedMethod method : index.methodsOfType(type)) {
      members.byPlace.putIfAbsent(place(method.path(), method.fact().range().line()), method);
      for (CallRef call : method.fact().calls()) {
        if (type.equals(call.receiverType())) {
          members.selfCalls.computeIfAbsent(call.name(), k -> new ArrayList<>()).add(Map.entry(method, call));
        }
      }
      if (method.fact().isConstructor() || neverRuns.test(method)) {
        continue;
      }
      for (ReachedIo reached : index.reachedIo(method)) {
        if (reached.site().access() != Access.READ) {
          DataFootprint footprint = index.footprints().of(reached.site());
          members.writes.add(new OwnWrite(method, reached, footprint), footprint);
        }
      }
    }
    return members;
  }

  private static String place(String path, int line) {
    return path + ":" + line;
  }

  /** The method of the class declared in that file at that line: the one a finding names. */
  public Optional<IndexedMethod> at(String type, String path, int line) {
    return Optional.ofNullable(of(type).byPlace.get(place(path, line)));
  }

  /** The other methods that call it through {@code this} ({@link #selfCalls}), as {@code name()}, distinct and sorted. */
  public List<String> selfCallers(IndexedMethod target) {
    return selfCalls(target).stream().map(call -> call.getKey().fact().name() + "()").distinct().sorted().toList();
  }

  /**
   * The calls of {@code target} made on the object itself, with the methods making them: from its class, and from
   * its superclasses and subclasses, whose methods run on the same object ({@code this.write()} in a subclass of a
   * service bypasses the proxy as much as in the service). In member order, one class after another.
   */
  public List<Map.Entry<IndexedMethod, CallRef>> selfCalls(IndexedMethod target) {
    // asked per cached method and writer: walked once per writer
    return selfCallsOf.computeIfAbsent(target, this::findSelfCalls);
  }

  private final Map<IndexedMethod, List<Map.Entry<IndexedMethod, CallRef>>> selfCallsOf = new IdentityHashMap<>();

  private List<Map.Entry<IndexedMethod, CallRef>> findSelfCalls(IndexedMethod target) {
    String owner = target.fact().ownerType();
    List<Map.Entry<IndexedMethod, CallRef>> calls = new ArrayList<>();
    for (String type : family(owner)) {
      for (Map.Entry<IndexedMethod, CallRef> call : of(type).selfCalls.getOrDefault(target.fact().name(), List.of())) {
        if (call.getKey() != target && index.targetsOf(call.getValue()).contains(target)) {
          calls.add(call);
        }
      }
    }
    // an inner class calling update() runs it on its outer instance, not through the proxy (Batch.run in a service),
    // whatever the call graph made of a name the inner class does not declare; a local class too, which the facts
    // name as a class of the package: any other class of the owner's file counts
    Set<String> family = family(owner);
    List<String> inFile = typesInFile(target.path()).stream()
        .filter(type -> !family.contains(type) && !type.startsWith(owner + ".")).toList();
    for (String nested : java.util.stream.Stream.concat(index.typesNestedIn(owner).stream(), inFile.stream()).toList()) {
      for (Map.Entry<IndexedMethod, CallRef> call : of(nested).selfCalls.getOrDefault(target.fact().name(), List.of())) {
        calls.add(call);
      }
      for (IndexedMethod method : index.methodsOfType(nested)) {
        for (CallRef call : method.fact().calls()) {
          if (call.name().equals(target.fact().name()) && owner.equals(call.receiverType())) {
            calls.add(Map.entry(method, call));
          }
        }
      }
    }
    return calls;
  }

  /**
   * The methods of the writer's subtypes that may override it: same name, as many parameters (a parameter typed by a
   * type variable, {@code update(E entity)}, is {@code update(Product entity)} in the subclass; an overload counted
   * too only adds an eviction).
   */
  public List<IndexedMethod> overrides(IndexedMethod writer) {
    List<IndexedMethod> found = new ArrayList<>();
    for (String sub : new java.util.TreeSet<>(index.subtypesOf(writer.fact().ownerType()))) {
      for (IndexedMethod method : index.methods(sub, writer.fact().name())) {
        if (!method.fact().isStatic() && !method.fact().isConstructor()
            && method.fact().params().size() == writer.fact().params().size()) {
          found.add(method);
        }
      }
    }
    return found;
  }

  /** A class, its supertypes and its subtypes: the classes whose methods may run on one object with it. */
  private Set<String> family(String owner) {
    Set<String> family = new java.util.LinkedHashSet<>(index.supertypesOf(owner));
    family.add(owner);
    family.addAll(new java.util.TreeSet<>(index.subtypesOf(owner)));
    return family;
  }

  /** The project types a source file declares, sorted: indexed once, not searched over every type per writer. */
  private List<String> typesInFile(String path) {
    if (typesByFile == null) {
      typesByFile = new HashMap<>();
      index.types().stream().map(dev.optkit.analyzers.facts.TypeFact::qualifiedName).sorted().forEach(type -> {
        String file = index.pathOfType(type);
        if (file != null) {
          typesByFile.computeIfAbsent(file, k -> new ArrayList<>()).add(type);
        }
      });
    }
    return typesByFile.getOrDefault(path, List.of());
  }

  private Map<String, List<String>> typesByFile;

  /**
   * A method of the writer's class (or one that runs on the same object) handing {@code this} to another call
   * ({@code new Thread(this)}, {@code RenameHelper.apply(this, id)}), as {@code apply()}; empty when none does. Whoever
   * gets it calls the writer on the object itself, where no proxy evicts.
   */
  public Optional<String> thisHandedOut(IndexedMethod writer) {
    return handedOut.computeIfAbsent(writer.fact().ownerType(), this::findThisHandedOut);
  }

  private final Map<String, Optional<String>> handedOut = new HashMap<>();

  private Optional<String> findThisHandedOut(String owner) {
    Set<String> types = new java.util.LinkedHashSet<>(family(owner));
    types.addAll(index.typesNestedIn(owner));
    for (String type : types) {
      for (IndexedMethod method : index.methodsOfType(type)) {
        for (var handOff : method.fact().handOffs()) {
          if (handOff.fromCall() == null && handOff.fromParameter() == dev.optkit.analyzers.facts.MethodFact.RECEIVER
              && !handOff.part() && handOff.position() >= 0 && !handOff.returned()) {
            return Optional.of(handOff.target() + "() in " + method.fact().displayName() + "()");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the writer's class, one on the same object or one nested in it, names the writer, or a method of the
   * object that calls it, in a field initialiser, an initialiser block or an enum constant ({@code Renamer renamer =
   * this::rename}, {@code Map.of("rename", this::rename)}): code no method shows, which may run the write on the object
   * itself, past the proxy that would evict. By name, whatever the field's type (a {@code Map<String, BiConsumer>}'s
   * values hold code as much as a {@code BiConsumer}: hostile review 35's c1). A library class of the family counts,
   * its fields unread, unless it is one of Spring's interfaces or {@code Serializable}, which hold no such code (a
   * library interface's default methods, a {@code BiConsumer}'s {@code andThen}, run the object itself: c3).
   */
  public boolean holdsCode(IndexedMethod writer) {
    return codeHolder(writer).isPresent();
  }

  /**
   * The type of the writer's family (or a class it is nested in) that may run it from code it keeps, or from code
   * optkit cannot read: a library supertype ({@code AbstractRememberMeServices}, whose template methods call the
   * overridden steps on {@code this}).
   */
  public java.util.Optional<String> codeHolder(IndexedMethod writer) {
    Set<String> family = family(writer.fact().ownerType());
    // a library interface the family implements (UserDetailsService: audit 11's s12) has no instance fields
    Set<String> interfaces = new java.util.HashSet<>();
    // (and whatever an interface of the family extends: BaseRepository extends JpaRepository, audit 10's R project)
    family.forEach(type -> index.type(type).ifPresent(t -> interfaces.addAll(t.kind().equals("interface")
        ? t.superTypes() : t.interfaces())));
    Set<String> running = namesRunning(writer);
    List<String> holders = new ArrayList<>(family);
    holders.addAll(index.typesNestedIn(writer.fact().ownerType()));
    for (String type : holders) {
      boolean quiet = interfaces.contains(type) && (type.startsWith("org.springframework.") || type.equals("java.io.Serializable"))
          // a library class whose bytecode declares none of the names: its code cannot call them on the object (hostile
          // review 95's e03: AppConfig extends AbstractJdbcConfiguration, which has no dataSource())
          || index.type(type).isEmpty() && running.stream().allMatch(name ->
              index.libraryDeclaresName(TypeNames.raw(type), name).equals(java.util.Optional.of(false))
                  // nor named in text, which a library may call by reflection (hostile review 97's J1:
                  // MessageListenerAdapter.setDefaultListenerMethod("renameNl"))
                  && !namedInText(name));
      if (index.type(type).map(t -> t.fieldCodeCalls().stream().anyMatch(name -> running.contains(name)
          || name.equals(dev.optkit.analyzers.facts.values.FieldCodeCalls.THIS))).orElse(!quiet)) {
        return java.util.Optional.of(type);
      }
    }
    return java.util.Optional.empty();
  }

  /** Whether a call anywhere in the project passes the name as a string literal ({@link ProjectIndex#namedInCallText}). */
  private boolean namedInText(String name) {
    return index.namedInCallText(name);
  }

  /** The writer's name and those of the methods calling it through {@code this}, at any depth. */
  private Set<String> namesRunning(IndexedMethod writer) {
    Set<String> names = new java.util.TreeSet<>();
    java.util.ArrayDeque<IndexedMethod> pending = new java.util.ArrayDeque<>(List.of(writer));
    Set<IndexedMethod> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    while (!pending.isEmpty()) {
      IndexedMethod method = pending.poll();
      if (seen.add(method)) {
        names.add(method.fact().name());
        selfCalls(method).forEach(call -> pending.add(call.getKey()));
      }
    }
    return names;
  }

  /** Whether any field initialiser, initialiser block or enum constant of the project names the method. */
  public boolean namedInFieldCode(IndexedMethod method) {
    if (fieldCodeNames == null) {
      fieldCodeNames = new java.util.HashSet<>();
      index.types().forEach(type -> fieldCodeNames.addAll(type.fieldCodeCalls()));
    }
    return fieldCodeNames.contains(method.fact().name());
  }

  private Set<String> fieldCodeNames;

  /**
   * Where production code makes an object of the writer's class with {@code new} outside a {@code @Bean} method (a
   * controller's {@code new CatWriter(repo)}: hostile review 35's g0, g1): that object is no bean, and no proxy
   * evicts around its writes. Empty when none does.
   */
  public Optional<String> madeWithNew(String owner) {
    if (newMakers == null) { // every construction of the project read once, not once per writer asked about
      newMakers = new HashMap<>();
      index.files().stream().filter(file -> !dev.optkit.analyzers.source.SourceSet.isTestPath(file.path()))
          .flatMap(file -> file.creations().stream())
          .filter(made -> !made.anonymous() && made.site() != dev.optkit.analyzers.facts.FileFacts.Creation.Site.BEAN)
          .forEach(made -> newMakers.merge(made.type(), ProjectTraits.simpleName(made.ownerType()),
              (one, other) -> one.compareTo(other) <= 0 ? one : other));
    }
    return Optional.ofNullable(newMakers.get(owner));
  }

  /** By class: the first (by name) production class that makes one with {@code new}; null until asked. */
  private Map<String, String> newMakers;

  private static final Set<String> LISTENERS = Set.of("EventListener", "TransactionalEventListener", "Scheduled",
      "KafkaListener", "RabbitListener", "JmsListener", "SqsListener");

  /**
   * A field of the class another class reads directly ({@code users.holder} in a service): once a cache annotation
   * makes the bean a proxy, the reader gets the proxy's own field, which Spring never sets (hostile review 66's X: a
   * NullPointerException in the migrated service).
   */
  public Optional<String> fieldReadElsewhere(String type) {
    String prefix = dev.optkit.analyzers.facts.values.ForeignFieldWrites.READ + type + "#";
    for (dev.optkit.analyzers.facts.TypeFact reader : index.types()) {
      for (String entry : reader.foreignFieldWrites()) {
        if (entry.startsWith(prefix) && !reader.qualifiedName().equals(type)
            && !dev.optkit.analyzers.source.SourceSet.isTestPath(index.pathOfType(reader.qualifiedName()))) {
          return Optional.of(reader.qualifiedName().substring(reader.qualifiedName().lastIndexOf('.') + 1)
              + " reads its field " + entry.substring(prefix.length()) + " directly, which the proxy @Cacheable makes of"
              + " the bean does not hold: the reader would get null");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A private listener or scheduled method of the class ({@code @EventListener private void on(...)}), as
   * {@code @EventListener on()}: Spring refuses to invoke it on a proxy, which a cache annotation makes the bean.
   */
  public Optional<String> privateListener(String type) {
    for (IndexedMethod method : index.methodsOfType(type)) {
      if (method.fact().isPrivate()) {
        for (String annotation : method.fact().annotations()) {
          String simple = annotation.substring(annotation.lastIndexOf('.') + 1);
          if (LISTENERS.contains(simple)) {
            return Optional.of("@" + simple + " " + method.fact().name() + "()");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * For each method of the class but {@code target} and the constructors, in member order: its
   * first reach that writes data one of these reads reads.
   */
  public List<OwnWrite> writesOverlapping(IndexedMethod target, List<DataFootprint> reads) {
    List<OwnWrite> first = new ArrayList<>();
    Set<IndexedMethod> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (OwnWrite write : of(target.fact().ownerType()).writes.overlapping(reads)) {
      if (write.method() != target && seen.add(write.method())) {
        first.add(write);
      }
    }
    return first;
  }
}
