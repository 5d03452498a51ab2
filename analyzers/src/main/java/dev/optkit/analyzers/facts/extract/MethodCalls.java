package dev.optkit.analyzers.facts.extract;

import dev.optkit.analyzers.facts.Subtrees;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.optkit.analyzers.catalog.ClientSignature;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallReceiver;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.loops.LoopShapes;
import dev.optkit.analyzers.facts.ReceivedFrom;
import dev.optkit.analyzers.facts.SentRequest;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.sites.MockedReceivers;
import dev.optkit.analyzers.facts.sites.SqlStatements;
import dev.optkit.analyzers.facts.types.ArgumentKinds;
import dev.optkit.analyzers.facts.types.FieldQualifiers;
import dev.optkit.analyzers.facts.types.FieldReceivers;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.facts.values.NameScopes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts a method's calls, method references and constructions: an I/O site of a catalogued client
 * ({@link ClientSites}), a call of project code with its receiver type, SQL argument and bean, or
 * an opaque call on a result; and notes hand-run JDBC transactions, time and randomness, and cache use.
 */
public final class MethodCalls {
  private final MethodScan m;
  private final CallableDeclaration<?> callable;
  private final FileScan file;
  private final String owner;
  private final Set<String> requestReceivers = new HashSet<>();

  public MethodCalls(MethodScan m) {
    this.m = m;
    this.callable = m.callable;
    this.file = m.file;
    this.owner = m.owner;
  }

  /** Mockito's calls whose first argument is the mock the call after them is made on. */
  private static final Set<String> MOCK_NAMING = Set.of("verify", "when", "then", "inOrder");

  /**
   * Whether a site's call and this one are links of one chain: {@code target(u).request().post(e).hasEntity()} is one
   * request, which JAX-RS's client family reports at the chain's end and its invocation family at post(e). Asked of
   * two families only: one family's two entries in a chain are two requests (Vert.x's getNow(a).getNow(b)).
   */
  private static boolean oneChain(com.github.javaparser.ast.Node site, MethodCallExpr call) {
    return site instanceof MethodCallExpr other && other != call
        && LoopShapes.chain(LoopShapes.outermost(other)).contains(call);
  }

  public void visitCall(MethodCallExpr call) {
    String name = call.getNameAsString();
    Expression scope = call.getScope().orElse(null);
    m.timeAndRandom.noteTimeOrRandom(call, name, scope);
    noteTransactionControl(call, name, scope);
    m.cacheUses.noteCacheUse(call, name, scope);
    if (scope != null && file.importsMockito && MockedReceivers.isMock(scope, callable)) {
      // when(users.save(any())), verify(users).save(u): a mock runs neither I/O nor project code; what it stubs is noted
      // the mock a call names: its receiver (dao.names()), or the mock handed to verify(dao).names(),
      // doReturn(x).when(dao).names(), then(dao).should().names(); not a step of when(..).thenReturn(..)
      Expression named = scope instanceof MethodCallExpr step && MOCK_NAMING.contains(step.getNameAsString())
          && step.getArguments().size() >= 1 ? step.getArgument(0) : scope;
      if (!(named instanceof MethodCallExpr)) {
        TypeNames.Qualified mocked = m.locals.syntacticType(named);
        m.mockedCalls.add(new dev.optkit.analyzers.facts.MockedCall(mocked == null ? null : mocked.name(), name));
      }
      return;
    }
    noteSend(call, name, scope);
    Optional<IoSite> site = m.clients.clientSite(call);
    if (site.isPresent()) {
      // one statement, one finding: two families may stand for one chain (JAX-RS's request() of a fluent client,
      // reported at the chain's end, and the Invocation.Builder's post() that ends it), each reporting the chain's end
      // each reporting the chain's end: the surer of the two stands for it, and of two as sure the one that made the
      // request (a Session's byId() beside the getReference() it hands on; WebTarget's request() beside its post())
      int same = -1;
      for (int i = 0; i < m.sites.size() && same < 0; i++) {
        if (m.sites.get(i).kind() == site.get().kind() && (m.sites.get(i).range().equals(site.get().range())
            || !m.sites.get(i).clientId().equals(site.get().clientId()) && oneChain(m.siteNodes.get(i), call))) {
          same = i;
        }
      }
      if (same >= 0) {
        // the statement's text tells what it reads or writes: the making of a query, which holds it, stands for one
        // whose run is a call on the query object (q.getResultList()), however sure each is
        int told = Boolean.compare(site.get().sql() != null, m.sites.get(same).sql() != null);
        int surer = told != 0 ? told
            : Integer.compare(m.sites.get(same).confidence().ordinal(), site.get().confidence().ordinal());
        boolean inner = m.siteNodes.get(same) instanceof MethodCallExpr outer
            && LoopShapes.chain(outer).contains(call) && outer != call;
        if (surer > 0 || surer == 0 && inner) {
          m.sites.set(same, site.get());
          m.siteNodes.set(same, call);
        }
      } else if (!sameRequestSeen(site.get(), scope)) {
        m.sites.add(site.get());
        m.siteNodes.add(call);
      }
      return;
    }
    String imported = scope == null ? staticallyImported(call) : null;
    if (imported != null) {
      addCall(call, imported, Confidence.HIGH); // notFound(...) under import static r.Checks.*: Checks.notFound
      return;
    }
    if (scope == null || scope instanceof ThisExpr) {
      String declarer = scope == null ? enclosingDeclarer(call) : null;
      List<String> enclosing = scope == null && declarer == null ? enclosingClasses(call) : List.of();
      addCall(call, declarer != null ? declarer : owner, Confidence.HIGH,
          enclosing.size() > 1 && enclosing.get(0).equals(owner) ? new ReceivedFrom.EnclosingThis(enclosing) : null);
      return;
    }
    // super.m() runs the superclass's; Outer.super.m() (an inner class) and Interface.super.m() (a default method)
    // name the type to start from: its methods and its supertypes' are the targets (hostile review 34's s1, s2)
    String superclass = !(scope instanceof com.github.javaparser.ast.expr.SuperExpr plain) ? null
        : plain.getTypeName().isEmpty() ? superclassOf(call) : file.names.qualify(plain.getTypeName().get().asString()).name();
    if (superclass != null) {
      // super.getAll() in an override: the superclass's method (audit 10: a base controller's read looked uncalled)
      addCall(call, superclass, Confidence.HIGH);
      return;
    }
    TypeNames.Qualified receiver = constructedLibraryType(scope).orElse(m.locals.syntacticType(scope));
    if (receiver != null && !receiver.name().startsWith("java.")) {
      addCall(call, receiver.name(), receiver.confidence());
    } else if (receiver == null && !(scope instanceof MethodCallExpr)) {
      String library = lambdaParameterLibraryType(scope);
      if (library != null) {
        // jdbi.useHandle(handle -> handle.execute(sql)): one call on the callback's parameter, typed as a chain rooted
        // at it is (a blind trial's Jdbi application: four such DDL statements missed while their chains were found)
        addOpaque(call, library);
      } else {
        addCall(call, null, Confidence.LOW, inheritedField(scope));
      }
    } else if (receiver == null) {
      addOpaque(call, libraryChainType(scope));
      if (scope instanceof MethodCallExpr getter && (getter.getScope().isEmpty() || getter.getScope().get() instanceof ThisExpr)) {
        // getClient().get(url), this.repo().findById(id): what this object's own method returns, a client
        // perhaps; its declared type is in its file, maybe another one (a base class), so the index reads it
        addCall(call, null, Confidence.MEDIUM, new ReceivedFrom.Getter(owner, getter.getNameAsString(),
            getter.getArguments().size()));
      } else if (scope instanceof MethodCallExpr getter) {
        // daos.getOrderDao().upsert(order): what a method of another object of a known type returns, read from
        // that method's declaration as the caller's own getters are (a registry of DAOs a library makes at run time)
        TypeNames.Qualified from = m.locals.syntacticType(getter.getScope().get());
        if (from != null && !from.name().startsWith("java.")) {
          addCall(call, null, from.confidence() == Confidence.HIGH ? Confidence.MEDIUM : Confidence.LOW,
              new ReceivedFrom.Getter(from.name(), getter.getNameAsString(), getter.getArguments().size()));
        } else if (from == null && getter.getScope().get() instanceof MethodCallExpr before) {
          // Driver.getInstance().newKarmaDAO().getPostKarma(id): each link's declared return type, in turn (a blind
          // trial's forum: nine loops over such a chain went unseen while the same call on a local was found)
          ReceivedFrom chained = returnedBy(before, CHAIN_LINKS);
          if (chained != null) {
            addCall(call, null, Confidence.LOW, new ReceivedFrom.Returned(chained, getter.getNameAsString(),
                getter.getArguments().size()));
          }
        }
      }
    }
  }

  /**
   * The class a local holds when its one assignment makes it ({@code Resource r = new UrlResource(url)}): the class
   * whose method a call on it runs, which a library's bytecode may show doing I/O where the declared interface's
   * abstract method shows nothing (a blind trial's {@code resource.exists()}, an HTTP HEAD, went unseen). A library's
   * class only: a JDK or project type keeps the declared one, which other questions read.
   */
  private Optional<TypeNames.Qualified> constructedLibraryType(Expression scope) {
    if (!(scope instanceof com.github.javaparser.ast.expr.NameExpr name)
        || !(m.locals.initializers.get(name.getNameAsString()) instanceof ObjectCreationExpr made)
        || made.getAnonymousClassBody().isPresent()) {
      return Optional.empty();
    }
    TypeNames.Qualified type = file.names.qualify(made.getType());
    return type.name().startsWith("java") || file.names.isKnown(type.name()) || type.confidence() != Confidence.HIGH
        ? Optional.empty() : Optional.of(type);
  }

  /** How many links of a chain of calls before the one made on what they answer are read back to a known type. */
  private static final int CHAIN_LINKS = 4;

  /**
   * What a call of a chain answers, as where it comes from: a method of an object of a type the declarations show (a
   * type's static method, a field's, a local's, this object's own) or of what an earlier link answered; null where the
   * chain starts from something else or is longer than {@code links}.
   */
  private ReceivedFrom returnedBy(MethodCallExpr link, int links) {
    Expression scope = link.getScope().orElse(null);
    if (scope == null || scope instanceof ThisExpr) {
      return new ReceivedFrom.Getter(owner, link.getNameAsString(), link.getArguments().size());
    }
    TypeNames.Qualified from = m.locals.syntacticType(scope);
    if (from != null) {
      return from.name().startsWith("java.") ? null
          : new ReceivedFrom.Getter(from.name(), link.getNameAsString(), link.getArguments().size());
    }
    if (scope instanceof MethodCallExpr before && links > 1) {
      ReceivedFrom earlier = returnedBy(before, links - 1);
      return earlier == null ? null
          : new ReceivedFrom.Returned(earlier, link.getNameAsString(), link.getArguments().size());
    }
    return null;
  }

  /**
   * The type the solver gives a chain's link ({@code sql2o.open().createQuery(sql)} before {@code .executeAndFetch}),
   * asked only for chains rooted at a name of a declared type outside the JDK ({@code sql2o}, {@code Unirest}): a
   * library's fluent API, whose I/O the index may then find in the library's bytecode (issue 26's recall study: 34
   * of 50 missed calls were links of such chains). Null when not asked or not told. The call stays opaque for the
   * call graph; only the library lookup reads the type.
   */
  private String libraryChainType(Expression scope) {
    Expression root = scope;
    while (root instanceof MethodCallExpr link && link.getScope().isPresent()) {
      root = link.getScope().get();
    }
    if (scope instanceof MethodCallExpr inherited && inheritedFromLibrary(inherited)) {
      // getHibernateTemplate().save(user) in a HibernateDaoSupport: a getter the class inherits from a library
      // superclass hands the client (the recall study's ToSIMPLE: 19 queries lost once the Session name-match went)
      return file.resolver.typeAndAncestors(scope).map(types -> types.get(0))
          .filter(type -> !type.startsWith("java.")).orElse(null);
    }
    if (root == scope || root instanceof MethodCallExpr) {
      return null;
    }
    TypeNames.Qualified rootType = m.locals.syntacticType(root);
    if (rootType == null && root instanceof com.github.javaparser.ast.expr.NameExpr named
        && m.locals.isLambdaParameter(named)) {
      // jdbi.withHandle(handle -> handle.createQuery(sql).bind(..).list()): a lambda's untyped parameter is what the
      // library's callback takes, which only the solver tells
      return file.resolver.typeAndAncestors(scope).map(types -> types.get(0))
          .filter(type -> !type.startsWith("java.") && !file.names.isKnown(type)).orElse(null);
    }
    if (rootType == null || rootType.name().startsWith("java.") || !rootType.name().contains(".")
        || file.names.isKnown(rootType.name())) {
      return null; // the JDK's chains (streams, builders) and the project's own objects are not asked: cost
    }
    return file.resolver.typeAndAncestors(scope).map(types -> types.get(0))
        .filter(type -> !type.startsWith("java.")).orElse(null);
  }

  /**
   * A call the call graph does not follow (a link of a library's chain, a call on a lambda's parameter), with the library
   * type the solver gave its receiver, or null: the index may look it up in the library's bytecode.
   */
  private void addOpaque(MethodCallExpr call, String receiverType) {
    m.opaqueCalls.add(new CallRef(receiverType, call.getNameAsString(), call.getArguments().size(), Confidence.LOW,
        m.loops.isDeferred(call), SourceRange.of(call), file.text.snippet(call))
        .withClassLiterals(classLiterals(call)).withParametersInArguments(parametersInArguments(call))
        .withConstants(constants(call)));
    m.opaqueNodes.add(call);
  }

  /**
   * The library type the solver gives a lambda's untyped parameter ({@code handle} in {@code handle -> ..}): what the
   * library's callback takes. Null for any other name, or a JDK or project type (the call graph's to follow).
   */
  private String lambdaParameterLibraryType(Expression scope) {
    if (!(scope instanceof com.github.javaparser.ast.expr.NameExpr named) || !m.locals.isLambdaParameter(named)) {
      return null;
    }
    return file.resolver.typeAndAncestors(scope).map(types -> types.get(0))
        .filter(type -> !type.startsWith("java.") && !file.names.isKnown(type)).orElse(null);
  }

  /**
   * {@code getHibernateTemplate()}, {@code this.getJdbcTemplate()}: a call without arguments on this object of a method
   * no class around it declares, in a class that extends a type not declared in its file (a library's support class,
   * perhaps). Only then is the solver asked for its type: cost.
   */
  private boolean inheritedFromLibrary(MethodCallExpr getter) {
    if (getter.getArguments().isNonEmpty() || getter.getScope().filter(s -> !(s instanceof ThisExpr)).isPresent()) {
      return false;
    }
    var type = getter.findAncestor(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class);
    if (type.isEmpty() || type.get().getExtendedTypes().isEmpty()
        || !type.get().getMethodsByName(getter.getNameAsString()).isEmpty()) {
      return false;
    }
    var unit = getter.findCompilationUnit();
    String superclass = type.get().getExtendedTypes(0).getNameAsString();
    return unit.isPresent() && Subtrees.all(unit.get(), TypeDeclaration.class).stream()
        .noneMatch(declared -> declared.getNameAsString().equals(superclass));
  }

  /**
   * Where to look up a field a class must inherit from a superclass in another file, as {@link CallRef#receivedFrom()}
   * gives it: a plain or {@code this.} name neither the method nor the classes around it declare
   * ({@code repository.saveAndFlush(e)}), looked up in the method's class; one an enclosing class may inherit before
   * an outer class's (an anonymous or member class that extends another, {@link FieldScopes}) in the classes to look
   * in, innermost first; else null.
   */
  private ReceivedFrom inheritedField(Expression scope) {
    String name = scope instanceof NameExpr plain && !m.locals.declaresLocal(plain.getNameAsString())
        && !m.locals.isLambdaParameter(plain) ? plain.getNameAsString()
        : scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr ? access.getNameAsString()
        : null;
    if (name == null || !Character.isLowerCase(name.charAt(0))) {
      return null;
    }
    if (scope instanceof NameExpr plain) {
      FieldScopes.Lookup lookup = m.locals.fieldScopes.lookup(plain, name);
      if (!lookup.owners().isEmpty()) {
        return new ReceivedFrom.InheritedField(lookup.owners(), name);
      }
      return lookup.type() != null ? null : new ReceivedFrom.InheritedField(List.of(ReceivedFrom.Owner.of(owner)), name);
    }
    return m.locals.fieldType(name) != null ? null
        : new ReceivedFrom.InheritedField(List.of(ReceivedFrom.Owner.of(owner)), name);
  }

  /** As {@link #inheritedField} for a name written at a node that is no name expression (a method reference's scope). */
  private ReceivedFrom inheritedFieldAt(com.github.javaparser.ast.Node at, String name) {
    FieldScopes.Lookup lookup = m.locals.fieldScopes.lookup(at, name);
    return lookup.owners().isEmpty() ? null : new ReceivedFrom.InheritedField(lookup.owners(), name);
  }

  /**
   * What a call's scope is, as written: none (this object, implicitly), {@code this}, {@code super}, a type's name (a
   * capitalised name no local, parameter or field declares), or another object.
   */
  private CallReceiver writtenReceiver(Expression scope) {
    if (scope == null) {
      return CallReceiver.IMPLICIT;
    }
    if (scope instanceof ThisExpr plain) {
      return plain.getTypeName().isEmpty() ? CallReceiver.THIS : CallReceiver.OBJECT; // Outer.this: another object
    }
    if (scope instanceof com.github.javaparser.ast.expr.SuperExpr) {
      return CallReceiver.SUPER;
    }
    Expression bare = scope;
    while (bare instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
      bare = enclosed.getInner();
    }
    if (bare instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created && created.getAnonymousClassBody().isEmpty()) {
      return CallReceiver.CREATED;
    }
    if (scope instanceof NameExpr name && Character.isUpperCase(name.getNameAsString().charAt(0))
        && !m.locals.declaresLocal(name.getNameAsString()) && m.locals.fieldType(name.getNameAsString()) == null) {
      return CallReceiver.TYPE;
    }
    return CallReceiver.OBJECT;
  }

  /**
   * What a local given one value holds ({@code final String sql = "SELECT ..."}), so a helper given it is given that
   * text: declared once in the method and never assigned again, or, where the method declares the name more than once,
   * the declaration in scope at the use ({@link dev.optkit.analyzers.facts.values.NameScopes#givenOnce}); else the name
   * itself (a constant, or nothing known).
   */
  private Expression singleInitializer(NameExpr local) {
    String name = local.getNameAsString();
    if (m.nodes == null) {
      return local;
    }
    if (!m.locals.namesDeclaredOnce().containsKey(name)) {
      // two locals of the name (one per branch): the one declared in a block around the use
      return dev.optkit.analyzers.facts.values.NameScopes.givenOnce(name, local).orElse(local);
    }
    Expression init = m.locals.initializers.get(name);
    return init == null || RequestTexts.reassigned(local, m) ? local : init;
  }

  /** The most calls a send's receiver is followed through: operators of one chain, and locals given one. */
  private static final int MAX_SEND_STEPS = 24;

  /**
   * A call named as a pending request is sent ({@code execute}, {@code blockingGet}) on what another call of the method
   * answered: the calls it may be the result of, from the send inwards, through operators ({@code api.item(id)
   * .map(f)}) and locals given once ({@code Single<T> pending = api.item(id)}), ending at a call on no other call. No
   * further once a call of a sending name is met: its result is an answer, not the request. The index decides which,
   * if any, built a request ({@link SentRequest}).
   */
  private void noteSend(MethodCallExpr call, String name, Expression scope) {
    if (scope == null || !file.catalog.isRequestSend(name)) {
      return;
    }
    List<dev.optkit.analyzers.facts.CallAt> built = new java.util.ArrayList<>();
    Expression at = scope;
    for (int step = 0; step < MAX_SEND_STEPS; step++) {
      while (at instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
        at = enclosed.getInner();
      }
      if (at instanceof NameExpr local && m.locals.declaresLocal(local.getNameAsString())) {
        Expression given = singleInitializer(local);
        if (given == local) {
          break;
        }
        at = given;
      } else if (at instanceof MethodCallExpr link && link.getBegin().isPresent()
          && !file.catalog.isRequestSend(link.getNameAsString())) {
        built.add(new dev.optkit.analyzers.facts.CallAt(link.getNameAsString(), link.getBegin().get().line,
            link.getBegin().get().column));
        if (link.getScope().isEmpty()) {
          break;
        }
        at = link.getScope().get();
      } else {
        break;
      }
    }
    if (!built.isEmpty() && call.getBegin().isPresent()) {
      m.sentRequests.add(new SentRequest(name, SourceRange.of(call), file.text.snippet(call), m.loops.isDeferred(call),
          built));
      m.sentNodes.add(call);
    }
  }

  /**
   * Each argument's qualified type where its declaration shows it surely (a local, a parameter, a field, {@code new
   * T(..)}), else null ({@link CallRef#argumentTypes}).
   */
  private List<String> argumentTypes(MethodCallExpr call) {
    return argumentTypes(call.getArguments());
  }

  private List<String> argumentTypes(List<Expression> arguments) {
    List<String> found = new java.util.ArrayList<>();
    for (Expression argument : arguments) {
      Expression bare = argument;
      while (bare instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
        bare = enclosed.getInner();
      }
      dev.optkit.analyzers.facts.types.TypeNames.Qualified type = null;
      if (bare instanceof com.github.javaparser.ast.expr.ObjectCreationExpr created && created.getAnonymousClassBody().isEmpty()) {
        type = file.names.qualify(created.getType());
      } else if (bare instanceof NameExpr) {
        type = m.locals.syntacticType(bare);
      }
      found.add(type == null || type.confidence() != Confidence.HIGH || type.name() == null ? null : type.name());
    }
    return found;
  }

  /** A second call on the same connection object is the same request (getResponseCode, then getInputStream). */
  private boolean sameRequestSeen(IoSite site, Expression scope) {
    Optional<ClientSignature> client = file.catalog.clients().stream().filter(c -> c.id().equals(site.clientId())).findFirst();
    if (client.isEmpty() || !client.get().oneSitePerReceiver() || scope == null) {
      return false;
    }
    return !requestReceivers.add(site.clientId() + "|" + scope);
  }

  private void addCall(MethodCallExpr call, String receiverType, Confidence confidence) {
    addCall(call, receiverType, confidence, null);
  }

  private void addCall(MethodCallExpr call, String receiverType, Confidence confidence, ReceivedFrom receivedFrom) {
    int sqlArgument = -1;
    String sql = null;
    int urlArgument = -1;
    String url = null;
    List<Integer> parameterArguments = new java.util.ArrayList<>();
    boolean forwards = false;
    for (int i = 0; i < call.getArguments().size(); i++) {
      Expression argument = call.getArgument(i);
      int parameter = RequestTexts.unchangedStringParameter(argument, m);
      parameterArguments.add(parameter);
      forwards |= parameter >= 0;
      // only text javac knows: a literal, a concatenation of them, a constant, a local holding one
      Expression known = argument instanceof NameExpr local && parameter < 0 ? singleInitializer(local) : argument;
      if (known instanceof StringLiteralExpr || known instanceof TextBlockLiteralExpr
          || known instanceof BinaryExpr || known instanceof NameExpr || known instanceof FieldAccessExpr) {
        String text = file.strings.text(known);
        if (sql == null && text != null && SqlStatements.looksLikeSql(text)) {
          sqlArgument = i;
          sql = text.strip().replaceAll("\\s+", " ");
        } else if (url == null && text != null && RequestTexts.looksLikeUrl(text)) {
          urlArgument = i;
          url = text.strip();
        }
      }
    }
    CallRef made = new CallRef(receiverType, call.getNameAsString(), call.getArguments().size(), confidence,
        m.loops.isDeferred(call), SourceRange.of(call), file.text.snippet(call), sqlArgument, sql)
        .on(writtenReceiver(call.getScope().orElse(null))).withClassLiterals(classLiterals(call))
        .withParametersInArguments(parametersInArguments(call)).withConstants(constants(call));
    if (receivedFrom != null || forwards || url != null) {
      made = made.withHelperFacts(receivedFrom, forwards ? parameterArguments : List.of(), url, urlArgument);
    }
    List<dev.optkit.analyzers.facts.ArgumentKind> kinds = ArgumentKinds.of(call, callable,
        name -> m.locals.namesDeclaredOnce().get(name));
    if (!kinds.isEmpty()) {
      made = made.withArgumentKinds(kinds);
    }
    List<String> argumentTypes = argumentTypes(call);
    if (argumentTypes.stream().anyMatch(java.util.Objects::nonNull)) {
      made = made.withArgumentTypes(argumentTypes);
    }
    String field = call.getScope().map(scope -> FieldReceivers.fieldName(scope, m.locals::declaresLocal)).orElse(null);
    String bean = field == null ? null : call.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
        .map(type -> file.qualifiers.computeIfAbsent(type, node -> FieldQualifiers.of(
            (com.github.javaparser.ast.body.TypeDeclaration<?>) node)).get(field)).orElse(null);
    m.calls.add(bean == null ? made : made.withQualifier(bean));
    m.callNodes.add(call);
  }

  /**
   * The class literals in a call's arguments, anywhere in them ({@code mock(ItemDao.class)},
   * {@code getBeanProvider(ResolvableType.forClass(CountryDao.class))}), in source order, each qualified where the
   * file's declarations and imports tell its type for sure.
   */
  private List<dev.optkit.analyzers.facts.ClassLiteral> classLiterals(MethodCallExpr call) {
    List<dev.optkit.analyzers.facts.ClassLiteral> found = new java.util.ArrayList<>();
    for (Expression argument : call.getArguments()) {
      for (com.github.javaparser.ast.expr.ClassExpr literal : argument.findAll(com.github.javaparser.ast.expr.ClassExpr.class)) {
        found.add(ClassLiterals.of(literal, file.names));
      }
    }
    return found;
  }

  /**
   * The indexes of the method's parameters a call's arguments name anywhere in them, ascending, each once: a name no
   * field access qualifies ({@code type}, not {@code this.type}). A parameter's name cannot be declared again in its
   * method's body, outside a nested class.
   */
  private List<Integer> parametersInArguments(MethodCallExpr call) {
    java.util.TreeSet<Integer> found = new java.util.TreeSet<>();
    var parameters = callable.getParameters();
    for (Expression argument : call.getArguments()) {
      for (NameExpr name : argument.findAll(NameExpr.class)) {
        for (int i = 0; i < parameters.size(); i++) {
          if (parameters.get(i).getNameAsString().equals(name.getNameAsString())) {
            found.add(i);
          }
        }
      }
    }
    return List.copyOf(found);
  }

  /**
   * The constants a call's arguments name or write, anywhere in them, in source order: a field access's name
   * ({@code TransactionDefinition.ISOLATION_SERIALIZABLE}, {@code Isolation.SERIALIZABLE} in
   * {@code Isolation.SERIALIZABLE.value()}), a plain name in capitals (a static import's constant), a string literal.
   */
  private List<dev.optkit.analyzers.facts.ArgumentConstant> constants(MethodCallExpr call) {
    List<dev.optkit.analyzers.facts.ArgumentConstant> found = new java.util.ArrayList<>();
    for (Expression argument : call.getArguments()) {
      argument.walk(com.github.javaparser.ast.Node.TreeTraversal.PREORDER, node -> {
        if (node instanceof FieldAccessExpr access && constantName(access.getNameAsString())) {
          found.add(new dev.optkit.analyzers.facts.ArgumentConstant.Named(access.getScope().toString(),
              access.getNameAsString()));
        } else if (node instanceof NameExpr name && constantName(name.getNameAsString())
            && !(node.getParentNode().orElse(null) instanceof FieldAccessExpr)) {
          found.add(new dev.optkit.analyzers.facts.ArgumentConstant.Named(null, name.getNameAsString()));
        } else if (node instanceof StringLiteralExpr literal) {
          found.add(new dev.optkit.analyzers.facts.ArgumentConstant.Text(literal.asString()));
        }
      });
    }
    return found;
  }

  /** A name written as Java's conventions write a constant: capitals, digits and underscores, a capital first. */
  private static boolean constantName(String name) {
    return !name.isEmpty() && Character.isUpperCase(name.charAt(0))
        && name.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '_');
  }

  /**
   * The class a call without a receiver runs a static import's method of: the one class a static import may take the
   * name from, when the class the call is written in (a top-level class extending nothing) declares no method of that
   * name, so none of its own shadows the import (audit 11's s10c); null otherwise.
   */
  private String staticallyImported(MethodCallExpr call) {
    List<String> owners = file.names.staticImportOwners(call.getNameAsString());
    if (owners.size() != 1) {
      return null;
    }
    com.github.javaparser.ast.body.ClassOrInterfaceDeclaration type = call.findAncestor(
        com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class).orElse(null);
    // an interface it implements may have a default method of that name, which beats the import (review 35's i2)
    // an interface extending none inherits no method a static import's name could be (a Jdbi DAO's default method
    // calling StringUtils.isBlank was taken for a call of a sibling query)
    if (type == null || type.isNestedType() || type.isLocalClassDeclaration()
        || type.getExtendedTypes().isNonEmpty() || type.getImplementedTypes().isNonEmpty()
        || !type.getMethodsByName(call.getNameAsString()).isEmpty()
        || call.findAncestor(ObjectCreationExpr.class).isPresent()) {
      return null;
    }
    return owners.get(0);
  }

  /**
   * The class an unqualified call in a local or member class runs the method of, when that class declares no method of
   * the name and extends and implements nothing, so it has none but Object's: as Java reads it, the closest enclosing
   * class that declares one (a handler's local {@code View} calling {@code decorate(c)} runs the handler's own
   * {@code decorate}: hostile review 35's i4), else the first that may inherit one, else a single static import's
   * class. Null to leave the call on its own class: one declaring or maybe inheriting the name, a top-level class, a
   * call in an anonymous class (whose body is its method's own).
   */
  private String enclosingDeclarer(MethodCallExpr call) {
    String name = call.getNameAsString();
    com.github.javaparser.ast.Node at = call.getParentNode().orElse(null);
    boolean inner = true;
    for (; at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
        // an anonymous class's body is its method's own; around a local class, it may declare or inherit the method,
        // which no fact names: the call stays on its own class, where the planner finds no such method (review 36's e1)
        return null;
      }
      if (!(at instanceof TypeDeclaration<?> type)) {
        continue;
      }
      if (inner) {
        inner = false;
        if (type.getParentNode().orElse(null) instanceof com.github.javaparser.ast.CompilationUnit
            || !type.getMethodsByName(name).isEmpty() || mayInherit(type)) {
          return null;
        }
        continue;
      }
      if (!type.getMethodsByName(name).isEmpty() || mayInherit(type)) {
        return file.qualifiedName(type);
      }
      if (type.getParentNode().orElse(null) instanceof com.github.javaparser.ast.CompilationUnit) {
        List<String> imported = file.names.staticImportOwners(name);
        return imported.size() == 1 ? imported.get(0) : file.qualifiedName(type);
      }
    }
    return null;
  }

  /**
   * For an unqualified call in a member or local class that may inherit a method of the name and declares none: the
   * class and the classes enclosing it, innermost first, which the index searches as Java does
   * ({@link ReceivedFrom.EnclosingThis}); empty for a call in a top-level class, in an anonymous class, or in a class
   * declaring the name.
   */
  private List<String> enclosingClasses(MethodCallExpr call) {
    String name = call.getNameAsString();
    List<String> classes = new java.util.ArrayList<>();
    for (com.github.javaparser.ast.Node at = call.getParentNode().orElse(null); at != null;
        at = at.getParentNode().orElse(null)) {
      if (at instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
        return List.of();
      }
      if (at instanceof TypeDeclaration<?> type) {
        if (classes.isEmpty() && (type.getParentNode().orElse(null) instanceof com.github.javaparser.ast.CompilationUnit
            || !type.getMethodsByName(name).isEmpty() || !mayInherit(type))) {
          return List.of();
        }
        classes.add(file.qualifiedName(type));
      }
    }
    return classes;
  }

  /**
   * Whether a class may have methods it does not declare besides Object's: it extends or implements a type (an
   * interface's default methods), or it is an interface or annotation. A record's or enum's own implicit members
   * ({@code values()}, accessors) are not the names of methods that change things.
   */
  private static boolean mayInherit(TypeDeclaration<?> type) {
    if (type instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration plain) {
      return plain.isInterface() || plain.getExtendedTypes().isNonEmpty() || plain.getImplementedTypes().isNonEmpty();
    }
    if (type instanceof com.github.javaparser.ast.body.RecordDeclaration record) {
      return record.getImplementedTypes().isNonEmpty();
    }
    if (type instanceof com.github.javaparser.ast.body.EnumDeclaration enumeration) {
      return enumeration.getImplementedTypes().isNonEmpty();
    }
    return true;
  }

  /** The superclass of the class body a call is written in, qualified; null for none written (Object's). */
  private String superclassOf(com.github.javaparser.ast.Node call) {
    for (com.github.javaparser.ast.Node at = call.getParentNode().orElse(null); at != null; at = at.getParentNode().orElse(null)) {
      if (at instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
        return file.names.qualify(creation.getType()).name();
      }
      if (at instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration type) {
        return type.isInterface() || type.getExtendedTypes().isEmpty() ? null
            : file.names.qualify(type.getExtendedTypes(0)).name();
      }
      if (at instanceof TypeDeclaration<?>) {
        return null; // an enum's or a record's: java.lang.Enum, java.lang.Record
      }
    }
    return null;
  }

  public void visitReference(MethodReferenceExpr reference) {
    Expression scope = reference.getScope();
    if (NameScopes.constantScope(scope) || NameScopes.qualifiedRoot(scope,
        name -> m.locals.declaresLocal(name) || m.locals.fieldType(name) != null) != null) {
      // Labelers.MAIN::label: a static field's object, shared by every call (hostile review 62's other_static_ref),
      // checked as Labelers.MAIN.label(r) is: on the type the names give, which the index reads as a constant's
      String constant = NameScopes.constantScope(scope) && scope instanceof com.github.javaparser.ast.expr.TypeExpr type
          && type.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType named
          ? file.names.qualify(named).name() : null;
      m.calls.add(new CallRef(constant, reference.getIdentifier(), -1, Confidence.LOW, m.loops.isDeferred(reference),
          SourceRange.of(reference), file.text.snippet(reference)));
      m.callNodes.add(reference);
      return;
    }
    String superclass = scope instanceof com.github.javaparser.ast.expr.SuperExpr plain
        ? plain.getTypeName().map(t -> file.names.qualify(t.asString()).name()).orElseGet(() -> superclassOf(reference))
        : null; // sorted(super::names): the superclass's method (hostile review 34's s6)
    TypeNames.Qualified receiver = scope instanceof ThisExpr ? new TypeNames.Qualified(owner, Confidence.HIGH)
        : superclass != null ? new TypeNames.Qualified(superclass, Confidence.HIGH) : m.locals.syntacticType(scope);
    // repo::names parses as a type's reference when repo is no local: a field of this class or one it inherits
    String written = scope instanceof com.github.javaparser.ast.expr.TypeExpr type
        && type.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType plain && plain.getScope().isEmpty()
        && Character.isLowerCase(plain.getNameAsString().charAt(0)) ? plain.getNameAsString() : null;
    ReceivedFrom inherited = receiver != null ? null : scope instanceof NameExpr ? inheritedField(scope)
        : written != null && !m.locals.declaresLocal(written) ? inheritedFieldAt(reference, written) : null;
    if (inherited != null) {
      // sorted(repo::names) on a field a superclass declares: the index types it, as for repo.names() (review 34's s6c)
      m.calls.add(new CallRef(null, reference.getIdentifier(), -1, Confidence.LOW, m.loops.isDeferred(reference),
          SourceRange.of(reference), file.text.snippet(reference)).withHelperFacts(inherited, List.of(), null, -1));
      m.callNodes.add(reference);
      return;
    }
    boolean typeName = scope instanceof com.github.javaparser.ast.expr.TypeExpr type && written == null
        && !(type.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType named && named.getScope().isPresent()
            && named.getNameAsString().equals(named.getNameAsString().toUpperCase(java.util.Locale.ROOT)));
    if (receiver == null && !typeName) {
      // dto::addRole on a local optkit cannot type (var dto = last), labelers[0]::label, current.get()::label,
      // Labelers.MAIN::label: a call on that object all the same, as the plain call is (hostile reviews 61's r_var and
      // 62's hole 2: dropped, the reference's method went unchecked)
      m.calls.add(new CallRef(null, reference.getIdentifier(), -1, Confidence.LOW, m.loops.isDeferred(reference),
          SourceRange.of(reference), file.text.snippet(reference)));
      m.callNodes.add(reference);
      return;
    }
    if (receiver == null || receiver.name().startsWith("java.")) {
      return;
    }
    String name = reference.getIdentifier();
    if (name.equals("new") && reference.getScope() instanceof com.github.javaparser.ast.expr.TypeExpr made
        && made.getType() instanceof com.github.javaparser.ast.type.ClassOrInterfaceType type) {
      // map(Role::new) runs Role's constructor as new Role(r) does (hostile review 64's K)
      // map(Role::new), forEach(Role::new): a function of one element, so Role(String), never Role()
      int arguments = reference.getParentNode().orElse(null) instanceof MethodCallExpr traversal
          && ONE_ELEMENT_FUNCTIONS.contains(traversal.getNameAsString()) && traversal.getArguments().size() == 1 ? 1 : -1;
      m.addConstructorCall(new CallRef(receiver.name(), type.getName().getIdentifier(), arguments, receiver.confidence(),
          m.loops.isDeferred(reference), SourceRange.of(reference), file.text.snippet(reference))
          .on(CallReceiver.TYPE), null);
    }
    Optional<ClientSignature> client = file.catalog.match(List.of(receiver.name()), name);
    if (client.isPresent()) {
      ClientSignature signature = client.get();
      Access access = SiteAccess.accessOf(signature, name, null, null);
      m.sites.add(new IoSite(signature.kind(), signature.id(), signature.provider(), access, Confidence.MEDIUM,
          receiver.name(), name, null, null, null, null, signature.llm(),
          ClientSites.startsAsync(signature, name, receiver.name(), name), m.loops.isDeferred(reference),
          SourceRange.of(reference), file.text.snippet(reference)));
      m.siteNodes.add(reference);
      return;
    }
    // a method reference in a pipeline is called once per element with the element as argument
    m.calls.add(new CallRef(receiver.name(), name, -1, receiver.confidence(), m.loops.isDeferred(reference),
        SourceRange.of(reference), file.text.snippet(reference))
        .on(scope instanceof ThisExpr plain && plain.getTypeName().isEmpty() ? CallReceiver.THIS
            : superclass != null ? CallReceiver.SUPER
            : scope instanceof com.github.javaparser.ast.expr.TypeExpr && written == null ? CallReceiver.TYPE
            : CallReceiver.OBJECT));
    m.callNodes.add(reference);
  }

  /** Stream, Optional and Iterable calls whose one argument is a function of one element. */
  private static final java.util.Set<String> ONE_ELEMENT_FUNCTIONS = java.util.Set.of("map", "forEach", "flatMap",
      "peek", "mapToObj", "forEachOrdered", "ifPresent");

  /**
   * The constructor a constructor runs first: {@code this(...)} or {@code super(...)} as written, else its superclass's
   * no-argument one (Java's implicit {@code super()}): a constructor call like {@code new}'s, so what it touches counts
   * for whoever makes the object (hostile reviews 66's K and 69's k_super_other_ctor).
   */
  public void visitDelegation(com.github.javaparser.ast.body.ConstructorDeclaration constructor) {
    var type = constructor.findAncestor(com.github.javaparser.ast.body.ClassOrInterfaceDeclaration.class).orElse(null);
    if (type == null || constructor.getParentNode().orElse(null) != type) {
      return;
    }
    var statements = constructor.getBody().getStatements();
    var first = statements.isEmpty() ? null : statements.get(0);
    com.github.javaparser.ast.type.ClassOrInterfaceType superclass = type.getExtendedTypes().isEmpty() ? null
        : type.getExtendedTypes().get(0);
    if (first instanceof com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt delegation) {
      String target = delegation.isThis() ? owner : superclass == null ? null : file.names.qualify(superclass).name();
      String simple = delegation.isThis() ? type.getNameAsString() : superclass == null ? null : superclass.getNameAsString();
      if (target != null && !target.startsWith("java.")) {
        m.addConstructorCall(new CallRef(target, simple, delegation.getArguments().size(), Confidence.MEDIUM, false,
            SourceRange.of(delegation), file.text.snippet(delegation).replaceAll(";\\s*$", "")), delegation);
      }
    } else if (superclass != null && !file.names.qualify(superclass).name().startsWith("java.")) {
      m.addConstructorCall(new CallRef(file.names.qualify(superclass).name(), superclass.getNameAsString(), 0,
          Confidence.MEDIUM, false, SourceRange.of(constructor), "super()"), null);
    }
  }

  /** A constructor call of a project type; new Random() and new Date() as reads of randomness and time. */
  public void visitCreation(ObjectCreationExpr creation) {
    String created = TypeNames.erase(creation.getType().getNameAsString());
    String qualified = file.names.qualify(creation.getType()).name();
    if (creation.getAnonymousClassBody().isEmpty() && !qualified.startsWith("java.")) {
      m.addConstructorCall(new CallRef(qualified, creation.getType().getName().getIdentifier(),
          creation.getArguments().size(), Confidence.MEDIUM, m.loops.isDeferred(creation), SourceRange.of(creation),
          file.text.snippet(creation)).on(CallReceiver.TYPE).withArgumentTypes(argumentTypes(creation.getArguments())),
          creation);
    }
    m.timeAndRandom.noteCreation(creation, created);
  }

  /** JDBC transactions run by hand: where they start, and whether this method commits. */
  private void noteTransactionControl(MethodCallExpr call, String name, Expression scope) {
    if (scope == null) {
      return;
    }
    if (name.equals("setAutoCommit") && call.getArguments().size() == 1
        && !(call.getArgument(0) instanceof BooleanLiteralExpr literal && literal.getValue())) {
      m.transactionControl.add(dev.optkit.analyzers.facts.MethodFact.TransactionControl.AUTO_COMMIT_OFF); // anything but a literal true may turn it off
    } else if (call.getArguments().isEmpty()) {
      switch (name) {
        case "commit" -> m.transactionControl.add(dev.optkit.analyzers.facts.MethodFact.TransactionControl.COMMIT);
        case "rollback" -> m.transactionControl.add(dev.optkit.analyzers.facts.MethodFact.TransactionControl.ROLLBACK);
        case "begin" -> m.transactionControl.add(dev.optkit.analyzers.facts.MethodFact.TransactionControl.BEGIN);
        default -> { }
      }
    }
  }

}
