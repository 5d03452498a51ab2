package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.facts.CallRef;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.findings.Category;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.index.Transactions;
import dev.optkit.analyzers.proof.Proof;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.settings.ConnectionSettings;
import dev.optkit.analyzers.source.SourceSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@RuleInfo(
    id = "ConnectionPoolSize",
    title = "Connection pool smaller than the connections request threads hold at once",
    category = Category.DB_HINT,
    severity = Severity.MEDIUM,
    summary = "A request path holds a connection for its transaction and asks the pool for a second one (a "
        + "REQUIRES_NEW transaction of another bean), and the pool has fewer connections than HikariCP's rule asks "
        + "for the server's request threads: under load every connection is held by a thread waiting for its second, "
        + "and requests fail after the pool's connection timeout.",
    description = "HikariCP's rule for a pool that cannot deadlock: threads x (connections a thread holds at once - 1) "
        + "+ 1. A thread holds two where a method running in a transaction (its own @Transactional, its class's, a "
        + "caller's, a transaction template; not NOT_SUPPORTED, NEVER or SUPPORTS) calls, through a field of its object "
        + "(an injected bean's proxy; not this, super or an object it makes), a method whose @Transactional asks for "
        + "Propagation.REQUIRES_NEW of the same transaction manager: Spring suspends the outer transaction, keeping its "
        + "connection, and takes another when the inner one begins, whatever runs in it. The threads are the server's request threads (server.tomcat.threads.max, "
        + "server.tomcat.max-threads or server.jetty.threads.max; 200 by default) when a request handler reaches the "
        + "outer method through synchronous calls, and Spring Boot's task executor's threads when an @Async method "
        + "called through a bean reaches it (spring.task.execution.pool.core-size, 8 by default, while the queue is "
        + "unbounded; max-size where queue-capacity bounds it; not counted where the project builds its own executor); "
        + "the pool is spring.datasource.hikari.maximum-pool-size (10 by default) of a Spring Boot "
        + "module's production configuration. Nothing is said where the configuration cannot tell them: a profile "
        + "setting them, a placeholder, another pool or server (spring.datasource.type, Tomcat JDBC, DBCP2, "
        + "Undertow), virtual threads, a DataSource bean the code builds, Spring Boot 1, a key set in a Dockerfile, "
        + "compose file or script of the module or the repository, imported configuration.",
    remediation = "Run the inner work in the outer transaction (REQUIRED) or after it commits, or cap the request "
        + "threads, or size the pool to threads x (2 - 1) + 1, within the database's connection limit for all instances.")
public final class ConnectionPoolSizeRule implements Rule {
  private static final Reason NOT_WRITTEN = new Reason(Proof.POOL_SIZE,
      "migrate does not size connection pools: set the pool or change the transaction");
  /** The connections a thread holds in a transaction that starts a REQUIRES_NEW one. */
  private static final int HELD = 2;

  @Override
  public List<Finding> check(RuleContext context) {
    ProjectIndex index = context.index();
    List<Finding> findings = new ArrayList<>();
    if (index.displayRoot() == null) {
      return findings;
    }
    Transactions transactions = new Transactions(index);
    Map<Path, Optional<ConnectionSettings>> settings = new HashMap<>();
    // a pool the code builds is sized in code; Spring Boot 1 pools with tomcat-jdbc, not HikariCP
    if (definesDataSource(index) || index.libraryVersions().version("org.springframework.boot", "spring-boot")
        .filter(version -> version.startsWith("1.")).isPresent()) {
      return findings;
    }
    Boolean executorInCode = null;
    for (IndexedMethod inner : index.methods()) {
      // a REQUIRES_NEW transaction takes its connection when it begins (DataSource and JPA transaction managers),
      // whether its queries are its own or a callback's
      if (SourceSet.isTestPath(inner.path()) || !transactions.propagationOf(inner).contains("REQUIRES_NEW")) {
        continue;
      }
      for (IndexedMethod outer : index.callersOf(inner)) {
        if (SourceSet.isTestPath(outer.path()) || outer.fact().ownerType().equals(inner.fact().ownerType())) {
          continue; // a call within the class goes around the proxy: no transaction of its own
        }
        Optional<IndexedMethod> transaction = transactions.above(outer);
        // the outer transaction holds its connection only if it is one: NOT_SUPPORTED and NEVER run without,
        // SUPPORTS joins one only when a caller has it; another manager's is another pool's
        if (transaction.isEmpty() || suspends(transactions.propagationOf(transaction.get()))
            || !transactions.managerOf(transaction.get()).equals(transactions.managerOf(inner))) {
          continue;
        }
        // a request thread reaches it through synchronous calls only: an @Async method's caller hands the work to the
        // task executor, whose threads hold its connections beside the request threads
        Optional<IndexedMethod> handler = GrowingTables.entryReaching(index, outer,
            m -> index.webEntryPoints().servesRequests(m), m -> runsAsync(index, m));
        Optional<IndexedMethod> async = GrowingTables.entryReaching(index, outer, m -> runsAsync(index, m), m -> false);
        // through a bean the caller holds (a field Spring injects): a call on this, super or an object the caller
        // makes is no proxy's, and starts no transaction
        Optional<CallRef> call = outer.fact().calls().stream()
            .filter(c -> index.targetsOf(c).contains(inner) && throughInjectedField(outer, c)).findFirst();
        if (handler.isEmpty() && async.isEmpty() || call.isEmpty()) {
          continue;
        }
        IndexedMethod entry = handler.isPresent() ? handler.get() : async.get();
        Path module = dev.optkit.analyzers.settings.SwitchedOffBeans.moduleRoot(index.displayRoot(), entry.path());
        if (!springBootModule(index, entry.path())) {
          continue;
        }
        Optional<ConnectionSettings> configured = settings.computeIfAbsent(module,
            m -> ConnectionSettings.read(m, index.displayRoot()));
        if (configured.isEmpty()) {
          continue;
        }
        // a project's own executor (a bean, an AsyncConfigurer) sizes the @Async threads in code: not counted, and
        // with no request handler reaching the method nothing is said
        if (async.isPresent() && executorInCode == null) {
          executorInCode = buildsExecutor(index); // a scan of every method and type: once a run, where asked
        }
        Optional<ConnectionSettings.Setting> asyncThreads = async.isEmpty() || executorInCode ? Optional.empty()
            : ConnectionSettings.asyncThreads(module, index.displayRoot());
        if (handler.isEmpty() && asyncThreads.isEmpty()) {
          continue;
        }
        int requestThreads = handler.isPresent() ? configured.get().threads().value() : 0;
        int threads = requestThreads + asyncThreads.map(ConnectionSettings.Setting::value).orElse(0);
        int needed = threads * (HELD - 1) + 1;
        int pool = configured.get().pool().value();
        if (pool >= needed) {
          continue;
        }
        String requests = requestThreads + " request threads (" + configured.get().threads().from() + ")";
        String executor = asyncThreads.map(t -> t.value() + " @Async executor threads (" + t.from() + ", "
            + async.get().fact().displayName() + "())").orElse("");
        String held = handler.isEmpty() ? executor : asyncThreads.isEmpty() ? requests : requests + " and " + executor;
        FindingDraft draft = FindingDraft.in(info(), outer, call.get().range(), call.get().snippet())
            .message(outer.fact().displayName() + "() holds a connection for the transaction of "
                + transaction.get().fact().displayName() + "() and asks for a second one for "
                + inner.fact().displayName() + "()'s REQUIRES_NEW transaction: with " + held
                + " HikariCP's rule asks for a pool of " + threads + " x (" + HELD + " - 1) + 1 = " + needed
                + ", and it has " + pool + " (" + configured.get().pool().from() + "): under load every connection "
                + "can be held by a " + (asyncThreads.isEmpty() ? "request" : "thread") + " waiting for its second")
            .confidence(Confidence.MEDIUM)
            .detail("pool", pool)
            .detail("poolFrom", configured.get().pool().from());
        if (handler.isPresent()) {
          draft = draft.detail("threads", requestThreads)
              .detail("threadsFrom", configured.get().threads().from());
        }
        if (asyncThreads.isPresent()) {
          draft = draft.detail("asyncThreads", asyncThreads.get().value())
              .detail("asyncThreadsFrom", asyncThreads.get().from())
              .detail("async", async.get().fact().displayName());
        }
        draft = draft.detail("connectionsPerThread", HELD)
            .detail("needed", needed)
            .detail("transaction", transaction.get().fact().displayName())
            .detail("requiresNew", inner.fact().displayName());
        if (handler.isPresent()) {
          draft = draft.detail("handler", handler.get().fact().displayName());
        }
        findings.add(draft
            .refused(NOT_WRITTEN)
            .build());
      }
    }
    return findings;
  }

  /**
   * Whether the method runs on Spring's task executor: {@code @Async} on it or its class, called through a bean of
   * another class (a call on this runs on the caller's thread, the proxy bypassed).
   */
  private static boolean runsAsync(ProjectIndex index, IndexedMethod method) {
    boolean annotated = method.fact().annotations().stream().anyMatch(ConnectionPoolSizeRule::isAsync)
        || !method.fact().isStatic() && index.type(method.fact().ownerType())
            .filter(type -> type.annotations().stream().anyMatch(ConnectionPoolSizeRule::isAsync)).isPresent();
    if (!annotated) {
      return false;
    }
    for (IndexedMethod caller : index.callersOf(method)) {
      if (!caller.fact().ownerType().equals(method.fact().ownerType()) && caller.fact().calls().stream()
          .anyMatch(c -> index.targetsOf(c).contains(method) && throughInjectedField(caller, c))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsync(String annotation) {
    return annotation.equals("Async") || annotation.equals("org.springframework.scheduling.annotation.Async");
  }

  /**
   * Whether production code builds an executor (a {@code @Bean} answering an Executor, a TaskExecutor, an
   * ExecutorService) or configures {@code @Async}'s (an AsyncConfigurer): the threads are sized in code.
   */
  private static boolean buildsExecutor(ProjectIndex index) {
    return index.methods().stream().anyMatch(method -> !SourceSet.isTestPath(method.path())
        && method.fact().returnType() != null && (method.fact().returnType().endsWith("Executor")
            || method.fact().returnType().endsWith("ExecutorService"))
        && method.fact().annotations().stream().anyMatch(a -> a.equals("Bean") || a.endsWith(".Bean")))
        || index.files().stream().filter(file -> !SourceSet.isTestPath(file.path()))
            .flatMap(file -> file.types().stream())
            .anyMatch(type -> type.superTypes().stream().anyMatch(t -> t.endsWith("AsyncConfigurer")
                || t.endsWith("AsyncConfigurerSupport")));
  }

  private static boolean suspends(String propagation) {
    return propagation.contains("NOT_SUPPORTED") || propagation.contains("NEVER") || propagation.contains("SUPPORTS");
  }

  /**
   * Whether the call's receiver is a field of the caller's object (written {@code audit.record()}, its value rooted at
   * this object): an injected bean, whose calls go through its proxy. Not {@code record()} or {@code this.record()}
   * (this object, no proxy), nor {@code new Audit(jdbc).record()} (an object the caller makes, no bean).
   */
  private static boolean throughInjectedField(IndexedMethod outer, CallRef call) {
    return call.receiver() == dev.optkit.analyzers.facts.CallReceiver.OBJECT && !call.roots().isEmpty()
        && call.roots().get(0).any().equals(List.of(dev.optkit.analyzers.facts.Root.THIS));
  }

  /** Whether production code declares a {@code DataSource} bean: the pool it builds is sized in code. */
  private static boolean definesDataSource(ProjectIndex index) {
    return index.methods().stream().anyMatch(method -> !SourceSet.isTestPath(method.path())
        && method.fact().returnType() != null && method.fact().returnType().endsWith("DataSource")
        && method.fact().annotations().stream().anyMatch(a -> a.equals("Bean") || a.endsWith(".Bean")));
  }

  /** Whether the module of the path has a {@code @SpringBootApplication}: HikariCP and Tomcat are Boot's defaults. */
  private static boolean springBootModule(ProjectIndex index, String path) {
    int source = path.indexOf("src/main/java/");
    String prefix = source < 0 ? "" : path.substring(0, source);
    for (dev.optkit.analyzers.facts.FileFacts file : index.files()) {
      if (file.path().startsWith(prefix) && !SourceSet.isTestPath(file.path()) && file.types().stream()
          .anyMatch(type -> type.hasAnnotation("org.springframework.boot.autoconfigure.SpringBootApplication"))) {
        return true;
      }
    }
    return false;
  }
}
