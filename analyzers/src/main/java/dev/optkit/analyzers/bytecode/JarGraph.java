package dev.optkit.analyzers.bytecode;

import java.util.List;

/**
 * What one jar's bytecode says about calls: its classes, their supertypes, and for each method
 * the calls its body makes. It depends on the jar's bytes alone, so it is cached by their hash;
 * what reaches I/O is decided over the whole set of jars ({@link LibraryCallGraph}).
 *
 * @param calls every distinct call the jar's methods make; methods refer to them by position
 */
public record JarGraph(List<Type> types, List<Call> calls) {

  public JarGraph {
    types = List.copyOf(types);
    calls = List.copyOf(calls);
  }

  /**
   * The same graph with every name and descriptor taken from {@code table} (added when new): one
   * copy of {@code java/lang/Object} for all jars, not one per call, and names compared by identity.
   */
  JarGraph canonical(java.util.Map<String, String> table) {
    java.util.function.UnaryOperator<String> one = text -> text == null ? null : table.computeIfAbsent(text, t -> t);
    List<Type> sharedTypes = new java.util.ArrayList<>(types.size());
    for (Type type : types) {
      List<Method> sharedMethods = new java.util.ArrayList<>(type.methods().size());
      for (Method method : type.methods()) {
        sharedMethods.add(new Method(one.apply(method.name()), one.apply(method.descriptor()), method.access(), method.calls()));
      }
      sharedTypes.add(new Type(one.apply(type.name()), one.apply(type.superName()),
          type.interfaces().stream().map(one).toList(), type.access(), sharedMethods));
    }
    List<Call> sharedCalls = new java.util.ArrayList<>(calls.size());
    for (Call call : calls) {
      sharedCalls.add(new Call(call.dispatch(), one.apply(call.owner()), one.apply(call.name()), one.apply(call.descriptor())));
    }
    return new JarGraph(sharedTypes, sharedCalls);
  }

  /** A class or interface, by internal name ({@code com/acme/Client$Inner}). */
  public record Type(String name, String superName, List<String> interfaces, int access, List<Method> methods) {
    public Type {
      interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
      methods = methods == null ? List.of() : List.copyOf(methods);
    }
  }

  /** A method and the positions, in {@link JarGraph#calls}, of the calls its body makes. */
  public record Method(String name, String descriptor, int access, int[] calls) {
    public Method {
      calls = calls == null ? new int[0] : calls;
    }
  }

  /**
   * One call instruction.
   *
   * @param dispatch {@link #EXACT} (static, special: the resolved method runs), {@link #VIRTUAL}
   *     (an override in a subtype may run) or {@link #LAMBDA} (a method handle a lambda or method
   *     reference captures: counted as called, since the function it makes is handed on to be run, unless the method
   *     returns or stores it at once: a factory's answer, run by whoever calls it)
   */
  public record Call(int dispatch, String owner, String name, String descriptor) {
    public static final int EXACT = 0;
    public static final int VIRTUAL = 1;
    public static final int LAMBDA = 2;
  }
}
