package dev.optkit.analyzers.facts;

import java.util.List;

/**
 * What one method or constructor does, as far as optkit cares: a small serialisable summary that
 * outlives the syntax tree.
 *
 * <p>{@code mutableFieldsRead}: fields of its class that change after construction, read by it
 * ({@code staticFieldsRead}: those of them that are static, shared by every object);
 * {@code returnRoots}: where each returned value comes from ({@link Roots});
 * {@code constructorCalls}: {@code new T(...)} of types outside the JDK, as calls of T's constructors (receiver T,
 * name T's simple name): a constructor may do I/O or change shared state like any method;
 * {@code opaqueCalls}: calls on a call's result whose type neither syntax nor the solver named
 * ({@code context.getBean(X.class).getLimit()}), kept out of the call graph: any project method of
 * that name may be the one called.
 * {@code urlParameter}: the String parameter its HTTP call takes the URL from, or -1 (see {@code sqlParameter}
 * for SQL): the method is the project's own HTTP helper.
 * {@code handedFields}: objects held in fields of this object that it hands to a call ({@code HandedFields}).
 * {@code returnTypeChain}: the declared return type and, while a type has exactly one type argument, that argument,
 * each qualified ({@code ResponseEntity<List<Owner>>} is {@code [org.springframework.http.ResponseEntity,
 * java.util.List, shop.Owner]}); empty for a constructor. {@code sharedFieldsRead}: fields of other objects, reached from state kept between calls, it reads directly
 * ({@code holder.allowed}: {@code SharedFieldReads}).
 * {@code failureAnswers}: what it answers after a caught failure ({@link FailureAnswer});
 * {@code returnedCalls}: the calls whose result it returns as it is ({@link CallAt}).
 * {@code returnTypeNames}: every class or interface type named in its declared return type, at any depth (type
 * arguments, wildcard bounds, the bounds of its own type variables the return type names), by simple name as
 * written, in the order written ({@code Map.Entry<String, List<Owner>>} is {@code [Map, Entry, String, List, Owner]});
 * empty for a constructor or a primitive.
 * {@code testedCalls}: the calls whose result decides a branch of it, and whether it throws on them ({@code TestedCalls}).
 * {@code mockedCalls}: the calls it makes on Mockito mocks, which {@code calls} leaves out.
 * {@code composedAnnotationValues}: an annotation's text that names another type's constants ({@code
 * @Query(Queries.BASE + " and t.id = :id")}), by the annotation's name as in {@code annotationValues}, whose value
 * the file cannot tell; the index reads those constants ({@link ComposedText}).
 */
public record MethodFact(
    String ownerType,
    String name,
    List<ParamFact> params,
    String returnType,
    List<String> annotations,
    java.util.Map<String, String> annotationValues,
    boolean isStatic,
    boolean isAbstract,
    boolean isPrivate,
    boolean isSynchronized,
    boolean isConstructor,
    Modifiers modifiers,
    SourceRange range,
    String signature,
    List<IoSite> ioSites,
    List<CallRef> calls,
    List<LoopFact> loops,
    List<String> timeOrRandomUses,
    boolean usesExistingCache,
    List<String> mutableFieldsRead,
    List<ResultMutation> resultMutations,
    List<ParameterMutation> parameterMutations,
    List<HandOff> handOffs,
    List<TransactionControl> transactionControl,
    Integer sqlParameter,
    List<Roots> returnRoots,
    List<String> staticFieldsRead,
    List<CallRef> opaqueCalls,
    List<String> fieldsRead,
    List<CallRef> constructorCalls,
    List<String> otherStaticsRead,
    Integer urlParameter,
    List<HandedObject> handedFields,
    List<SqlConstant> sqlConstants,
    List<String> inheritedNamesRead,
    List<String> sharedFieldsRead,
    List<FailureAnswer> failureAnswers,
    List<String> returnTypeChain,
    List<CallAt> returnedCalls,
    List<String> returnTypeNames,
    List<TestedCall> testedCalls,
    List<MockedCall> mockedCalls,
    java.util.Map<String, ComposedText> composedAnnotationValues,
    List<SentRequest> sentRequests,
    SqlScriptsRun sqlScripts) {

  /**
   * A database site whose SQL is made of another class's text: a constant ({@code jdbc.update(OrderQueries.INSERT_ORDER,
   * ...)}), what a static builder returns ({@code QueryGeneratorUtil.courseQueryGenerator(a, b)}), or such text joined
   * with literals ({@code OrderQueries.BASE + " where id = ?"}): a file's facts cannot read it, the index puts its
   * text in (and so the tables it writes).
   *
   * @param site the site's range
   * @param text the parts the SQL is made of
   */
  public record SqlConstant(SourceRange site, ComposedText text) {
    /** A static builder's name among a type's text constants: {@code courseQueryGenerator(2)}, never a field's. */
    public static String builderName(String method, int arity) {
      return method + "(" + arity + ")";
    }
  }

  public MethodFact {
    sqlConstants = sqlConstants == null ? List.of() : sqlConstants;
    otherStaticsRead = otherStaticsRead == null ? List.of() : otherStaticsRead;
    handedFields = handedFields == null ? List.of() : handedFields;
    sqlParameter = sqlParameter == null ? -1 : sqlParameter;
    urlParameter = urlParameter == null ? -1 : urlParameter;
    transactionControl = transactionControl == null ? List.of() : transactionControl; // facts cached before it existed
    parameterMutations = parameterMutations == null ? List.of() : parameterMutations;
    handOffs = handOffs == null ? List.of() : handOffs;
    returnRoots = returnRoots == null ? List.of() : returnRoots;
    staticFieldsRead = staticFieldsRead == null ? List.of() : staticFieldsRead;
    opaqueCalls = opaqueCalls == null ? List.of() : opaqueCalls;
    fieldsRead = fieldsRead == null ? List.of() : fieldsRead;
    constructorCalls = constructorCalls == null ? List.of() : constructorCalls;
    sharedFieldsRead = sharedFieldsRead == null ? List.of() : sharedFieldsRead;
    failureAnswers = failureAnswers == null ? List.of() : failureAnswers;
    returnTypeChain = returnTypeChain == null ? List.of() : returnTypeChain;
    returnedCalls = returnedCalls == null ? List.of() : returnedCalls;
    returnTypeNames = returnTypeNames == null ? List.of() : returnTypeNames;
    testedCalls = testedCalls == null ? List.of() : testedCalls;
    mockedCalls = mockedCalls == null ? List.of() : mockedCalls;
    composedAnnotationValues = composedAnnotationValues == null ? java.util.Map.of() : composedAnnotationValues;
    sentRequests = sentRequests == null ? List.of() : sentRequests;
  }

  /** Its calls of methods and of constructors ({@code new T(...)}), for what follows every call: reachability, the call graph. */
  public List<CallRef> allCalls() {
    if (constructorCalls.isEmpty()) {
      return calls;
    }
    List<CallRef> all = new java.util.ArrayList<>(calls);
    all.addAll(constructorCalls);
    return java.util.Collections.unmodifiableList(all);
  }

  /**
   * This method changes what a call returned to it: adds to a list it got, sorts it, sets a field of
   * it or of its elements. A cache serving that result would hand the change to every later caller.
   *
   * @param call the called method, by name
   * @param arguments the call's argument count
   * @param change the mutating call ({@code add}, {@code Collections.sort}, {@code setName}) or what else changes it
   * @param line the call's position, to tell it from calls of the same name (0: any)
   * @param column the call's column
   * @param roots where the changed value comes from; unknown when not given
   * @param itself the change is made on what the call returned or one of its elements ({@code item.setQuantity(q)}),
   *     not on a part reached through an accessor or field of it ({@code item.getProduct().setName(n)}); false when
   *     unknown
   */
  public record ResultMutation(String call, int arguments, Change change, int line, int column, Roots roots,
      boolean itself) {
    public ResultMutation {
      roots = roots == null ? Roots.UNKNOWN : roots;
    }

    /** A change as the code writes it ({@link Change.Written}). */
    public ResultMutation(String call, int arguments, String written) {
      this(call, arguments, new Change.Written(written), 0, 0, null, false);
    }

    public ResultMutation(String call, int arguments, Change change, int line, int column) {
      this(call, arguments, change, line, column, null, false);
    }

    /** The words a reason prints for the change. */
    public String how() {
      return change.text();
    }

    public ResultMutation withRoots(Roots found) {
      return new ResultMutation(call, arguments, change, line, column, found, itself);
    }

    /** Whether this is the result of that call site. */
    public boolean of(CallRef site) {
      return site.name().equals(call) && site.argumentCount() == arguments
          && (line == 0 || site.range().line() == line && site.range().column() == column);
    }
  }

  /**
   * The receiving "call" of a hand-off that is the method's own return: its callers get the value.
   * When the method returns an object it constructs there ({@code return new Shell(ip, s.getAccount())}),
   * the hand-off's {@code toArguments} and {@code position} are the constructor call's, and the
   * {@code "new Type"} hand-off of the same value at that position names the constructor.
   */
  public static final String RETURNED = "<return>";

  /** The parameter index that stands for the receiver: a method that assigns its own fields changes it. */
  public static final int RECEIVER = -1;

  /** A hand-off's position when the value is what a lambda passed to the receiving call returns. */
  public static final int LAMBDA_VALUE = -3;

  /**
   * This method changes the object its caller passed as the parameter at {@code parameter} (or keeps it in a field:
   * {@link Change.StoredInField}); at {@link #RECEIVER}, the object it was called on ({@link Change.AssignsField}).
   */
  public record ParameterMutation(int parameter, Change change, boolean itself) {
    public ParameterMutation(int parameter, Change change) {
      this(parameter, change, false);
    }

    /** A change as the code writes it ({@link Change.Written}). */
    public ParameterMutation(int parameter, String written) {
      this(parameter, new Change.Written(written), false);
    }

    /** A change as the code writes it ({@link Change.Written}). */
    public ParameterMutation(int parameter, String written, boolean itself) {
      this(parameter, new Change.Written(written), itself);
    }

    /** The words a reason prints for the change. */
    public String how() {
      return change.text();
    }
  }

  /**
   * Appended to a call's name in a value's roots ({@code c12:5:query#rows}): what that call hands the
   * callbacks it is given, the rows a query loaded when the call is one, else unknown.
   */
  public static final String ROWS_HANDED_TO_CALLBACKS = "#rows";

  /**
   * A value this method got, the result of a call or one of its parameters, passed on as an argument
   * to another call, which may change it.
   *
   * @param fromCall the call whose result is passed on, by name; null when it is a parameter
   * @param fromArguments that call's argument count
   * @param fromParameter the parameter passed on, or -1 when it is a call's result
   * @param target the receiving call, by name, {@link #RETURNED}, or a constructor as {@link HandOff#constructorOf}
   *     makes it (read it through {@code returned()}, {@code constructed()}, {@code constructedType()}, {@code calledMethod()})
   * @param toArguments the receiving call's argument count
   * @param position the argument position the value is passed at, or {@link #RECEIVER} when it is
   *     the object the call is made on
   * @param fromLine the position of the call whose result is passed on (0: any)
   * @param fromColumn its column
   * @param part the value is a part the result hands out through an accessor ({@code pet.getName()}),
   *     so keeping it in a field is no change of the result
   * @param held the value is a container holding it ({@code ids.add(dept.getId())}, then {@code ids}
   *     handed on): changing the container changes neither the result nor its parts
   * @param thenCalled for a call made on the value with no arguments, the one call made on what it returns
   *     when that is all its answer is used for ({@code getRequester().getId()}: "getId"), else null
   * @param keptBy for a held value, the first constructor call that made a holder of it
   *     ({@code new ProductInOrder(info, 1)} at 12:9), else null: a constructor that keeps nothing of that argument made a holder
   *     of nothing
   */
  public record HandOff(String fromCall, int fromArguments, int fromParameter, String target, int toArguments,
      int position, int fromLine, int fromColumn, boolean part, boolean held, String thenCalled, HolderMade keptBy) {
    /** How {@link #target()} names a constructor: {@code new Type}. */
    private static final String CONSTRUCTED = "new ";

    /** The target of a value handed to {@code new type(...)}. */
    public static String constructorOf(String type) {
      return CONSTRUCTED + type;
    }

    /** Whether the method returns the value (its target is {@link #RETURNED}). */
    public boolean returned() {
      return RETURNED.equals(target);
    }

    /** Whether the value is handed to a constructor ({@code new Type(value)}). */
    public boolean constructed() {
      return target.startsWith(CONSTRUCTED);
    }

    /** The type a constructor makes of it, as written, or "" when it is handed to no constructor. */
    public String constructedType() {
      return constructed() ? target.substring(CONSTRUCTED.length()) : "";
    }

    /** The name of the method called with the value, or "" when it is returned or handed to a constructor. */
    public String calledMethod() {
      return returned() || constructed() ? "" : target;
    }

    public HandOff(String fromCall, int fromArguments, int fromParameter, String to, int toArguments,
        int position, int fromLine, int fromColumn, boolean part, boolean held, String thenCalled) {
      this(fromCall, fromArguments, fromParameter, to, toArguments, position, fromLine, fromColumn, part, held,
          thenCalled, null);
    }

    public HandOff(String fromCall, int fromArguments, int fromParameter, String to, int toArguments, int position) {
      this(fromCall, fromArguments, fromParameter, to, toArguments, position, 0, 0, false, false);
    }

    public HandOff(String fromCall, int fromArguments, int fromParameter, String to, int toArguments,
        int position, int fromLine, int fromColumn, boolean part, boolean held) {
      this(fromCall, fromArguments, fromParameter, to, toArguments, position, fromLine, fromColumn, part, held, null);
    }

    public HandOff(String fromCall, int fromArguments, int fromParameter, String to, int toArguments,
        int position, int fromLine, int fromColumn, boolean part) {
      this(fromCall, fromArguments, fromParameter, to, toArguments, position, fromLine, fromColumn, part, false);
    }

    /** Whether the value handed on is the result of that call site. */
    public boolean from(CallRef site) {
      return fromCall != null && site.name().equals(fromCall) && site.argumentCount() == fromArguments
          && (fromLine == 0 || site.range().line() == fromLine && site.range().column() == fromColumn);
    }
  }

  /**
   * Whether this method ends the JDBC transaction it writes in ({@code commit()}), so that work
   * done after its body, an eviction, follows the commit.
   */
  public boolean commitsItself() {
    return transactionControl.contains(TransactionControl.COMMIT);
  }

  /**
   * The parameter whose value this method runs as SQL ({@code update(String sql, Object... args)}
   * handing {@code sql} to JDBC or JdbcTemplate), or -1: such a method is a query wrapper, and each
   * call of it with SQL text is a query of its own.
   */
  public boolean isQueryWrapper() {
    return sqlParameter >= 0;
  }

  /** Whether this method starts a JDBC transaction by hand: {@code setAutoCommit(false)}. */
  public boolean startsManualTransaction() {
    return transactionControl.contains(TransactionControl.AUTO_COMMIT_OFF);
  }

  /** The string value of an annotation, by qualified or simple name, when written as a literal. */
  public String annotationValue(String qualifiedOrSimple) {
    for (var entry : annotationValues.entrySet()) {
      if (AnnotationNames.matches(entry.getKey(), qualifiedOrSimple)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * What the syntax tree says about the declaration beyond the flags above: rewrites must not
   * guess these from text.
   *
   * @param inInstanceInnerClass declared in a non-static nested class (no static members before Java 16)
   */
  /**
   * @param annotatedParameters a parameter of it carries an annotation (a qualifier picking the bean Spring injects)
   */
  public record Modifiers(boolean isPublic, boolean isFinal, boolean generic, List<String> thrown,
      boolean inInstanceInnerClass, boolean annotatedParameters) {}

  /** How a method runs a JDBC transaction by hand. */
  public enum TransactionControl {
    /** {@code setAutoCommit(x)} with anything but a literal {@code true}: it may start one. */
    AUTO_COMMIT_OFF,
    /** {@code commit()}. */
    COMMIT,
    /** {@code rollback()}. */
    ROLLBACK,
    /** {@code begin()} (a JPA or Hibernate transaction's). */
    BEGIN
  }

  /** Unique within the project: overloads differ by their parameter types. */
  public String key() {
    StringBuilder key = new StringBuilder(ownerType).append('#').append(name).append('(');
    for (int i = 0; i < params.size(); i++) {
      key.append(i == 0 ? "" : ",").append(params.get(i).qualifiedType());
    }
    return key.append(')').toString();
  }

  public boolean returnsValue() {
    return !isConstructor && !"void".equals(returnType);
  }

  public boolean hasAnnotation(String qualifiedOrSimple) {
    for (String annotation : annotations) {
      if (AnnotationNames.matches(annotation, qualifiedOrSimple)) {
        return true;
      }
    }
    return false;
  }

  /** {@code SimpleOwner.method}, as people read it in reports. */
  public String displayName() {
    int dot = ownerType.lastIndexOf('.');
    return (dot < 0 ? ownerType : ownerType.substring(dot + 1)) + "." + name;
  }
}
