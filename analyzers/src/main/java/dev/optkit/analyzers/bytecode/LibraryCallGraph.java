package dev.optkit.analyzers.bytecode;

import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.Access;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.objectweb.asm.Opcodes;

/**
 * The call graph over a set of jars and the I/O each of their methods reaches. A call dispatches
 * as the JVM would resolve it (the owner, then its superclasses, then its interfaces' defaults),
 * and a virtual call also to every override in a subtype anywhere in the set (class-hierarchy
 * analysis) when the owner has at most {@link #MAX_SUBTYPES} subtypes: over-approximate, so a library
 * method that may do I/O is not missed, but not into every plug-in of a plug-in point. Calls on JDK
 * types other than the I/O primitives (a {@code Runnable.run}, an {@code Object.toString}) are not
 * followed into library overrides: every library's toString would otherwise reach every other's
 * I/O. Reach is a fixpoint over reverse edges (no depth limit), under a deadline.
 */
final class LibraryCallGraph {
  static final int READ = 1;
  static final int WRITE = 2;
  static final int UNKNOWN = 4;
  static final int DB = 8;
  static final int API = 16;

  /** What a method reaches: kind and access bits, and the first primitive of each kind found. */
  record Reach(int mask, String dbBasis, String apiBasis) {}

  /** A type, its jar, and its methods' numbers: {@code first} up to {@code first + type.methods().size()}. */
  private record TypeEntry(JarGraph.Type type, int jar, int first) {}

  private List<JarGraph> jars;
  private final IoPrimitives primitives;
  private final Map<String, TypeEntry> types = new HashMap<>();
  /** The types in class-path order, as {@link #add} took them: what {@link #kept} keeps, in the order they came. */
  private final List<String> typeOrder = new ArrayList<>();
  private final Map<String, String> byDottedName = new HashMap<>();
  private final Map<String, List<String>> subtypes = new HashMap<>();
  private final Map<String, List<String>> ancestors = new HashMap<>();
  private final Map<String, int[]> virtualTargets = new HashMap<>();
  /** By jar and call number, while the graph is built: a call is made from many methods of its jar. */
  private IoPrimitives.Primitive[][] primitiveOf;
  private int[][][] targetsOf;
  private static final int[] NONE = new int[0];
  /** The most subtypes a virtual call's owner may have for the call to be followed into their overrides. */
  static final int MAX_SUBTYPES = 8;
  private static final IoPrimitives.Primitive NOT_PRIMITIVE = new IoPrimitives.Primitive(ClientKind.API, "", Access.UNKNOWN);
  private final List<String> methodOwner = new ArrayList<>();
  private final List<JarGraph.Method> methods = new ArrayList<>();
  private int[] mask;
  private String[] dbBasis;
  private String[] apiBasis;
  /** The callee each method's first basis came through, or -1 where the method makes the primitive call itself. */
  private int[] via;
  private boolean complete = true;

  /** @param jars made {@link JarGraph#canonical canonical} with one table: their names compare by identity */
  /** @param nanos the clock {@code deadlineNanos} is on: {@link System#nanoTime()}, or a test's */
  LibraryCallGraph(List<JarGraph> jars, IoPrimitives primitives, long deadlineNanos, LongSupplier nanos) {
    this.jars = jars;
    this.primitives = primitives;
    for (int j = 0; j < jars.size(); j++) {
      for (JarGraph.Type type : jars.get(j).types()) {
        if (!types.containsKey(type.name())) { // the same class in two jars: the first on the class path loads
          add(type, j);
        }
      }
    }
    propagate(deadlineNanos, nanos);
    forgetCalls();
  }

  /** A graph as {@link #kept()} gave it: its reach computed by the run that kept it. */
  private LibraryCallGraph(Kept kept, IoPrimitives primitives) {
    this.primitives = primitives;
    for (int t = 0; t < kept.types().size(); t++) {
      if (types.containsKey(kept.types().get(t).name())) {
        throw new IllegalArgumentException("a kept graph with a type twice");
      }
      add(kept.types().get(t), kept.jarOf()[t]);
    }
    if (kept.mask().length != methods.size() || kept.dbBasis().length != methods.size()
        || kept.apiBasis().length != methods.size() || kept.via().length != methods.size()) {
      throw new IllegalArgumentException("a kept graph whose reach does not fit its methods");
    }
    for (int via : kept.via()) {
      java.util.Objects.checkIndex(via + 1, methods.size() + 1);
    }
    mask = kept.mask().clone();
    dbBasis = kept.dbBasis().clone();
    apiBasis = kept.apiBasis().clone();
    via = kept.via().clone();
  }

  /**
   * What answers the queries of a complete graph, to be kept and {@link #restored} by a later run over the same jars:
   * every type that loads, in class-path order (its methods without their calls), the jar it came from, and each
   * method's reach, bases and the callee its first basis came through.
   */
  record Kept(List<JarGraph.Type> types, int[] jarOf, int[] mask, String[] dbBasis, String[] apiBasis, int[] via) {}

  Kept kept() {
    if (!complete) {
      throw new IllegalStateException("a graph cut short by its deadline is not kept");
    }
    // in the order they were added, not by their first method's number: a type without methods shares it with the
    // next one, and a restored graph's subtypes came out in another order, answering with another basis
    List<TypeEntry> ordered = typeOrder.stream().map(types::get).toList();
    int[] jarOf = new int[ordered.size()];
    List<JarGraph.Type> kept = new ArrayList<>(ordered.size());
    for (int t = 0; t < ordered.size(); t++) {
      kept.add(ordered.get(t).type());
      jarOf[t] = ordered.get(t).jar();
    }
    return new Kept(kept, jarOf, mask.clone(), dbBasis.clone(), apiBasis.clone(), via.clone());
  }

  /** The graph a {@link Kept} describes; one whose numbers do not hold together throws. */
  static LibraryCallGraph restored(Kept kept, IoPrimitives primitives) {
    return new LibraryCallGraph(kept, primitives);
  }

  private void add(JarGraph.Type type, int jar) {
    types.put(type.name(), new TypeEntry(type, jar, methods.size()));
    typeOrder.add(type.name());
    for (JarGraph.Method method : type.methods()) {
      methods.add(method);
      methodOwner.add(type.name());
    }
    byDottedName.putIfAbsent(IoPrimitives.dotted(type.name()), type.name());
    if (type.superName() != null) {
      subtypes.computeIfAbsent(type.superName(), k -> new ArrayList<>()).add(type.name());
    }
    for (String implemented : type.interfaces()) {
      subtypes.computeIfAbsent(implemented, k -> new ArrayList<>()).add(type.name());
    }
  }

  /**
   * What answers the project's queries is kept (types, methods' names, reach); the calls, the
   * memos and the graphs are dropped: the summaries live as long as the index, beside the parse.
   */
  private void forgetCalls() {
    jars = null;
    virtualTargets.clear();
    ancestors.clear();
    for (Map.Entry<String, TypeEntry> entry : types.entrySet()) {
      TypeEntry kept = entry.getValue();
      List<JarGraph.Method> slim = new ArrayList<>(kept.type().methods().size());
      for (JarGraph.Method method : kept.type().methods()) {
        JarGraph.Method without = new JarGraph.Method(method.name(), method.descriptor(), method.access(), null);
        slim.add(without);
        methods.set(kept.first() + slim.size() - 1, without);
      }
      JarGraph.Type type = kept.type();
      entry.setValue(new TypeEntry(new JarGraph.Type(type.name(), type.superName(), type.interfaces(), type.access(), slim),
          kept.jar(), kept.first()));
    }
  }

  /** Whether the reach was computed to the end (false: the deadline stopped it, answers are partial). */
  boolean complete() {
    return complete;
  }

  int methodCount() {
    return methods.size();
  }

  /** How many methods reach some I/O. */
  int reachingCount() {
    int count = 0;
    for (int bits : mask) {
      count += bits == 0 ? 0 : 1;
    }
    return count;
  }

  /** The internal name of a type source names {@code com.acme.Outer.Inner}, if a jar has it. */
  Optional<String> internalName(String dotted) {
    return Optional.ofNullable(byDottedName.get(dotted));
  }

  /**
   * The overloads of a method a call with this many arguments may mean (varargs ones too), declared on the type or
   * inherited, each as its name and descriptor, by descriptor; not private, no bridges.
   */
  List<JarGraph.Method> overloads(String owner, String name, int arity) {
    Map<String, JarGraph.Method> found = new java.util.TreeMap<>();
    for (String type : ancestorsOf(owner)) {
      TypeEntry entry = types.get(type);
      if (entry == null) {
        continue;
      }
      for (JarGraph.Method method : entry.type().methods()) {
        int parameters = org.objectweb.asm.Type.getArgumentCount(method.descriptor());
        boolean varargs = (method.access() & Opcodes.ACC_VARARGS) != 0;
        // update(conn, sql, a, b) means update(Connection, String, Object...): a varargs method takes one argument
        // less than it declares, or any number more (recall study: Commons DbUtils' QueryRunner)
        if (method.name().equals(name) && (method.access() & (Opcodes.ACC_PRIVATE | Opcodes.ACC_BRIDGE)) == 0
            && (parameters == arity || varargs && arity >= parameters - 1)) {
          found.putIfAbsent(method.descriptor(), method);
        }
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * The types the instance methods of a type answer, declared or inherited, not private (internal names and
   * primitives as ASM names them, each once, in the graph's order).
   */
  List<String> instanceAnswers(String owner) {
    return instanceAnswerTypes(owner).stream().map(org.objectweb.asm.Type::getClassName).distinct().toList();
  }

  /** The answers of the type's instance methods, declared or inherited, not private: ASM's types, in the graph's order. */
  private List<org.objectweb.asm.Type> instanceAnswerTypes(String owner) {
    List<org.objectweb.asm.Type> answers = new ArrayList<>();
    for (String type : ancestorsOf(owner)) {
      TypeEntry entry = types.get(type);
      if (entry == null) {
        continue;
      }
      for (JarGraph.Method method : entry.type().methods()) {
        if ((method.access() & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_BRIDGE)) == 0
            && !method.name().startsWith("<")) {
          answers.add(org.objectweb.asm.Type.getReturnType(method.descriptor()));
        }
      }
    }
    return answers;
  }

  /**
   * Whether the type or anything it extends or implements declares a method of that name, not private (a method the
   * type's own code may call on an object of a subclass); empty when an ancestor other than {@code java.lang.Object}
   * is in no jar read.
   */
  Optional<Boolean> declaresName(String owner, String name) {
    boolean found = false;
    for (String type : ancestorsOf(owner)) {
      TypeEntry entry = types.get(type);
      if (entry == null) {
        if (!type.equals("java/lang/Object")) {
          return Optional.empty();
        }
        continue;
      }
      found |= entry.type().methods().stream().anyMatch(method -> method.name().equals(name)
          && (method.access() & Opcodes.ACC_PRIVATE) == 0);
    }
    return Optional.of(found);
  }

  /** The chain of methods from this one to the one that makes a primitive call, as {@code Owner.name} (for explanations). */
  List<String> pathFrom(String owner, JarGraph.Method method) {
    List<String> path = new ArrayList<>();
    for (int target : targets(owner, method.name(), method.descriptor(), true)) {
      if (mask[target] != 0 && !anonymousElsewhere(methodOwner.get(target), owner)) {
        for (int m = target; m >= 0 && path.size() < 64; m = via[m]) {
          path.add(IoPrimitives.dotted(methodOwner.get(m)) + "." + methods.get(m).name());
        }
        break;
      }
    }
    return path;
  }

  /** What a virtual call of this method on this type reaches: every method it may run, together. */
  Reach reachOf(String owner, JarGraph.Method method) {
    int bits = 0;
    String db = null;
    String api = null;
    for (int target : targets(owner, method.name(), method.descriptor(), true)) {
      if (anonymousElsewhere(methodOwner.get(target), owner)) {
        continue;
      }
      bits |= mask[target];
      db = db == null ? dbBasis[target] : db;
      api = api == null ? apiBasis[target] : api;
    }
    return new Reach(bits, db, api);
  }

  private void propagate(long deadlineNanos, LongSupplier nanos) {
    int count = methods.size();
    primitiveOf = new IoPrimitives.Primitive[jars.size()][];
    targetsOf = new int[jars.size()][][];
    mask = new int[count];
    dbBasis = new String[count];
    apiBasis = new String[count];
    via = new int[count];
    Arrays.fill(via, -1);
    // reverse edges, as a compressed table: callers of each method
    int[] edgeFrom = new int[1024];
    int[] edgeTo = new int[1024];
    int edges = 0;
    ArrayDeque<Integer> work = new ArrayDeque<>();
    for (int m = 0; m < count; m++) {
      if ((m & 1023) == 0 && nanos.getAsLong() - deadlineNanos > 0) {
        complete = false;
        return;
      }
      String caller = methodOwner.get(m);
      JarGraph graph = jars.get(types.get(caller).jar());
      for (int index : methods.get(m).calls()) {
        JarGraph.Call call = graph.calls().get(index);
        int jar = types.get(caller).jar();
        if (primitiveOf[jar] == null) {
          primitiveOf[jar] = new IoPrimitives.Primitive[graph.calls().size()];
          targetsOf[jar] = new int[graph.calls().size()][];
        }
        IoPrimitives.Primitive primitive = primitiveOf[jar][index];
        if (primitive == null) {
          primitive = primitives.of(call, ancestorsOf(call.owner())).orElse(NOT_PRIMITIVE);
          primitiveOf[jar][index] = primitive;
        }
        if (primitive != NOT_PRIMITIVE) {
          IoPrimitives.Primitive made = IoPrimitives.madeBy(primitive, caller);
          if (made != null) {
            note(m, made);
          }
          continue;
        }
        if (!types.containsKey(call.owner())) {
          continue; // a JDK or missing type: not followed (see the class comment)
        }
        int[] called = targetsOf[jar][index];
        if (called == null) {
          boolean virtual = call.dispatch() == JarGraph.Call.VIRTUAL;
          called = targets(call.owner(), call.name(), call.descriptor(), virtual);
          int[] own = virtual ? anonymousPastBound.get(call.owner() + '.' + call.name() + call.descriptor()) : null;
          if (own != null) { // kept after the plug-in point's targets, each followed only from its own class below
            called = java.util.stream.IntStream.concat(Arrays.stream(called), Arrays.stream(own)).toArray();
          }
          targetsOf[jar][index] = called;
        }
        // a call on the caller's own kind (a template method's hook, on this) dispatches on the object whoever called it
        // chose, which every implementation stands for as before; one on another kind of object is a configured choice
        // (a decorator's call of the same method on the object it wraps is the choice it passes on, not its own hook)
        boolean passedOn = methods.get(m).name().equals(call.name()) && methods.get(m).descriptor().equals(call.descriptor());
        int[] chosen = call.dispatch() == JarGraph.Call.VIRTUAL
            && (passedOn || !ancestorsOf(caller).contains(call.owner())) ? configured(called, call) : null;
        int from = m;
        if (chosen != null) {
          // one node standing for the choice: reached by its implementations, reaching the caller
          int junction = count + junctions.size();
          junctions.add(chosen);
          if (edges + 1 >= edgeFrom.length) {
            edgeFrom = Arrays.copyOf(edgeFrom, edges * 2 + 2);
            edgeTo = Arrays.copyOf(edgeTo, edges * 2 + 2);
          }
          edgeFrom[edges] = m;
          edgeTo[edges] = junction;
          edges++;
          from = junction;
        }
        for (int target : called) {
          if (anonymousElsewhere(methodOwner.get(target), caller) || makesAClient(target)) {
            continue;
          }
          if (edges == edgeFrom.length) {
            edgeFrom = Arrays.copyOf(edgeFrom, edges * 2);
            edgeTo = Arrays.copyOf(edgeTo, edges * 2);
          }
          // an implementation of the choice reaches the caller through it; any other target (a decorator, a callback
          // of the caller's own class) as any call does
          edgeFrom[edges] = chosen != null && Arrays.binarySearch(chosen, target) >= 0 ? from : m;
          edgeTo[edges] = target;
          edges++;
        }
      }
      if (mask[m] != 0) {
        work.add(m);
      }
    }
    primitiveOf = null;
    targetsOf = null;
    int nodes = count + junctions.size();
    mask = Arrays.copyOf(mask, nodes);
    dbBasis = Arrays.copyOf(dbBasis, nodes);
    apiBasis = Arrays.copyOf(apiBasis, nodes);
    int[] start = new int[nodes + 1];
    for (int e = 0; e < edges; e++) {
      start[edgeTo[e] + 1]++;
    }
    for (int i = 0; i < nodes; i++) {
      start[i + 1] += start[i];
    }
    int[] callers = new int[edges];
    int[] fill = Arrays.copyOf(start, nodes);
    for (int e = 0; e < edges; e++) {
      callers[fill[edgeTo[e]]++] = edgeFrom[e];
    }
    long steps = 0;
    while (!work.isEmpty()) {
      if ((++steps & 4095) == 0 && nanos.getAsLong() - deadlineNanos > 0) {
        complete = false;
        return;
      }
      int callee = work.poll();
      for (int i = start[callee]; i < start[callee + 1]; i++) {
        int caller = callers[i];
        if (caller >= count) { // a choice among implementations: a database only once each of them reaches one
          int[] chosen = junctions.get(caller - count);
          boolean everyDatabase = true;
          int any = 0;
          int remote = 0;
          for (int implementation : chosen) {
            everyDatabase &= (mask[implementation] & DB) != 0;
            any |= mask[implementation];
            remote |= (mask[implementation] & API) != 0 ? mask[implementation] & ~DB : 0;
          }
          int reached = everyDatabase ? any : remote;
          if (reached != 0 && (reached | mask[caller]) != mask[caller]) {
            mask[caller] |= reached;
            if (everyDatabase) {
              dbBasis[caller] = java.util.Arrays.stream(chosen).mapToObj(t -> dbBasis[t])
                  .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            }
            apiBasis[caller] = java.util.Arrays.stream(chosen).mapToObj(t -> apiBasis[t])
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            work.add(caller);
          }
          continue;
        }
        int merged = mask[caller] | mask[callee];
        boolean newBasis = dbBasis[caller] == null && dbBasis[callee] != null
            || apiBasis[caller] == null && apiBasis[callee] != null;
        if (merged != mask[caller] || newBasis) {
          if (mask[caller] == 0) {
            // through a choice: the first of its implementations, a method a path can name
            via[caller] = callee < count ? callee : java.util.Arrays.stream(junctions.get(callee - count))
                .filter(t -> mask[t] != 0).findFirst().orElse(-1);
          }
          mask[caller] = merged;
          dbBasis[caller] = dbBasis[caller] == null ? dbBasis[callee] : dbBasis[caller];
          apiBasis[caller] = apiBasis[caller] == null ? apiBasis[callee] : apiBasis[caller];
          work.add(caller);
        }
      }
    }
    mask = Arrays.copyOf(mask, count);
    dbBasis = Arrays.copyOf(dbBasis, count);
    apiBasis = Arrays.copyOf(apiBasis, count);
    junctions.clear();
    choices.clear();
  }

  /** Of each choice among implementations a library call makes (a node past the methods' numbers), those implementations. */
  private final List<int[]> junctions = new ArrayList<>();

  /**
   * The implementations a virtual call inside a library chooses among by the object it was configured with, when it
   * has two or more with a body of their own: a store, a session manager, a lock factory held in a field (an object of
   * a type that is none of the caller's own supertypes: a template method's call of its own hook runs the class its
   * caller made, as Axis2's OperationClient.execute runs executeImpl), whose choice is the deployment's (Tomcat's
   * session manager loads sessions from a JDBC store when one is configured, a file store or memory otherwise;
   * openid4java's association store may be JDBC or in memory). The call reaches a database only when every one of them
   * does: a library keeps its own state (sessions, associations) in a database only where the deployment gives it one.
   * Remote calls any of them makes are reached as before: a client library's transports are what it is for (Axis2's
   * senders, one of them in-VM for tests). One that only passes the call on to another of its kind (a decorator, a
   * wrapper) chooses nothing and is left out. Null for a call with one implementation, which is followed as any call
   * is. (Two blind trials' servlet and Shiro calls reached a JDBC session store this way: RequestDispatcher.forward,
   * Shiro's login.)
   */
  private int[] configured(int[] called, JarGraph.Call call) {
    if (called.length < 2) {
      return null;
    }
    String key = call.owner() + '.' + call.name() + call.descriptor();
    int[] known = choices.get(key);
    if (known == null) {
      known = Arrays.stream(called)
          .filter(target -> (methods.get(target).access() & Opcodes.ACC_ABSTRACT) == 0)
          .filter(target -> !anonymous(methodOwner.get(target)) && !makesAClient(target) && !delegates(target, call))
          .sorted().toArray();
      choices.put(key, known);
    }
    return known.length >= 2 ? known : null;
  }

  /** By a virtual call (owner, name, descriptor), the implementations {@link #configured} found, sorted. */
  private final Map<String, int[]> choices = new HashMap<>();

  /** Whether the implementation calls the same method itself: a decorator passing the call on to another of its kind. */
  private boolean delegates(int target, JarGraph.Call call) {
    JarGraph graph = jars.get(types.get(methodOwner.get(target)).jar());
    for (int index : methods.get(target).calls()) {
      JarGraph.Call inner = graph.calls().get(index);
      if (inner.name().equals(call.name()) && inner.descriptor().equals(call.descriptor())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the method is a constructor of a client the catalogue names or of a factory of one (a type whose instance
   * methods answer such a client, as a SessionFactory's openSession() answers a Session): making it, start-up, as the
   * catalogue's own clients' constructors are (IoPrimitives) and as a project call answering one is
   * (LibrarySites): what it runs is not a query of whoever made it. Hibernate's JMX SessionFactory builds its factory on
   * first use, whose constructor updates the schema, so every call of the stub (getClassMetadata, openSession) reached
   * an executeUpdate (a blind trial's Hibernate 3 application: its getClassMetadata calls taken for queries).
   */
  private boolean makesAClient(int method) {
    if (!methods.get(method).name().equals("<init>")) {
      return false;
    }
    return clientMaker.computeIfAbsent(methodOwner.get(method), type -> isClient(type) || instanceAnswersAClient(type));
  }

  private final Map<String, Boolean> clientMaker = new HashMap<>();

  private boolean isClient(String type) {
    for (String ancestor : ancestorsOf(type)) {
      if (primitives.namesClient(ancestor)) {
        return true;
      }
    }
    return false;
  }

  private boolean instanceAnswersAClient(String type) {
    return instanceAnswerTypes(type).stream().anyMatch(answer -> answer.getSort() == org.objectweb.asm.Type.OBJECT
        && isClient(answer.getInternalName()));
  }

  private void note(int method, IoPrimitives.Primitive primitive) {
    mask[method] |= (primitive.kind() == ClientKind.DB ? DB : API) | switch (primitive.access()) {
      case READ -> READ;
      case WRITE -> WRITE;
      default -> UNKNOWN;
    };
    if (primitive.kind() == ClientKind.DB && dbBasis[method] == null) {
      dbBasis[method] = primitive.basis();
    } else if (primitive.kind() == ClientKind.API && apiBasis[method] == null) {
      apiBasis[method] = primitive.basis();
    }
  }

  /**
   * Whether a target is a method of an anonymous class ({@code Outer$1}, javac's and kotlinc's names) called from
   * outside the top-level class that holds it. Such an override runs only on the object its own code made and handed
   * out, so a virtual call elsewhere is not followed into it: JGit's S3 transport hands out a {@code TemporaryBuffer}
   * subclass that uploads on close(), and every buffer.close() in JGit had become an upload (issue 26's recall study:
   * 128 wrong findings). A call through the object that code handed out, made elsewhere, is missed: the price.
   */
  private static boolean anonymousElsewhere(String target, String caller) {
    return anonymous(target) && !topLevel(target).equals(topLevel(caller));
  }

  /** Whether the type is an anonymous class: {@code Outer$1}, javac's and kotlinc's names. */
  private static boolean anonymous(String type) {
    int last = type.lastIndexOf('$');
    if (last < 0 || last == type.length() - 1) {
      return false;
    }
    for (int i = last + 1; i < type.length(); i++) {
      if (!Character.isDigit(type.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String topLevel(String type) {
    int dollar = type.indexOf('$');
    return dollar < 0 ? type : type.substring(0, dollar);
  }

  /** The methods a call may run: the one resolution finds, and for a virtual call every override below the owner. */
  private int[] targets(String owner, String name, String descriptor, boolean virtual) {
    if (!virtual || !subtypes.containsKey(owner)) {
      int resolved = resolve(owner, name, descriptor);
      return resolved < 0 ? NONE : new int[] {resolved};
    }
    String key = owner + '.' + name + descriptor;
    int[] known = virtualTargets.get(key);
    if (known != null) {
      return known;
    }
    Set<Integer> found = new LinkedHashSet<>();
    int resolved = resolve(owner, name, descriptor);
    if (resolved >= 0) {
      found.add(resolved);
    }
    ArrayDeque<String> below = new ArrayDeque<>(subtypes.getOrDefault(owner, List.of()));
    Set<String> seen = new java.util.HashSet<>();
    while (!below.isEmpty()) {
      String type = below.poll();
      if (!seen.add(type)) {
        continue;
      }
      int override = declared(types.get(type), name, descriptor);
      if (override >= 0 && (methods.get(override).access() & Opcodes.ACC_ABSTRACT) == 0) {
        found.add(override);
      }
      below.addAll(subtypes.getOrDefault(type, List.of()));
    }
    // a type with more subtypes than this is a plug-in point (a file system, a codec, a trace sink):
    // following every override made H2's JdbcDataSource.setURL reach a socket through its debug
    // trace, its recording file system and its recovery tester. Only the resolved method is followed.
    int[] result = seen.size() > MAX_SUBTYPES ? (resolved >= 0 ? new int[] {resolved} : NONE)
        : found.stream().mapToInt(Integer::intValue).toArray();
    if (seen.size() > MAX_SUBTYPES) {
      // but an anonymous class's override runs where its own top-level class calls the plug-in point: that code made
      // the object (Spring's HibernateTemplate makes a callback per operation and runs it in its doExecute, whose
      // callback interface has more implementations than the bound). anonymousElsewhere keeps them from other callers
      int[] own = found.stream().mapToInt(Integer::intValue)
          .filter(target -> target != resolved && anonymous(methodOwner.get(target))).toArray();
      if (own.length > 0) {
        anonymousPastBound.put(key, own);
      }
    }
    virtualTargets.put(key, result);
    return result;
  }

  /** By a plug-in point's method (owner, name, descriptor), its overrides in anonymous classes. */
  private final Map<String, int[]> anonymousPastBound = new HashMap<>();

  /** The method the JVM resolves: declared on the owner, a superclass, or (a default) an interface. */
  private int resolve(String owner, String name, String descriptor) {
    for (String type : ancestorsOf(owner)) {
      int method = declared(types.get(type), name, descriptor);
      if (method >= 0) {
        return method;
      }
    }
    return -1;
  }

  /**
   * The number of the method a type declares with this name and descriptor, or -1. Both come from
   * the graphs (calls, methods), so they are the table's own strings and compare by identity.
   */
  private int declared(TypeEntry entry, String name, String descriptor) {
    if (entry == null) {
      return -1;
    }
    List<JarGraph.Method> own = entry.type().methods();
    for (int i = 0; i < own.size(); i++) {
      JarGraph.Method method = own.get(i);
      if (method.name() == name && method.descriptor() == descriptor) {
        return entry.first() + i;
      }
    }
    return -1;
  }

  /** The type, its superclasses, then its interfaces (breadth first), as far as the jars know them. */
  List<String> ancestorsOf(String type) {
    List<String> known = ancestors.get(type);
    if (known != null) {
      return known;
    }
    Set<String> order = new LinkedHashSet<>();
    for (String current = type; current != null && order.add(current);) {
      TypeEntry entry = types.get(current);
      current = entry == null ? null : entry.type().superName();
    }
    ArrayDeque<String> interfaces = new ArrayDeque<>();
    for (String t : List.copyOf(order)) {
      TypeEntry entry = types.get(t);
      if (entry != null) {
        interfaces.addAll(entry.type().interfaces());
      }
    }
    while (!interfaces.isEmpty()) {
      String next = interfaces.poll();
      if (order.add(next)) {
        TypeEntry entry = types.get(next);
        if (entry != null) {
          interfaces.addAll(entry.type().interfaces());
        }
      }
    }
    List<String> result = List.copyOf(order);
    ancestors.put(type, result);
    return result;
  }
}
