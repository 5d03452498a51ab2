package dev.optkit.analyzers.index;

import dev.optkit.analyzers.bytecode.LibraryIo;
import dev.optkit.analyzers.catalog.ClientKind;
import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.Confidence;
import java.util.Optional;

/**
 * A call into a library method the catalogue does not name, which the library's bytecode shows
 * doing I/O ({@link LibraryIo}): an I/O site whose basis is the primitive reached. The receiver's
 * type comes from the source (a declaration and the imports), not the solver, so such a site is
 * at most of medium confidence. Project code and catalogued types are decided elsewhere.
 */
final class LibrarySites {
  /** The client id such sites carry: no catalogue entry, the library's own code. */
  static final String CLIENT_ID = "library-bytecode";

  private final ProjectIndex index;
  private final TypeHierarchy types;

  LibrarySites(ProjectIndex index, TypeHierarchy types) {
    this.index = index;
    this.types = types;
  }

  Optional<IoSite> siteOf(CallRef call) {
    LibraryIo io = index.libraryIo();
    if (io == LibraryIo.NONE || call.receiverType() == null || call.argumentCount() < 0) {
      return Optional.empty();
    }
    for (String type : types.supertypesOf(call.receiverType())) {
      if (!index.methods(type, call.name()).isEmpty() || !index.catalog.clientsForType(type).isEmpty()) {
        return Optional.empty(); // the project's own method, followed as code; or the catalogue's type, decided by it
      }
      if (index.type(type).isPresent()) {
        continue; // a project type without the method: it inherits it from further up
      }
      Optional<LibraryIo.Reached> reached = io.reached(type, call.name(), call.argumentCount());
      if (reached.isPresent() && startsAContainer(io, type, call)) {
        // Airlift's Bootstrap.initialize(), Spring's SpringApplication.run(): what it reaches is the application's
        // start (its server, its pools), once, and the answer is the container the application then runs in (a
        // trial's gateway had its start-up reported as a remote call)
        return Optional.empty();
      }
      if (reached.isPresent() && handsOutAClient(io, type, call)) {
        // getSession() of Spring's HibernateDaoSupport reaches Statement.executeUpdate through what it may set up, but
        // its answer is the client: the calls made on it are the queries (the recall study's ToSIMPLE, 7 findings)
        return Optional.empty();
      }
      if (reached.isPresent()) {
        LibraryIo.Reached found = reached.get();
        return Optional.of(new IoSite(found.kind(), CLIENT_ID, type, found.access(),
            call.confidence().min(Confidence.MEDIUM), call.receiverType(), call.name(), null, null, null,
            found.kind() == ClientKind.DB ? call.sql() : null, false, call.name().endsWith("Async"), call.deferred(),
            call.range(), call.snippet(), "bytecode reaches " + found.basis()).withArgumentCount(call.argumentCount()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether every overload the call may mean returns a client the catalogue names (a Hibernate Session, a JDBC one), or
   * a factory of one: an object whose methods hand out such a client (Configuration.buildSessionFactory()'s
   * SessionFactory, whose openSession() answers a Session). Making a client, or the factory clients come from, is not
   * using it: the calls on what it made are the queries, and a factory is made once, at start-up (a trial's Hibernate
   * application had its SessionFactory's construction reported as a query).
   */
  private boolean handsOutAClient(LibraryIo io, String type, CallRef call) {
    java.util.List<String> returned = io.returnTypes(type, call.name(), call.argumentCount());
    return !returned.isEmpty() && returned.stream().allMatch(answer -> isClient(answer)
        || io.instanceAnswers(answer).stream().anyMatch(this::isClient));
  }

  /** The containers an application's start-up answers: Guice's injector, Spring's and Micronaut's contexts. */
  private static final java.util.Set<String> CONTAINERS = java.util.Set.of("com.google.inject.Injector",
      "org.springframework.context.ApplicationContext", "org.springframework.context.ConfigurableApplicationContext",
      "io.micronaut.context.ApplicationContext");

  /** Whether every overload the call may mean answers an application's container: the call starts the application. */
  private static boolean startsAContainer(LibraryIo io, String type, CallRef call) {
    java.util.List<String> returned = io.returnTypes(type, call.name(), call.argumentCount());
    return !returned.isEmpty() && returned.stream().allMatch(CONTAINERS::contains);
  }

  private boolean isClient(String type) {
    return !index.catalog.clientsForType(type).isEmpty();
  }
}
