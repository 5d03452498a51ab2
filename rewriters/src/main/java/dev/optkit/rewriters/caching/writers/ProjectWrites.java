package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.rewriters.caching.FootprintIndex;
import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.SqlScriptsRun;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.types.AnnotationValues;
import dev.optkit.analyzers.index.DataFootprint;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.text.WrittenTypes;
import dev.optkit.rewriters.caching.sharing.ResultSharing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every write of the project, whichever read it concerns: direct write sites, JPA dirty checking
 * (setters on what a repository or EntityManager loaded are written back at the flush), the
 * project's own handlers that serve writes to a resource (the other end of a remote read), and the
 * SQL a test runs with {@code @Sql}. A method's first write that overlaps a read is the one a
 * refusal names.
 */
public final class ProjectWrites {
  /** Writes given an entity: its table, the join tables it owns and what its cascades reach. */
  private static final Set<String> ENTITY_WRITES = Set.of("save", "saveAll", "saveAndFlush", "saveAllAndFlush",
      "persist", "merge", "remove", "delete", "deleteAll", "saveOrUpdate", "update");

  /** Clients whose loaded objects are managed: a setter on one is written back at the flush. */
  private static final Set<String> JPA_CLIENTS = Set.of("spring-data-repository", "jpa-entity-manager", "hibernate-session");
  /** EntityManager and Session calls that return no managed entity: a query, a builder, the transaction. */
  /** Spring Data's and JPA's removals that answer nothing. */
  private static final Set<String> VOID_DELETES = java.util.stream.Stream.concat(
      dev.optkit.analyzers.index.DataFootprint.REPOSITORY_DELETES.stream(), java.util.stream.Stream.of("remove"))
      .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<String> NOT_LOADING = Set.of("getCriteriaBuilder", "getTransaction", "unwrap",
      "getEntityManagerFactory", "getMetamodel", "getDelegate", "getSessionFactory", "byId", "byNaturalId");
  /**
   * What a JPA or Hibernate query object answers its managed entities with: {@code em.createQuery(jpql, Cat.class)
   * .getResultStream()} loads like a find (hostile review 37's j1: the read changed each cat, a write the flush made).
   */
  private static final Set<String> QUERY_RESULTS = Set.of("getResultList", "getResultStream", "getSingleResult",
      "getSingleResultOrNull", "list", "stream", "uniqueResult", "uniqueResultOptional", "scroll");
  /** Hibernate's load accesses, and the calls that load through them. */
  private static final Set<String> LOAD_ACCESS = Set.of("byId", "byNaturalId", "bySimpleNaturalId", "byMultipleIds",
      "byMultipleNaturalId");
  private static final Set<String> LOADED_BY_ACCESS = Set.of("load", "loadOptional", "getReference", "multiLoad");
  private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "ParameterizedTest", "RepeatedTest", "TestFactory");

  /** A place in the project's code that changes data. */
  public record Write(IndexedMethod method, DataFootprint footprint, String what, boolean deferred) {}

  /** Every write of the project, found once per migration. */
  public static List<Write> of(WholeProject whole) {
    return whole.derived(All.class, w -> new All(of(w.index(), w::declaration, w::neverRuns))).writes();
  }

  /** Every write of the project by the data it touches: each cached method looks its writers up there. */
  public static FootprintIndex<Write> byFootprint(WholeProject whole) {
    return whole.derived(ByFootprint.class, w -> {
      FootprintIndex<Write> writesByFootprint = new FootprintIndex<>();
      of(w).forEach(write -> writesByFootprint.add(write, write.footprint()));
      return new ByFootprint(writesByFootprint);
    }).writes();
  }

  /**
   * The method's first write (in {@link #of(WholeProject)}'s order), or empty: a cached method that writes would skip
   * its write on a hit. Methods are matched by key and file, as each proof names them.
   */
  public static Optional<Write> firstOf(WholeProject whole, IndexedMethod method) {
    return Optional.ofNullable(whole.derived(FirstByMethod.class, w -> {
      Map<String, Write> first = new HashMap<>();
      of(w).forEach(write -> first.putIfAbsent(write.method().key() + "@" + write.method().path(), write));
      return new FirstByMethod(Map.copyOf(first));
    }).writes().get(method.key() + "@" + method.path()));
  }

  private record All(List<Write> writes) {}

  private record FirstByMethod(Map<String, Write> writes) {}

  private record ByFootprint(FootprintIndex<Write> writes) {}

  private ProjectWrites() {}

  /** @param neverRuns a method that can never run ({@link dev.optkit.rewriters.caching.WholeProject#neverRuns}) writes nothing */
  public static List<Write> of(ProjectIndex index,
      java.util.function.Function<IndexedMethod, Optional<com.github.javaparser.ast.body.CallableDeclaration<?>>> declarations,
      java.util.function.Predicate<IndexedMethod> neverRuns) {
    List<Write> found = new ArrayList<>();
    // test code too: a test that writes a table itself (a repository save, a JdbcTemplate insert in its set-up)
    // and reads it back through the cached method would see the old answer, and optkit never edits tests
    for (IndexedMethod method : index.methods()) {
      if (neverRuns.test(method)) {
        continue;
      }
      for (var site : index.sitesOf(method)) {
        if (site.access() != Access.READ && !OwnDatabaseCreation.is(index, declarations, method, site)) {
          // a call optkit cannot tell apart may write
          DataFootprint written = index.footprints().of(site);
          // an entity's save or delete: its table, the join tables it owns and what its cascades reach (a
          // repository's entity's, said as they are; an EntityManager's entity optkit does not tell)
          boolean entity = (JPA_CLIENTS.contains(site.clientId()) || site.clientId().contains("repository"))
              && ENTITY_WRITES.contains(site.method());
          String scope = index.footprints().writtenScope(site).orElse(entity
              ? "its entity's table, the join tables it owns and the tables its cascades reach" : null);
          found.add(new Write(method, written, (site.access() == Access.WRITE && !entity ? "writes " : "may write ")
              + describe(written) + " (" + site.method() + "()" + (scope != null ? ": " + scope : "") + ")"
              + (site.deferred() ? " in code it hands on to run later (a lambda or a task)" : ""), site.deferred()));
        }
      }
    }
    // a bodiless query method's own write (@Modifying @Query("update Cat c ...")): its callers' sites carry it, but one
    // nothing in the project calls (run by XML configuration, <task:scheduled method="anonymiseAll">) has no caller
    // site, and its write must still count (hostile review 32, b12)
    for (IndexedMethod method : index.methods()) {
      if (!method.fact().isAbstract()) {
        continue;
      }
      index.implementedByLibrary(method).filter(site -> site.access() != Access.READ).ifPresent(site -> {
        DataFootprint written = index.footprints().of(site);
        if (index.callersOf(method).isEmpty()) {
          found.add(new Write(method, written, "writes " + describe(written) + " (" + site.method() + "())", false));
        }
        // a call through an interface the repository extends (NameWriter repo; repo.rename(id, n), the repository
        // redeclaring rename with its @Query) is no site of the caller's own: the write counts at the caller
        for (IndexedMethod caller : index.callersOf(method)) {
          if (index.sitesOf(caller).stream().noneMatch(own -> own.method().equals(site.method())
              && own.receiverType() != null && index.supertypesOf(site.receiverType()).contains(own.receiverType()))) {
            found.add(new Write(caller, written, "writes " + describe(written) + " (" + site.method() + "() through "
                + "an interface its repository " + ProjectTraits.simpleName(site.receiverType()) + " extends)", false));
          }
        }
      });
    }
    ResultSharing sharing = new ResultSharing(index, declarations);
    dev.optkit.rewriters.caching.sharing.ImmutableValues immutables = new dev.optkit.rewriters.caching.sharing.ImmutableValues(index);
    for (IndexedMethod method : index.methods()) {
      if (SourceSet.isTestPath(method.path()) || neverRuns.test(method)) {
        continue;
      }
      handedToChange(index, sharing, method).ifPresent(found::add);
      List<MethodFact.ResultMutation> mutations = throughHelpers(sharing, method);
      if (mutations.isEmpty()) {
        continue;
      }
      for (var site : index.sitesOf(method)) {
        // em.createQuery(...).setParameter(...) changes a query, not an entity it loaded; Collections.sort(result, c)
        // on the list a query answered orders the list (only lists go there), no entity (jhipster's
        // fetchBagRelationships: probe 44)
        // getPrice().setScale(..) through Lombok's getter on what it loaded: a call on an immutable field's value
        // changes no entity (trial 77's F1, which counted as a write the flush makes)
        String loadedType = index.footprints().storedEntity(site).orElse(null);
        boolean changed = mutations.stream().anyMatch(m -> loadedBy(site, m.call())
            && !(m.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField)
            && !(m.itself() && m.change() instanceof dev.optkit.analyzers.facts.Change.Call call
                && "Collections".equals(call.helper()))
            && !(m.change() instanceof dev.optkit.analyzers.facts.Change.UntypedCall && immutables.stringFieldReplaced(m.change(), loadedType)));
        if (changed) {
          // what it loaded, and any entity reached from it, is written back: the tables reading it may touch; a
          // column set on the loaded entity itself writes its own row alone
          DataFootprint written = ownColumnsSet(index, method, site).orElseGet(() -> index.footprints().ofLoaded(site));
          if (written.names().isEmpty() && !written.unknown()) {
            continue; // l.setLabel(...) on a @Transient field: the flush writes nothing (audit 9's s17)
          }
          found.add(new Write(method, written, "changes what " + site.method() + "() loaded ("
              + describe(written) + "), which JPA writes back at the flush", false));
        }
      }
      // the entity a project helper loads and returns (getRequestFromRepository(id) { return repo.findById(id)... }),
      // changed here: written back at the flush as well
      for (MethodFact.ResultMutation mutation : mutations) {
        if (mutation.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField) {
          continue;
        }
        for (CallRef call : method.fact().calls()) {
          if (!mutation.of(call)) {
            continue;
          }
          for (IndexedMethod helper : entityLoaders(index, call)) {
            for (var site : index.sitesOf(helper)) {
              // deleteById(token.getSeries()) beside the findById whose token the helper returns: what a delete that
              // answers nothing removes is no entity the helper hands back (jhipster's remember-me); a derived
              // deleteByX may answer the entities it deleted, and a select may be named delete... (review 45's W1, W2)
              if (loads(site) && !(site.access() == dev.optkit.analyzers.facts.Access.WRITE
                  && VOID_DELETES.contains(site.method()))) {
                // the change may be made on any entity the loaded one reaches: what loading it may touch, unless every
                // change is a plain setter of a column of the entity itself (its row alone; a @Transient field: none)
                TypeFact returned = returnedEntity(index, WrittenTypes.returnType(helper.fact()));
                if (returned != null && mutation.change() instanceof dev.optkit.analyzers.facts.Change.UntypedCall
                    && immutables.stringFieldReplaced(mutation.change(), returned.qualifiedName())) {
                  continue; // find(id).getPrice().setScale(..): a call on an immutable field's value (trial 77's F1)
                }
                boolean same = returned != null && index.footprints().storedEntity(site)
                    .filter(returned.qualifiedName()::equals).isPresent();
                DataFootprint written = (same ? ownColumnsSet(index, method, site, mutation.call()) : Optional.<DataFootprint>empty())
                    .orElseGet(() -> index.footprints().ofLoaded(site));
                if (written.names().isEmpty() && !written.unknown()) {
                  continue;
                }
                found.add(new Write(method, written, "changes what " + helper.fact().displayName() + "() loaded ("
                    + describe(written) + "), which JPA writes back at the flush", false));
              }
            }
          }
        }
      }
    }
    for (IndexedMethod method : index.methods()) {
      if (!SourceSet.isTestPath(method.path())) {
        index.webEntryPoints().writtenResource(method).ifPresent(served -> found.add(new Write(method,
            DataFootprint.servedResource(served), "serves writes to " + served, false)));
      } else if (isTest(method)) {
        sqlScriptsRun(index, method).ifPresent(found::add);
      }
    }
    return List.copyOf(found);
  }

  /**
   * {@code user.favorite(article)} on what findById() loaded: the project method the entity is handed
   * to changes it, and JPA writes the change back at the flush like a setter called here.
   */
  private static Optional<Write> handedToChange(ProjectIndex index, ResultSharing sharing, IndexedMethod method) {
    for (var handOff : method.fact().handOffs()) {
      if (handOff.fromCall() == null || handOff.returned()
          || handOff.position() == MethodFact.LAMBDA_VALUE) {
        continue;
      }
      // loaded here (users.findById(id)), or by a project helper that returns the entity (finder.findById(id))
      String loader = null;
      var loading = index.sitesOf(method).stream().filter(site -> loadedBy(site, handOff.fromCall())
          && site.access() == Access.READ).findFirst().orElse(null);
      if (loading != null) {
        loader = loading.method();
      } else {
        for (CallRef call : method.fact().calls()) {
          if (!handOff.from(call)) {
            continue;
          }
          for (IndexedMethod helper : entityLoaders(index, call)) {
            loading = index.sitesOf(helper).stream().filter(ProjectWrites::entityLoad).findFirst().orElse(null);
            if (loading != null) {
              loader = helper.fact().displayName();
              break;
            }
          }
        }
      }
      if (loading == null) {
        continue;
      }
      Optional<String> changed = sharing.changedBy(method, handOff);
      if (changed.isPresent()) {
        DataFootprint written = index.footprints().ofLoaded(loading);
        return Optional.of(new Write(method, written, "hands what " + loader + "() loaded (" + describe(written)
            + ") to " + changed.get() + ", which JPA writes back at the flush", false));
      }
    }
    return Optional.empty();
  }

  /**
   * Every change the method makes to what the site loaded is a setter of one of the entity's own columns on the
   * entity itself ({@code item.setQuantity(q)}, audit 9 / prove47: ravan's CartService.addItemToCart counted as a
   * writer of products and users): the flush writes its row alone. Empty when any change is something else.
   */
  private static Optional<DataFootprint> ownColumnsSet(ProjectIndex index, IndexedMethod method,
      dev.optkit.analyzers.facts.IoSite site) {
    return ownColumnsSet(index, method, site, site.method());
  }

  /**
   * The same for the changes made to what a call of that name returned: the site's own, or a project helper's that
   * returns what the site loaded ({@code find(id).setLiked(..)} on a {@code @Transient} field: hostile review 42 said
   * it written back at the flush).
   */
  private static Optional<DataFootprint> ownColumnsSet(ProjectIndex index, IndexedMethod method,
      dev.optkit.analyzers.facts.IoSite site, String call) {
    Set<String> names = new java.util.TreeSet<>();
    boolean unknown = false;
    DataFootprint first = null;
    for (MethodFact.ResultMutation mutation : method.fact().resultMutations()) {
      if (!mutation.call().equals(call) || mutation.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField) {
        continue;
      }
      // p.setLiked(..) on each entity of a loaded list, or the setter on the entity itself
      if (!mutation.itself() || !(mutation.change() instanceof dev.optkit.analyzers.facts.Change.Call setterCall)
          || setterCall.helper() != null || !setter(setterCall.method())) {
        return Optional.empty();
      }
      String how = setterCall.method();
      String field = Character.toLowerCase(how.charAt(3)) + how.substring(4);
      Optional<DataFootprint> own = index.footprints().ofOwnColumnSet(site, field);
      if (own.isEmpty() || !plainSetter(index, site, how)) {
        return Optional.empty();
      }
      first = own.get();
      names.addAll(own.get().names());
      unknown |= own.get().unknown();
    }
    return first == null ? Optional.empty() : Optional.of(new DataFootprint(first.kind(), Set.copyOf(names), unknown));
  }

  /** {@code setName}: a setter's name, {@code set} and a capital. */
  private static boolean setter(String method) {
    return method.length() > 3 && method.startsWith("set") && Character.isUpperCase(method.charAt(3));
  }

  /** The entity's setter of that name assigns its field and calls nothing (Lombok's, not declared, is such a one). */
  private static boolean plainSetter(ProjectIndex index, dev.optkit.analyzers.facts.IoSite site, String setter) {
    // every project method of that name (whichever class declares it): a setter that does more refuses the precision
    return index.methodsNamed(setter).stream().filter(m -> !m.fact().isStatic() && m.fact().params().size() == 1)
        // userAgent.substring(0, 254): a call on an immutable JDK value reads it and writes nothing (jhipster's token)
        .allMatch(m -> m.fact().calls().stream().allMatch(call -> dev.optkit.analyzers.facts.types.JdkValues.immutable(
                call.receiverType() == null ? "" : call.receiverType()))
            && m.fact().opaqueCalls().isEmpty()
            && m.fact().parameterMutations().stream().allMatch(p -> p.parameter() == MethodFact.RECEIVER
                && p.change() instanceof dev.optkit.analyzers.facts.Change.AssignsField || p.change() instanceof dev.optkit.analyzers.facts.Change.StoredInField));
  }

  /** A JPA call that may answer managed entities: not a builder ({@code createQuery}), nor the transaction. */
  private static boolean loads(dev.optkit.analyzers.facts.IoSite site) {
    return JPA_CLIENTS.contains(site.clientId()) && !site.method().startsWith("create")
        && !NOT_LOADING.contains(site.method());
  }

  /**
   * Whether what {@code call} answered is what the site loaded: the site's own call, or the results of the query a
   * JPA site created ({@code createQuery(..)} then {@code getResultList()}), which the facts name by the later call.
   */
  /**
   * The method's changes of call results, and the same changes of what it handed a project helper that returns what
   * it gets ({@code repo.findByTitle(t).stream().map(mapper::same)}, {@code same(repo.findById(id).get())}): a change
   * of what the helper returns is one of what the call handed to it returned.
   */
  private static List<MethodFact.ResultMutation> throughHelpers(ResultSharing sharing, IndexedMethod method) {
    List<MethodFact.ResultMutation> mutations = new ArrayList<>(method.fact().resultMutations());
    for (MethodFact.ResultMutation mutation : method.fact().resultMutations()) {
      for (MethodFact.HandOff handOff : method.fact().handOffs()) {
        if (handOff.fromCall() != null && handOff.target().equals(mutation.call())
            && handOff.toArguments() == mutation.arguments() && sharing.returnsWhatItGets(method, handOff, mutation)) {
          mutations.add(new MethodFact.ResultMutation(handOff.fromCall(), handOff.fromArguments(), mutation.change(),
              handOff.fromLine(), handOff.fromColumn(), null, mutation.itself()));
        }
      }
    }
    return mutations;
  }

  private static boolean loadedBy(dev.optkit.analyzers.facts.IoSite site, String call) {
    if (call == null) {
      return false;
    }
    return loads(site) && call.equals(site.method())
        || JPA_CLIENTS.contains(site.clientId()) && site.method().startsWith("create") && site.method().endsWith("Query")
            && site.access() != Access.WRITE && QUERY_RESULTS.contains(call)
        // session.byId(Cat.class).load(id): Hibernate's load access answers a managed entity (hostile review 38's l12)
        || JPA_CLIENTS.contains(site.clientId()) && LOAD_ACCESS.contains(site.method()) && LOADED_BY_ACCESS.contains(call);
  }

  /** A JPA call that answers managed entities: a find or a query, not a builder, a write or the transaction. */
  private static boolean entityLoad(dev.optkit.analyzers.facts.IoSite site) {
    return loads(site) && site.access() == Access.READ;
  }

  /** The project methods a call runs that return an entity (a helper such as {@code getRequestFromRepository}). */
  private static List<IndexedMethod> entityLoaders(ProjectIndex index, CallRef call) {
    return index.targetsOf(call).stream().filter(helper -> returnedEntity(index, helper.fact().returnType()) != null
        || returnedEntity(index, WrittenTypes.returnType(helper.fact())) != null).toList();
  }

  /**
   * The project entity a method returns, alone or in a container ({@code Optional<Request>}, {@code List<Book>} as the
   * declaration writes it: the fact's return type is erased), or a type an entity extends or implements
   * ({@code List<Titled>} of books); null when none. Hostile review 30's k9: {@code for (Book t : finder.titled(from))
   * t.setTitle(to)} in a transaction wrote titles no eviction followed, the helper's {@code List<Book>} being erased.
   */
  private static TypeFact returnedEntity(ProjectIndex index, String returnType) {
    for (String type : TypeNames.namedTypes(returnType)) {
      List<TypeFact> named = type.contains(".") ? index.type(type).stream().toList() : index.typesNamed(type);
      for (TypeFact candidate : named) {
        if (DataFootprint.Reader.isEntity(candidate) || index.subtypesOf(candidate.qualifiedName()).stream()
            .anyMatch(sub -> index.type(sub).map(DataFootprint.Reader::isEntity).orElse(false))) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** The data a footprint names, as a refusal says it. */
  static String describe(DataFootprint footprint) {
    if (footprint.names().isEmpty()) {
      return "data optkit cannot name";
    }
    String names = String.join(", ", footprint.names().stream().map(n -> n.startsWith("trigger:")
        ? "whatever the triggers on " + n.substring("trigger:".length()) + " write" : n.substring(n.indexOf(':') + 1))
        .toList());
    return footprint.unknown() ? names + " and possibly more" : names;
  }

  static boolean isTest(IndexedMethod method) {
    return method.fact().annotations().stream().anyMatch(a -> TEST_ANNOTATIONS.contains(a.substring(a.lastIndexOf('.') + 1)));
  }

  /**
   * A test run with Spring's {@code @Sql} writes before or after it: the annotation on the method, and on the class
   * running it, its superclasses and the classes it is nested in (Spring inherits them; a method's may merge with its
   * class's, so both count). Its {@code statements} and its script files are parsed; a script's path resolves as Spring
   * resolves it for each class that runs the test (the test's own and every subclass: a plain path from that class's
   * package, the default script named after it); one it cannot find or read counts as data it cannot name.
   */
  private static Optional<Write> sqlScriptsRun(ProjectIndex index, IndexedMethod test) {
    String owner = test.fact().ownerType();
    boolean onMethod = test.fact().annotations().stream().anyMatch(ProjectWrites::sqlAnnotation);
    List<String> running = new ArrayList<>(List.of(owner));
    index.subtypesOf(owner).stream().sorted().forEach(running::add);
    List<DataFootprint> parts = new ArrayList<>();
    boolean onClass = false;
    for (String runner : running) {
      if (onMethod) {
        parts.addAll(sqlRun(index, test.fact().annotationValues().get(AnnotationValues.SQL_STATEMENTS),
            test.fact().sqlScripts(), runner, test.fact().name()));
      }
      for (String around : classesAround(index, runner)) {
        Optional<TypeFact> type = index.type(around).filter(t -> t.annotations().stream().anyMatch(ProjectWrites::sqlAnnotation));
        if (type.isPresent()) {
          onClass = true;
          parts.addAll(sqlRun(index, type.get().annotationValues().get(AnnotationValues.SQL_STATEMENTS),
              type.get().sqlScripts(), runner, null));
        }
      }
    }
    if (!onMethod && !onClass) {
      return Optional.empty();
    }
    DataFootprint written = DataFootprint.union(parts);
    return Optional.of(new Write(test, written, "runs @Sql that writes " + describe(written)
        + (onMethod ? "" : " (on its class)"), false));
  }

  /** A test class's project superclasses and the classes it is nested in, and theirs: where its @Sql may be. */
  private static List<String> classesAround(ProjectIndex index, String type) {
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (String nested = type; ; nested = nested.substring(0, nested.lastIndexOf('.'))) {
      if (index.type(nested).isEmpty()) {
        break;
      }
      found.addAll(index.supertypesOf(nested));
      if (nested.lastIndexOf('.') < 0) {
        break;
      }
    }
    return List.copyOf(found);
  }

  /**
   * What one {@code @Sql} site writes when the class {@code runner} runs it: its statements and each of its scripts.
   *
   * @param method the test method the annotation is on, null for a class's
   */
  private static List<DataFootprint> sqlRun(ProjectIndex index, String statements, SqlScriptsRun scripts, String runner,
      String method) {
    List<DataFootprint> parts = new ArrayList<>();
    if (statements != null) {
      parts.add(index.footprints().ofWrittenScript(statements));
    }
    if (scripts == null || scripts.unread()) {
      parts.add(DataFootprint.unknownDatabase());
      return parts;
    }
    String pkg = index.packageOfType(runner);
    String folder = pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
    List<String> paths = new ArrayList<>(scripts.fromRoot());
    scripts.fromPackage().forEach(path -> paths.add(folder + path));
    if (scripts.defaultScript()) {
      // Spring's default script: the class's binary name as a path, with the method's name on a method
      String nested = pkg.isEmpty() ? runner : runner.substring(pkg.length() + 1);
      paths.add(folder + nested.replace('.', '$') + (method == null ? "" : "." + method) + ".sql");
    }
    for (String script : paths) {
      Optional<List<String>> texts = index.classpathScripts().texts(script);
      if (texts.isEmpty()) {
        parts.add(DataFootprint.unknownDatabase());
      }
      texts.orElse(List.of()).forEach(text -> parts.add(index.footprints().ofWrittenScript(text)));
    }
    return parts;
  }

  private static boolean sqlAnnotation(String annotation) {
    return annotation.endsWith(".Sql") || annotation.endsWith(".SqlGroup") || annotation.equals("Sql")
        || annotation.equals("SqlGroup");
  }
}
