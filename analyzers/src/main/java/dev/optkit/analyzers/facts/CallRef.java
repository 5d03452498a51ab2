package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * A call from a method body that might reach another method of the project: the call graph is
 * built from these once every file's facts are known.
 *
 * @param receiverType the qualified static type of the receiver, or the enclosing type for
 *     unqualified calls; null when neither syntax nor the solver could tell
 * @param confidence how the receiver type was established
 * @param sqlArgument the position of an argument that is SQL text known at compile time, or -1
 * @param sql that argument's text (constants resolved), or null
 * @param roots where the receiver (first) and each argument come from; empty when unknown (a method reference's
 *     arguments), which counts as shared state
 * @param qualifier the bean the receiver field is wired to by name ({@code FieldQualifiers}), or null
 * @param argumentKinds what kind of value each argument certainly is, one per argument ({@code ArgumentKinds});
 *     empty when none is known
 * @param receivedFrom for a call on what a call of this object's own method returned ({@code getClient().get(url)},
 *     {@code this.repo().findById(id)}), or on a field the class inherits ({@code repository.saveAndFlush(e)},
 *     declared by a superclass in another file): where the index finds the receiver's type ({@link ReceivedFrom});
 *     else null
 * @param parameterArguments for each argument, the index of the calling method's String parameter passed there
 *     as it is (never reassigned), or -1; empty when no argument is one. A helper handing its query on to
 *     another helper is found by these ({@code dev.optkit.analyzers.index.QueryWrappers})
 * @param url the text of an argument that looks like a URL ({@code "http://..." + id}), placeholders for what
 *     is computed, or null
 * @param urlArgument that argument's position, or -1
 * @param receiver what the call is made on, as written ({@link CallReceiver}); {@code OBJECT} when not told
 * @param classLiterals the class literals in the call's arguments, anywhere in them ({@code mock(ItemDao.class)},
 *     {@code getBeanProvider(ResolvableType.forClass(CountryDao.class))}), in source order; empty when there are none
 * @param parametersInArguments the indexes of the calling method's parameters (of any type) its arguments name,
 *     anywhere in them ({@code context.getBean(type)}, {@code getBean(name, (Class<T>) type)}), ascending, each once
 * @param constants the constants the call's arguments name or write, anywhere in them, in source order
 *     ({@code template.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE)},
 *     {@code context.getBean("countryDao")}); empty when there are none
 * @param argumentTypes each argument's qualified type where its declaration shows it, else null; empty when none is
 *     known: an overload of the same arity whose parameter no such type can be passed to is not the method called
 */
public record CallRef(
    String receiverType,
    String name,
    int argumentCount,
    Confidence confidence,
    boolean deferred,
    SourceRange range,
    String snippet,
    int sqlArgument,
    String sql,
    List<Roots> roots,
    String qualifier,
    List<ArgumentKind> argumentKinds,
    ReceivedFrom receivedFrom,
    List<Integer> parameterArguments,
    String url,
    int urlArgument,
    CallReceiver receiver,
    List<ClassLiteral> classLiterals,
    List<Integer> parametersInArguments,
    List<ArgumentConstant> constants,
    List<String> argumentTypes) {

  public CallRef {
    argumentTypes = argumentTypes == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(argumentTypes));
    roots = roots == null ? List.of() : roots;
    argumentKinds = argumentKinds == null ? List.of() : List.copyOf(argumentKinds);
    classLiterals = classLiterals == null ? List.of() : List.copyOf(classLiterals);
    parametersInArguments = parametersInArguments == null ? List.of() : List.copyOf(parametersInArguments);
    constants = constants == null ? List.of() : List.copyOf(constants);
    parameterArguments = parameterArguments == null ? List.of() : parameterArguments;
    receiver = receiver == null ? CallReceiver.OBJECT : receiver;
  }

  public CallRef(String receiverType, String name, int argumentCount, Confidence confidence, boolean deferred,
      SourceRange range, String snippet, int sqlArgument, String sql, List<Roots> roots, String qualifier,
      List<ArgumentKind> argumentKinds, ReceivedFrom receivedFrom, List<Integer> parameterArguments, String url, int urlArgument) {
    this(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql, roots, qualifier,
        argumentKinds, receivedFrom, parameterArguments, url, urlArgument, CallReceiver.OBJECT, List.of(), List.of(), List.of(), List.of());
  }

  /** The same call, made on what the source writes as its receiver. */
  public CallRef on(CallReceiver written) {
    return new CallRef(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        roots, qualifier, argumentKinds, receivedFrom, parameterArguments, url, urlArgument, written,
        classLiterals, parametersInArguments, constants, argumentTypes);
  }

  public CallRef(String receiverType, String name, int argumentCount, Confidence confidence, boolean deferred,
      SourceRange range, String snippet, int sqlArgument, String sql, List<Roots> roots, String qualifier,
      List<ArgumentKind> argumentKinds) {
    this(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql, roots, qualifier,
        argumentKinds, null, List.of(), null, -1);
  }

  public CallRef(String receiverType, String name, int argumentCount, Confidence confidence, boolean deferred,
      SourceRange range, String snippet, int sqlArgument, String sql) {
    this(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql, List.of(), null, null);
  }

  public CallRef(String receiverType, String name, int argumentCount, Confidence confidence, boolean deferred,
      SourceRange range, String snippet, int sqlArgument, String sql, List<Roots> roots) {
    this(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql, roots, null, null);
  }

  public CallRef withRoots(List<Roots> found) {
    return new CallRef(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        List.copyOf(found), qualifier, argumentKinds, receivedFrom, parameterArguments, url, urlArgument, receiver,
        classLiterals, parametersInArguments, constants, argumentTypes);
  }

  /** The call made on a field wired by name to one bean ({@code @Qualifier("filmDbStorage")}). */
  public CallRef withQualifier(String bean) {
    return new CallRef(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        roots, bean, argumentKinds, receivedFrom, parameterArguments, url, urlArgument, receiver,
        classLiterals, parametersInArguments, constants, argumentTypes);
  }

  /** The call with what the source shows of its receiver and arguments: see the record's parameters. */
  public CallRef withHelperFacts(ReceivedFrom from, List<Integer> parameters, String urlText, int urlPosition) {
    return new CallRef(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        roots, qualifier, argumentKinds, from, List.copyOf(parameters), urlText, urlPosition, receiver,
        classLiterals, parametersInArguments, constants, argumentTypes);
  }

  /** The same call on a receiver of this type: a getter's declared return type, read by the index. */
  public CallRef withReceiverType(String type) {
    return new CallRef(type, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        roots, qualifier, argumentKinds, receivedFrom, parameterArguments, url, urlArgument, receiver,
        classLiterals, parametersInArguments, constants, argumentTypes);
  }

  /** The call as run where it is written: not deferred (a loop's own call inside a task the method hands on). */
  public CallRef inPlace() {
    return !deferred ? this : new CallRef(receiverType, name, argumentCount, confidence, false, range, snippet,
        sqlArgument, sql, roots, qualifier, argumentKinds, receivedFrom, parameterArguments, url, urlArgument, receiver,
        classLiterals, parametersInArguments, constants, argumentTypes);
  }

  /** Whether the receiver is a field the caller's class inherits, not a getter's result. */
  public boolean receivedFromField() {
    return receivedFrom instanceof ReceivedFrom.InheritedField;
  }

  /** The call with what kind of value each argument is, where the source shows it. */
  public CallRef withArgumentKinds(List<ArgumentKind> kinds) {
    return new CallRef(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        roots, qualifier, kinds, receivedFrom, parameterArguments, url, urlArgument, receiver,
        classLiterals, parametersInArguments, constants, argumentTypes);
  }

  /**
   * The call with each argument's qualified type where its declaration shows it (a local, a parameter, a field, a
   * {@code new T(..)}), else null: overloads of one arity taking other types are not it ({@code ArgumentKinds}).
   */
  public CallRef withArgumentTypes(List<String> types) {
    return new CallRef(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        roots, qualifier, argumentKinds, receivedFrom, parameterArguments, url, urlArgument, receiver,
        classLiterals, parametersInArguments, constants, types);
  }

  /** The call with the class literals among its arguments. */
  public CallRef withClassLiterals(List<ClassLiteral> literals) {
    return new CallRef(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        roots, qualifier, argumentKinds, receivedFrom, parameterArguments, url, urlArgument, receiver,
        literals, parametersInArguments, constants, argumentTypes);
  }

  /** The call with the indexes of its method's parameters its arguments name. */
  public CallRef withParametersInArguments(List<Integer> parameters) {
    return new CallRef(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        roots, qualifier, argumentKinds, receivedFrom, parameterArguments, url, urlArgument, receiver, classLiterals,
        parameters, constants, argumentTypes);
  }

  /** The call with the constants its arguments name or write. */
  public CallRef withConstants(List<ArgumentConstant> found) {
    return new CallRef(receiverType, name, argumentCount, confidence, deferred, range, snippet, sqlArgument, sql,
        roots, qualifier, argumentKinds, receivedFrom, parameterArguments, url, urlArgument, receiver, classLiterals,
        parametersInArguments, found, argumentTypes);
  }

  /** The roots of the receiver ({@code position} -1) or of an argument; unknown (shared) when not known. */
  public Roots rootsOf(int position) {
    int at = position + 1;
    return at < roots.size() ? roots.get(at) : Roots.UNKNOWN;
  }

  public CallRef(String receiverType, String name, int argumentCount, Confidence confidence, boolean deferred,
      SourceRange range, String snippet) {
    this(receiverType, name, argumentCount, confidence, deferred, range, snippet, -1, null);
  }
}
