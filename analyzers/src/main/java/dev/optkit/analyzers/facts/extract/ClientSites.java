package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.catalog.ClientSignature;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.SourceRange;
import dev.optkit.analyzers.facts.loops.LoopShapes;
import dev.optkit.analyzers.facts.sites.SimpleJdbcInsertTables;
import dev.optkit.analyzers.facts.sites.UnresolvedStatements;
import dev.optkit.analyzers.facts.types.FieldReceivers;
import dev.optkit.analyzers.facts.types.ReceiverResolver;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.facts.Confidence;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a call is an I/O site of a catalogued client, and the site it is: candidates are found
 * by method name and declared type (cheap), and only those are handed to the symbol solver; a
 * fluent chain is one site, at its outermost call.
 */
public final class ClientSites {
  private static final Set<String> HTTP_VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
  /** Static factories on client types build a client; they never talk to anything. */
  private static final Set<String> CONSTRUCTION = Set.of(
      "builder", "create", "newClient", "newBuilder", "newHttpClient", "standard", "defaultClient", "custom",
      "createDefault", "createSystem", "createMinimal");

  private final MethodScan m;
  private final FileScan file;
  private final ClientCatalog catalog;
  private final ReceiverResolver resolver;
  private final RequestTexts texts;
  private final SiteAccess siteAccess;

  public ClientSites(MethodScan m) {
    this.m = m;
    this.file = m.file;
    this.catalog = m.file.catalog;
    this.resolver = m.file.resolver;
    this.texts = new RequestTexts(m);
    this.siteAccess = new SiteAccess(m);
  }

  /** The I/O site this call is, if any: catalogue match by declared type, confirmed by the solver. */
  /**
   * The simple name of what a builder's {@code build()} makes, by the builder's declared name ({@code RestTemplate} of a
   * {@code RestTemplateBuilder}), when that is a catalogued client's; else null.
   */
  private String builtClientName(Expression scope) {
    if (!(scope instanceof MethodCallExpr build) || !build.getNameAsString().equals("build")
        || build.getArguments().isNonEmpty() || build.getScope().isEmpty()) {
      return null;
    }
    TypeNames.Qualified builder = m.locals.syntacticType(build.getScope().get());
    if (builder == null) {
      return null;
    }
    String simple = TypeNames.simple(builder.name());
    String made = simple.endsWith("Builder") && simple.length() > "Builder".length()
        ? simple.substring(0, simple.length() - "Builder".length()) : null;
    return made != null && !catalog.clientsForSimpleType(made).isEmpty() ? made : null;
  }

  Optional<IoSite> clientSite(MethodCallExpr call) {
    String name = call.getNameAsString();
    Expression scope = call.getScope().orElse(null);
    if (scope == null || scope instanceof ThisExpr) {
      return Optional.empty();
    }
    if (CONSTRUCTION.contains(name) && scope instanceof NameExpr type
        && Character.isUpperCase(type.getNameAsString().charAt(0)) && !m.locals.types.containsKey(type.getNameAsString())
        && m.locals.fieldType(type.getNameAsString()) == null) {
      return Optional.empty(); // S3Client.builder(), HttpClients.createDefault()
    }
    boolean nameCandidate = catalog.isCandidateMethod(name);
    TypeNames.Qualified declared = m.locals.syntacticType(scope);
    boolean wildcardCandidate = declared != null && catalog.hasAnyMethodClients()
        && catalog.matchPattern(declared.name(), name).isPresent();
    if (!nameCandidate && !wildcardCandidate) {
      return Optional.empty();
    }
    List<ClientSignature> byDeclared = declared == null ? List.of() : catalog.clientsForType(declared.name());
    boolean declaredMatches = byDeclared.stream().anyMatch(c -> c.matchesMethod(name));
    boolean unknownReceiver = declared == null;
    // a declared type outside the catalogue may still subclass a client: the solver decides,
    // but only in files that import a client package, so ordinary code never pays for it
    boolean declaredMayBeClient = declared != null && !isPlainJdkType(declared.name());
    boolean jdbcStatement = unknownReceiver && UnresolvedStatements.isStatementCall(call, m.locals.initializers);
    // builder.build().getForObject(..) on a RestTemplateBuilder: the client a builder makes, whatever the file imports
    // (trial 80: the chained form was no finding, the same call through a local was)
    String built = unknownReceiver ? builtClientName(scope) : null;
    // a lambda's untyped parameter takes the type the method it is handed to declares, often in another file: db.tx(s ->
    // s.save(chat)) where tx takes a project interface whose method takes Hibernate's Session, in a file importing none
    boolean lambdaReceiver = unknownReceiver && scope instanceof NameExpr named && m.locals.isLambdaParameter(named);
    if (!declaredMatches && !wildcardCandidate && !(unknownReceiver && file.importsClientPackage) && !lambdaReceiver
        && !(declaredMayBeClient && file.importsClientPackage) && !jdbcStatement && built == null) {
      return Optional.empty();
    }
    String field = FieldReceivers.fieldName(scope, m.locals::declaresLocal);
    Optional<List<String>> resolved = field == null ? resolver.typeAndAncestors(scope)
        : file.fieldReceivers.typeAndAncestors(scope, field, resolver);
    ClientSignature client = null;
    Confidence confidence;
    String receiverType;
    if (resolved.isPresent()) {
      Optional<ClientSignature> match = catalog.match(resolved.get(), name);
      if (match.isEmpty()) {
        match = catalog.matchPattern(resolved.get().get(0), name);
        if (match.isEmpty()) {
          return Optional.empty();
        }
      }
      client = match.get();
      confidence = Confidence.HIGH;
      receiverType = resolved.get().get(0);
    } else if (declaredMatches) {
      client = byDeclared.stream().filter(c -> c.matchesMethod(name)).findFirst().orElseThrow();
      confidence = Confidence.MEDIUM;
      receiverType = declared.name();
    } else if (wildcardCandidate) {
      client = catalog.matchPattern(declared.name(), name).orElseThrow();
      confidence = Confidence.MEDIUM;
      receiverType = declared.name();
    } else {
      // var ps = c.prepareStatement(sql); ps.executeUpdate(): a write must not vanish for want of the jars that type c,
      // nor be taken for the call of a client the file imports (JdbcTemplate's execute)
      Optional<ClientSignature> byImports = jdbcStatement
          ? catalog.clientsForType(UnresolvedStatements.typeOf(call)).stream().filter(c -> c.matchesMethod(name)).findFirst()
          : built != null ? catalog.clientsForSimpleType(built).stream().filter(c -> c.matchesMethod(name)).findFirst()
              .or(() -> importedClient(name))
          : declared == null ? importedClient(name)
          // a name the file imports by name (or declares) is that type, whatever client shares its simple name
          // (io.airlift.http.client.HttpClient was taken for Apache's): only a guessed qualification is matched by name
          : declared.confidence() == Confidence.HIGH ? Optional.<ClientSignature>empty()
          : catalog.clientsForSimpleType(TypeNames.simple(declared.name())).stream().filter(c -> c.matchesMethod(name))
              .filter(c -> sameOuterType(declared.name(), c)).findFirst();
      if (byImports.isEmpty()) {
        return Optional.empty();
      }
      if (declared == null && !jdbcStatement && scope instanceof NameExpr lambdaParameter
          && m.locals.isLambdaParameter(lambdaParameter)) {
        return Optional.empty(); // es.count(c -> c.index(name)): the builder a lambda gets is not the client
      }
      if (byImports.get().id().equals("jpa-entity-manager") && inPersistentClass(call)) {
        // role.getUsers().remove(this) in an entity: JPA injects no EntityManager into the objects it manages, and
        // an import of jakarta.persistence.* for the mapping's annotations names no receiver
        return Optional.empty();
      }
      client = byImports.get();
      if (client.fluent() && call.getArguments().isNonEmpty() && HTTP_VERBS.contains(name)) {
        return Optional.empty(); // list.get(0) on something unresolved: fluent HTTP entries take no arguments
      }
      confidence = Confidence.LOW;
      receiverType = declared == null ? client.types().get(0) : declared.name();
    }
    if (client.fluent() && earlierEntry(scope, client)) {
      return Optional.empty(); // an earlier link of this chain is the entry call: one statement, one finding
    }
    if (client.fluent() && client.kind() == ClientKind.API && answersAClient(LoopShapes.outermost(call))) {
      // building a request is not sending it: client.target(u).request().buildPost(entity) answers an Invocation,
      // a client whose invoke() is the call that sends it, and a site of its own
      return Optional.empty();
    }
    boolean handedOn = client.fluent() && client.kind() == ClientKind.DB && answersAStatement(call, client);
    if (handedOn && !(IoSite.JPA_QUERY_CLIENTS.contains(client.id()) && IoSite.JPA_QUERY_FACTORIES.contains(name))) {
      // building a statement is not running it: handle.createUpdate(sql).bind("n", n) handed on (added to a list,
      // returned) answers an Update, whose execute() where it is called is the statement, and a site of its own
      return Optional.empty();
    }
    IoSite site = describeSite(call, client, confidence, receiverType);
    if (handedOn && (site.sql() == null || dev.optkit.analyzers.facts.sites.SqlStatements.access(site.sql()) == Access.READ)) {
      // a JPA query handed on runs where getResultList() or executeUpdate() is called on it; one whose text writes
      // (a native INSERT ... RETURNING run by a helper's getResultList()) stays a write where it is made, as the run
      // there tells no text
      return Optional.empty();
    }
    boolean httpUrl = site.url() != null && site.url().startsWith("http");
    if (client.requiresHttpEvidence() && !httpUrl && (!receiverType.contains("Http") || m.locals.onlyIfHttp(scope))) {
      return Optional.empty();
    }
    return Optional.of(site);
  }

  /**
   * Whether the chain answers a client the catalogue names (the solver's type of its last call): what it built is
   * sent by a later call on it. Not told where the solver cannot type it: the chain stays the site.
   */
  private boolean answersAClient(MethodCallExpr chain) {
    return resolver.typeAndAncestors(chain).filter(answer -> !catalog.clientsForType(answer.get(0)).isEmpty())
        .isPresent();
  }

  /**
   * Whether the chain of a database client's entry answers a statement the catalogue knows the runs of (Jdbi's
   * {@code Update}, Hibernate's {@code Query}), not kept in a local this method runs ({@link StoredQueries}): the
   * statement is handed on, and runs where one of those is called on it. Not told where the solver cannot type the
   * chain, nor for a statement type whose runs the catalogue does not name (JPA's {@code TypedQuery}): the chain stays
   * the site.
   */
  private boolean answersAStatement(MethodCallExpr call, ClientSignature client) {
    MethodCallExpr chain = LoopShapes.outermost(call);
    if (storedRun(call, chain, client).isPresent()) {
      return false;
    }
    Optional<List<String>> answer = resolver.typeAndAncestors(chain);
    if (answer.isEmpty()) {
      return madeJpaQuery(call, chain, client);
    }
    // the answer's own type, not an ancestor: Hibernate 6's Query is JPA's TypedQuery too, but a helper may run it as
    // its MutationQuery or SelectionQuery, which no family of the catalogue names (a review lost such writes)
    return catalog.clientsForType(answer.get().get(0)).stream()
        .anyMatch(statement -> statement.kind() == ClientKind.DB && !statement.methods().isEmpty());
  }

  /** The setters of JPA's Query that answer the query itself, by its API ({@code setParameter}, {@code setMaxResults}). */
  private static boolean querySetter(String name) {
    return name.startsWith("set") && name.length() > 3 && Character.isUpperCase(name.charAt(3));
  }

  /**
   * Where the solver cannot type the chain (no jar): an EntityManager's query factory ({@code createQuery}), then only
   * Query's setters, answers a JPA Query by the API's signatures, which runs where it is run. Not one a local keeps,
   * whose run in the method, when there is one, is the site with its text.
   */
  private static boolean madeJpaQuery(MethodCallExpr call, MethodCallExpr chain, ClientSignature client) {
    if (!client.id().equals("jpa-entity-manager") || !IoSite.JPA_QUERY_FACTORIES.contains(call.getNameAsString())
        || chain.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.VariableDeclarator) {
      return false; // kept in a local: a run of it here takes its text (MethodScan's builtWhereRunDropped)
    }
    List<MethodCallExpr> links = LoopShapes.chain(chain);
    return links.subList(links.indexOf(call) + 1, links.size()).stream().allMatch(link -> querySetter(link.getNameAsString()));
  }

  /**
   * Where the query a chain makes and a local keeps is run ({@link StoredQueries}), for an entry that makes a query
   * object: one the client does not name a read or a write (a maker: {@code createQuery}, {@code opsForValue}), or one
   * answering a type the catalogue names, of a client that is no statement's runs. Not a run answering rows ({@code List rows = q.getResultList()} keeps no
   * query, whatever is called on the rows later: a trial on JACQ had the run placed at {@code rows.get(0)}).
   */
  private Optional<MethodCallExpr> storedRun(MethodCallExpr entry, MethodCallExpr chain, ClientSignature client) {
    boolean makes = !client.statement() && (client.readsByMethod(entry.getNameAsString()) == null
        || resolver.typeAndAncestors(entry).filter(answer -> !catalog.clientsForType(answer.get(0)).isEmpty()).isPresent());
    return makes ? StoredQueries.runOf(entry, chain) : Optional.empty();
  }

  /** An EntityManager's makers of stored-procedure queries, whose runs may write whatever they are called with. */
  private static final java.util.Set<String> PROCEDURE_MAKERS = java.util.Set.of("createStoredProcedureQuery",
      "createNamedStoredProcedureQuery");

  /** Whether the call is written in a JPA entity, embeddable or mapped superclass (by its annotations). */
  private static boolean inPersistentClass(MethodCallExpr call) {
    Optional<com.github.javaparser.ast.body.TypeDeclaration> type =
        call.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class);
    if (type.isEmpty()) {
      return false;
    }
    for (Object annotation : type.get().getAnnotations()) {
      String name = ((com.github.javaparser.ast.expr.AnnotationExpr) annotation).getName().getIdentifier();
      if (name.equals("Entity") || name.equals("Embeddable") || name.equals("MappedSuperclass")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a call further down this chain ({@code a.entry().path(x).entry()}) is itself an entry of the client. */
  private boolean earlierEntry(Expression scope, ClientSignature client) {
    for (Expression link = scope; link instanceof MethodCallExpr inner; link = inner.getScope().orElse(null)) {
      if (client.matchesMethod(inner.getNameAsString())) {
        return true;
      }
    }
    return false;
  }

  /** A client whose type this file imports and that has a method of this name: names only, low confidence. */
  private Optional<ClientSignature> importedClient(String name) {
    return file.importedClients.computeIfAbsent(name, this::findImportedClient);
  }

  private Optional<ClientSignature> findImportedClient(String name) {
    for (String imported : file.names.importedNames()) {
      for (ClientSignature client : catalog.clients()) {
        if (!client.matchesMethod(name) || client.anyMethod()) {
          continue;
        }
        for (String type : client.types()) {
          if (type.equals(imported) || type.substring(0, type.lastIndexOf('.')).equals(imported)) {
            return Optional.of(client);
          }
        }
      }
    }
    return Optional.empty();
  }

  private IoSite describeSite(MethodCallExpr call, ClientSignature client, Confidence confidence, String receiverType) {
    Node reported = client.fluent() ? LoopShapes.outermost(call) : call;
    List<MethodCallExpr> links = client.fluent() ? LoopShapes.chain(LoopShapes.outermost(call)) : List.of(call);
    if (client.fluent() && client.kind() == ClientKind.DB) {
      // a query object kept in a local runs later: the call that runs it is the site, and its chain tells what it does
      Optional<MethodCallExpr> run = storedRun(call, LoopShapes.outermost(call), client);
      if (run.isPresent()) {
        MethodCallExpr outermostRun = LoopShapes.outermost(run.get());
        reported = outermostRun;
        links = new java.util.ArrayList<>(links);
        links.addAll(LoopShapes.chain(outermostRun));
      }
    }
    String name = call.getNameAsString();
    String httpMethod = null;
    String url = null;
    String sql = null;
    if (client.kind() == ClientKind.API) {
      httpMethod = texts.httpMethodOf(client, call, links);
      url = texts.urlOf(call, links);
    } else {
      sql = client.id().equals("spring-simple-jdbc") ? SimpleJdbcInsertTables.insertOf(call).orElse(null)
          : texts.sqlOf(call, links);
    }
    if (client.kind() == ClientKind.DB && !client.id().equals("spring-simple-jdbc")) {
      // the text this file tells may have another type's constant in it ({COLUMNS}): the index reads that
      boolean jpaQuery = IoSite.JPA_QUERY_CLIENTS.contains(client.id()) && IoSite.JPA_QUERY_FACTORIES.contains(name);
      texts.sqlConstantOf(call, links, SourceRange.of(reported), jpaQuery).ifPresent(m.sqlConstants::add);
    }
    Access access = SiteAccess.accessOf(client, name, sql, httpMethod);
    boolean nativeUntold = false;
    if (sql == null && IoSite.JPA_QUERY_CLIENTS.contains(client.id()) && IoSite.JPA_QUERY_FACTORIES.contains(name)) {
      // em.createQuery(criteriaQuery): what the query is, not the word "create", tells a read from a write; then
      // what the chain runs (getResultList, executeUpdate); a query neither tells may write, as its name says
      Access told = call.getArguments().isEmpty() ? Access.UNKNOWN : siteAccess.criteriaAccess(call.getArgument(0), 0);
      Access run = SiteAccess.accessFromChain(links, Access.UNKNOWN);
      // a native query whose text is not told may write what it returns (a sequence's next value, INSERT ...
      // RETURNING): run for its rows, it is neither read nor write here (a hostile review's number allocations)
      nativeUntold = told == Access.UNKNOWN && run == Access.READ && name.equals("createNativeQuery");
      told = told != Access.UNKNOWN || nativeUntold ? told : run;
      access = nativeUntold ? Access.UNKNOWN : told == Access.UNKNOWN ? access : told;
    }
    // a query run where it was not made (jpa-query's own runs) or a stored procedure's may be a native write, a
    // sequence's next value or a procedure: what getResultList() runs is told by the making's text alone
    boolean untoldRun = client.statement() || PROCEDURE_MAKERS.contains(name) || nativeUntold;
    if (client.kind() == ClientKind.DB && access == Access.UNKNOWN && !untoldRun) {
      access = SiteAccess.accessFromChain(links, access);
    }
    boolean async = startsAsync(client, name, receiverType, links.get(links.size() - 1).getNameAsString());
    return new IoSite(client.kind(), client.id(), client.provider(), access, confidence, receiverType, name,
        httpMethod, url, IoSite.hostOf(url), sql, client.llm(), async, m.loops.isDeferred(call), SourceRange.of(reported),
        file.text.snippet(reported)).withArgumentCount(call.getArguments().size());
  }

  /**
   * Whether a client's call starts its round trip and answers before it completes ({@code getAsync}, {@code enqueue}, a
   * WebClient chain not blocked on, an async client's): one reader for calls and method references alike.
   *
   * @param lastLink the last call of the chain the site is reported on (the method itself for a reference)
   */
  static boolean startsAsync(ClientSignature client, String name, String receiverType, String lastLink) {
    return name.endsWith("Async") || name.equals("enqueue") || client.startsAsync(name)
        || client.id().equals("spring-webclient") && !lastLink.startsWith("block")
        || client.id().endsWith("Async") || receiverType.endsWith("Async") || receiverType.endsWith("AsyncClient");
  }

  private static boolean isPlainJdkType(String qualified) {
    return qualified.startsWith("java.lang.") || qualified.startsWith("java.util.") || qualified.startsWith("java.io.")
        || qualified.startsWith("java.time.") || qualified.startsWith("java.math.") || qualified.startsWith("java.nio.")
        || !qualified.contains(".");
  }

  /**
   * A nested type's outer type, where its name gives one, is the catalogued type's: OkHttp's {@code Request.Builder} is
   * no JAX-RS {@code Invocation.Builder} (its {@code post(body)} only builds), though both are {@code Builder}s.
   */
  private static boolean sameOuterType(String declared, ClientSignature client) {
    String nested = nestedName(declared);
    return !nested.contains(".") || client.types().stream().anyMatch(type -> nestedName(type).equals(nested));
  }

  /** {@code Request.Builder} of {@code okhttp3.Request.Builder}: the name from its first capitalised segment on. */
  private static String nestedName(String qualified) {
    String[] segments = qualified.split("\\.");
    for (int i = 0; i < segments.length; i++) {
      if (!segments[i].isEmpty() && Character.isUpperCase(segments[i].charAt(0))) {
        return String.join(".", java.util.Arrays.copyOfRange(segments, i, segments.length));
      }
    }
    return qualified;
  }

}
