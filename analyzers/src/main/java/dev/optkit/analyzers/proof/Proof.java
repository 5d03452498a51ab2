package dev.optkit.analyzers.proof;

import java.util.Arrays;
import java.util.Optional;

/**
 * The proofs migrate runs before it changes code, one per decision, each with the metadata its refusals are reported
 * with: a stable {@link #id()} (in migrate's JSON, assess's reports and SARIF), its {@link #stage()}, the words its
 * refusal line starts with ({@link #says()}, markdown), what it means ({@link #summary()}) and what the user can do
 * ({@link #remedy()}). docs/rules.md's refusal table is {@code optkit rules --format markdown}'s proof table.
 * Ids are kebab-case, never renamed: consumers key on them.
 */
public enum Proof {
  // scope: before the planner, for every candidate of the run
  SCAN_INSIDE_PROJECT(Stage.SCOPE, "scope.folder-inside-project",
      "`..., a folder inside the project at ..., whose ... and other files outside it (schema scripts, tests, other code) may write the same data unseen; run migrate on the project`",
      "Run on a folder inside a project that holds files the analysis reads outside that folder.",
      "Run migrate on the project."),
  LINKED_MODULE(Stage.SCOPE, "scope.linked-module",
      "`..., and optkit sees only the code it scans: ... run migrate on the reactor's root`",
      "Run on one module of a Maven reactor that links other modules: their writes are out of sight.",
      "Run migrate on the reactor's root."),
  UNREAD_SOURCE(Stage.SCOPE, "scope.unread-source",
      "`no cache is proven while F is not analysed (...)`",
      "A source of the project does not parse, or optkit's analysis of it failed or ran out of time: a writer in it "
          + "would be unseen, so nothing is cached.",
      "Fix the file, or raise `analysis.maxFileSeconds`; report an analysis failure as a bug."),
  MODULE_INFO(Stage.SCOPE, "scope.module-info",
      "`its module declares src/main/java/module-info.java, which optkit does not edit: ...`",
      "The module is a Java module: the cache's library would need a `requires` in module-info.java, which optkit "
          + "does not edit, so the migrated code would not compile.",
      "Add the `requires` (Caffeine; with the redis backend also Jedis, Jackson and java.logging) yourself and "
          + "migrate by hand, or leave it."),

  // source: the file and method as they are now
  METHOD_NOT_FOUND(Stage.SOURCE, "source.method-not-found",
      "`the method could not be found again in ...`",
      "The finding's method is no longer where the assessment saw it: the file changed since.",
      "Run migrate again (it assesses anew)."),
  FILE_DOES_NOT_PARSE(Stage.SOURCE, "source.file-does-not-parse",
      "`the file does not parse as it is now`",
      "The file changed under migrate, or does not parse.",
      "Fix the file and run again."),
  METHOD_MOVED(Stage.SOURCE, "source.method-moved",
      "`the method moved since the assessment`",
      "The file changed under migrate: the method is not at the line the assessment saw.",
      "Run migrate again."),
  PACKAGE_LAYOUT(Stage.SOURCE, "source.package-layout",
      "`its file ... declares the package ... but is not in a folder of that name inside the project, so optkit cannot "
          + "tell where the classes it would add to that package go`",
      "The cached class's file is not in the folders its package names (Java files at the project's root declaring "
          + "`com.example.model`): the switch and configuration classes optkit adds would have no folder inside the "
          + "project, so nothing is cached in that module.",
      "Move the sources into folders named for their packages (`src/main/java/com/example/model`)."),
  REWRITE_DOES_NOT_PARSE(Stage.SOURCE, "source.rewrite-does-not-parse",
      "`the rewritten file would not parse, so it was left as it is (please report this)` / `the rewritten file would "
          + "not parse` / `the caching changes to its file moved the loop, or the file would not parse with both`",
      "optkit's edit would have broken the file, so the file was left as it is: a fault of optkit's.",
      "Report it, with the method."),

  // configuration: the Spring context and the proxy the cache would live in
  SELF_INVOCATION(Stage.CONFIGURATION, "config.self-invocation",
      "`only called through 'this' from ...: @Cacheable would never apply, because self-invocation bypasses Spring's "
          + "proxy (Sonar S6809)`",
      "Spring's proxy never sees a call through `this`, so `@Cacheable` would never apply.",
      "Call it through the injected bean."),
  SPRING_TOO_OLD(Stage.CONFIGURATION, "config.spring-too-old",
      "`the module builds on Spring ...: Spring's CaffeineCache, which every cache optkit writes is, came with Spring "
          + "...` / `the project resolves Spring Data Redis ...`",
      "The module's Spring (or Spring Data Redis, for the redis backends) is older than the configuration optkit "
          + "generates compiles against.",
      "Upgrade Spring, or keep the local backend."),
  PROXY_CLASH(Stage.CONFIGURATION, "config.proxy-clash",
      "`... implements interfaces and is injected by its class (...): ...` / `... implements interfaces and is cast to "
          + "its class or tested for it (...): ...`",
      "The bean is used by its class (injected or cast to it), and the proxy `@Cacheable` makes of it would be a JDK "
          + "proxy of its interfaces, which is no instance of that class: the application would not start.",
      "Inject it by its interface, or have Spring proxy classes (`proxyTargetClass`)."),
  SEVERAL_BEANS(Stage.CONFIGURATION, "config.several-beans",
      "`... is also defined as a bean by ...: every bean of the class would share one Spring cache keyed only by the "
          + "parameters, so one bean's answer would be served by the others`",
      "`@Bean` methods or XML `<bean class=...>` make several beans of the class (two data sources, two regions).",
      "Leave it, or give each bean its own class."),
  OUTSIDE_COMPONENT_SCAN(Stage.CONFIGURATION, "config.outside-component-scan",
      "`its package ... is scanned by ... in another Maven module, ...`",
      "The class's bean is found by a component scan in another Maven module; optkit configures caches one module at "
          + "a time, beside that application's own caching.",
      "Migrate the module that holds the application class, or cache by hand."),
  PRIVATE_LISTENER(Stage.CONFIGURATION, "config.private-listener",
      "`its class has the private ..., which Spring cannot invoke once @Cacheable makes the bean a proxy: the "
          + "application would not start`",
      "A private listener method (`@EventListener`, `@Scheduled`...) on a proxied bean cannot be invoked.",
      "Make the listener public, or move it to a class of its own."),
  FIELD_READ_ELSEWHERE(Stage.CONFIGURATION, "config.field-read-elsewhere",
      "`... reads its field ... directly, which the proxy @Cacheable makes of the bean does not hold: the reader would "
          + "get null`",
      "Other code reads a field of the bean directly; the proxy Spring hands out holds no such field.",
      "Read it through a getter of the bean."),
  REPOSITORY_WITHOUT_SPRING(Stage.CONFIGURATION, "config.repository-without-spring",
      "`a query method of a Spring Data repository interface in a module without Spring's context on its class path: "
          + "...`",
      "The repository proxy would honour `@Cacheable`, but nothing in the module could configure the cache.",
      "Cache the service that calls it, in the module that runs Spring."),
  TEST_SLICE_CACHING(Stage.CONFIGURATION, "config.test-slice-caching",
      "`a query method of a Spring Data repository interface, and caching is switched on by the application class "
          + "(or test code): ...; move @EnableCaching to a configuration class of its own first`",
      "Spring Boot's test slices load the repository with caching on but without optkit's configuration, so the "
          + "cache manager `@Cacheable` names would be missing there.",
      "Move `@EnableCaching` to a configuration class of its own first."),

  // signature: the method's declaration
  JAVA_RELEASE(Stage.SIGNATURE, "cache.java-release",
      "`the module compiles for Java ...; optkit generates code for Java 8 and later only`",
      "The module's Java level is below 8.",
      "Raise the level."),
  REQUEST_HANDLER(Stage.SIGNATURE, "cache.request-handler",
      "`a request handler; cache the service it calls instead`",
      "A mapping or listener method, a controller method, or one implementing an API interface's mapping belongs to "
          + "one request.",
      "Cache the service method it calls."),
  WEB_RESULT(Stage.SIGNATURE, "cache.web-response",
      "`returns a web response type (...)`",
      "It returns `ResponseEntity`/`ModelAndView`/...: an answer made for one request.",
      "Cache the service method it calls."),
  SECRET_PARAMETER(Stage.SIGNATURE, "cache.secret-parameter",
      "`... looks like a secret: a cache key would keep it in memory`",
      "A parameter named like `password`, `token`, `apiKey`, `secret`, `sessionId`... that is not a number or a "
          + "boolean.",
      "Leave it uncached."),
  REPOSITORY_DEFAULT_METHOD(Stage.SIGNATURE, "cache.repository-default-method",
      "`a default method of the repository interface ...: ... cache the service that calls it instead`",
      "optkit caches a repository's query methods, which the library implements, not the project's code in its "
          + "default methods.",
      "Cache the service that calls it."),
  NOT_IN_A_CLASS(Stage.SIGNATURE, "cache.not-in-a-class",
      "`declared in a ...: caches need a class to hold them`",
      "Declared in an interface, enum or record, where no cache field fits.",
      "Cache the implementing class's method."),
  KEY_IN_INNER_CLASS(Stage.SIGNATURE, "cache.key-in-inner-class",
      "`its key needs a nested class, which an inner (non-static) class cannot declare before Java 16`",
      "A key of several parameters is a nested record, which an inner class cannot declare below Java 16.",
      "Make the class static, or raise the Java level."),
  SUBCLASSED(Stage.SIGNATURE, "cache.subclassed",
      "`its class has subclasses in the project: ...` / `..., and each overrides it (...): their beans run it only "
          + "through super.m(), which no caching proxy sees` / `..., and only their own methods call it (...), "
          + "through 'this' or 'super', which no caching proxy sees`",
      "Subclasses would share one cache keyed only by the parameters; or every subclass overrides the method, so no "
          + "proxy ever runs it as a cached call; or it is reached only from its own class family, past the proxy.",
      "Cache in the subclass, or make the class final; where the subclasses bypass it, cache what it calls (a service "
          + "or repository method)."),
  GENERIC(Stage.SIGNATURE, "cache.generic-method",
      "`generic method: its type parameters cannot be part of a cache's type`",
      "A generic method's answer type is not one type.",
      "Leave it uncached."),
  REACTIVE(Stage.SIGNATURE, "cache.reactive-result",
      "`returns a reactive publisher (...), a pipeline that runs again for every subscriber: ...`",
      "A `Mono`, `Flux` or other publisher is a recipe run on each subscription: caching the object caches no answer.",
      "Cache the blocking read below it, or use the reactive library's own caching (`cache()`)."),
  NO_RESULT(Stage.SIGNATURE, "cache.no-result",
      "`returns nothing: there is no result to cache`",
      "The method returns nothing, so a cache has no answer to keep.",
      "Cache the method that returns what it reads."),
  BEAN_FACTORY(Stage.SIGNATURE, "cache.bean-factory",
      "`a @Bean factory method: Spring calls it once, at start-up, ...`",
      "A `@Bean` method runs once, at start-up; the bean it makes does the reading later.",
      "Cache what that bean calls."),
  DECLARED_CLIENT(Stage.SIGNATURE, "cache.declared-client",
      "`a method of a ... interface, which ... implements: optkit caches the project methods that call it, not the "
          + "interface; ...`",
      "A client interface its library implements (Feign, `@HttpExchange`, Retrofit...): the proxy is the library's, so "
          + "optkit caches the project methods that call it.",
      "See the lines of the callers it names."),
  ONE_SHOT_RESULT(Stage.SIGNATURE, "cache.one-shot-result",
      "`returns a ..., which can be consumed only once`",
      "A stream, iterator or input is used up by its first reader: the next caller would get it empty.",
      "Return a collection and cache that, or leave it uncached."),
  STATEFUL_RESULT(Stage.SIGNATURE, "cache.stateful-result",
      "`returns a ..., whose every use may change it (...): one shared object would carry each caller's use into the "
          + "next answer`",
      "A buffer, counter or other holder changes with each use: a cache hands every caller the same one.",
      "Return an immutable value, or leave it uncached."),
  UNKEYABLE_PARAMETER(Stage.SIGNATURE, "cache.unkeyable-parameter",
      "`parameter '...' is ...: not a safe cache key`",
      "A parameter has no value equality or may change after the call (an array, a mutable collection, an entity, a "
          + "class without equals and hashCode over its fields): a key over it would miss or answer another call.",
      "Pass a value (a record, a String, an id), or leave it uncached."),

  // data: what it reads and who uses its result
  OWN_WRITE(Stage.DATA, "cache.writes",
      "`it writes: it ..., and a cache hit would skip that write` / `writes (...): replaying it from a cache would skip "
          + "the write` / `writes are not cached`",
      "The method (or project code it calls) writes: a cache hit would skip the write.",
      "Split the read from the write; cache the read."),
  PER_USER(Stage.DATA, "cache.per-user",
      "`secured: @... on ...; a cache would answer callers the check would refuse` / `reads the caller's identity or "
          + "request (...)` / `reads X, a ThreadLocal, state bound to the calling thread` / `... of a @Scope(\"tenant\") "
          + "bean` / `reads the database, whose rows depend on the calling thread's tenant (...)`",
      "Its answer is the caller's: a security check on it (`@PreAuthorize`, `@Secured`, `@RolesAllowed`... on it, its "
          + "class or what it overrides), or it (or project code it calls) reads the security context, the request, "
          + "the session, what a filter bound to the thread (a tenant, a user, a locale), or a database whose rows "
          + "the thread's tenant routes.",
      "Pass the user or tenant in as a parameter (it is then part of the key); cache the unsecured service below a "
          + "secured one, keyed by what the check allows; or leave it."),
  LOGIN(Stage.DATA, "cache.login",
      "`authentication code: ...` / `returns credentials (...)`",
      "A login path: a cache would keep what a login checks (password hashes) in memory and hand one object to "
          + "every login; Spring Security erases the credentials of a `CredentialsContainer` (its own `User`) a login "
          + "used, so a cached one of those fails the next login.",
      "Leave it uncached."),
  SECRET_IN_ANSWER(Stage.DATA, "cache.secret-in-answer",
      "`its answer has the field ..., named for a secret, which optkit cannot show is left empty: ...`",
      "A text field of the type it returns (or of a type argument: `List<CardDto>`) is named like a secret: "
          + "`password`, `passwordHash`, `cvv`, `apiKey`, `accessToken`, `pin`; unless the method builds that object "
          + "with its builder and never sets the field.",
      "Return a type without the secret (a DTO), and cache that method."),
  CACHED_BELOW(Stage.DATA, "cache.library-cache-below",
      "`MyBatis's second-level cache (<cache/> in ...)` / `MyBatis's second-level cache (@CacheNamespace on ...)`",
      "A library caches the query already; a second cache would save nothing.",
      "Nothing."),
  PROJECT_CACHE_BELOW(Stage.DATA, "cache.project-cache-below",
      "`it calls ...(), which the project already caches: one cache level per data, ...`",
      "A method it calls has the project's own cache: the writers of that cache's data would not evict this one.",
      "Nothing: the data is cached one level down."),
  CACHED_CALLER(Stage.DATA, "cache.cached-caller",
      "`called by ..., which is already cached: one cache level per data`",
      "An outer method already caches the same data; two levels could disagree and their TTLs would add up.",
      "Nothing: the outer method is already cached."),
  RESULT_CHANGED(Stage.DATA, "cache.result-changed",
      "`... changes the result it gets (...): a cached result is one object shared by every caller, so the change "
          + "would leak into later answers` (also `keeps the result it gets in field`, `hands the result it gets to`, "
          + "`calls a method on the result it gets`); with `(through a call on 'this', so only because of "
          + "open-session-in-view on ...)` when that holds only in view",
      "A caller changes the answer; a cache shares one object between callers. When the reason ends with "
          + "open-session-in-view, it holds only while one persistence context spans the request.",
      "Copy before changing, or return an immutable value; for the open-in-view case, set "
          + "`spring.jpa.open-in-view=false` if the application allows it (where the project registers an open-in-view "
          + "filter itself, removing it is what lifts it; outside Spring Boot the reason says \"possibly on\")."),
  SHARED_BY_COPY(Stage.DATA, "cache.result-shared-by-copy",
      "`... copies its property ... with copyProperties() into another object, which then holds that very object (the "
          + "copy is shallow)` (also `copies what it gets with copyProperties() into an object optkit cannot name`)",
      "A bean copy shares the cached result's mutable parts with the target, which callers may change.",
      "Copy the collection yourself, or map to immutable values."),
  HANDED_ON(Stage.DATA, "cache.result-handed-on",
      "`...() hands a reference to it (...) to ..., and optkit does not follow what is done with the results ...`",
      "A caller hands a method reference to it to code that may keep or change what it returns.",
      "Call it directly, or return an immutable value."),
  UNCALLED_QUERY(Stage.DATA, "cache.uncalled-query",
      "`no production code in the project calls it, so what its callers do with the ... it returns cannot be read`",
      "A repository query nothing in the project calls: callers outside it may change the one shared result.",
      "Nothing to cache until the project calls it."),
  GUARDS_WRITES(Stage.DATA, "cache.guards-writes",
      "`a check (...) that only writers and validations read (...): each decides on it whether or what to write, or "
          + "whether to refuse, ...`",
      "A count, an amount or a yes/no answer every production caller of which writes, or throws on it (a validation), "
          + "or is itself such a check (a borrow limit, copies available, a balance, a duplicate check before an insert),"
          + " or any answer its callers only test for presence before they write or throw:"
          + " the read guards the write or the refusal, and a cached answer would let a write rest "
          + "on what another instance, a concurrent request or a write outside the application changed since.",
      "Leave it: the check belongs with the write (in its transaction, or as a constraint)."),
  UNCALLED_BESIDE_HANDLERS(Stage.DATA, "cache.uncalled-beside-handlers",
      "`no production code in the project calls it and it is no entry point, though the application has request "
          + "handlers: ...`",
      "A Spring bean's read nothing in production calls, in an application with request handlers: dead code, or "
          + "code outside what optkit reads. A cache there would save no call optkit can see.",
      "Nothing until the project calls it; the reads its callers use are what to cache."),
  KEY_MISSES_STATE(Stage.DATA, "cache.key-misses-state",
      "`depends on the clock, a random source or a setting its key does not cover (...)` / `depends on mutable state "
          + "its key does not cover: ...` / `changes state shared between calls: ...` / `depends on ... (...)` / "
          + "`depends on mutable state of its object (...)` / `its query reads ..., which changes from one execution to "
          + "the next: ...`",
      "It (or code it calls) reads the clock, a random source, the default locale or time zone, a system property, "
          + "or state that changes (a field, a static, a map, an atomic) that a key over its parameters would miss; "
          + "or it changes shared state, which a hit would skip.",
      "Pass the value in as a parameter; make the field final and unchanging; move the change out of the read; or "
          + "leave it uncached."),
  ENTITY_RESULT(Stage.DATA, "cache.entity-result",
      "`returns the persistent entity ...` ... `LazyInitializationException` / `hand it back to save() or merge()` / "
          + "`... copies its lazy association ... (copyProperties() reads every property the target can set)`; with "
          + "`(through a call on 'this', so only because of open-session-in-view on ...)` when that holds only in view",
      "A caller reads lazy associations of the entity, or hands it back to JPA, or copies a property named for a lazy "
          + "association: a cached, detached entity breaks each. The open-in-view ending reads as for "
          + "`cache.result-changed`.",
      "Return a DTO, or fetch what the callers read (`JOIN FETCH`, `@EntityGraph`), or drop the property from the "
          + "copy's target."),
  SAME_REQUEST(Stage.DATA, "cache.same-request-entities",
      "`it reads JPA entities, and a request calling it through Spring's proxy also runs ...(), which ...`",
      "With open-session-in-view on, another read or write of the same request shares its persistence context: a "
          + "cached entity would not be the instance that request loads or saves.",
      "Set `spring.jpa.open-in-view=false` if the application allows it, or return a DTO."),
  TRANSACTION_SNAPSHOT(Stage.DATA, "cache.transaction-snapshot",
      "`it reads the database inside the transaction of ...` / `snapshot that transaction took at its first read: a "
          + "value it loads after a writer's eviction may predate that write`",
      "A read inside a caller's `REPEATABLE_READ`/`SERIALIZABLE` transaction (or any on MySQL/MariaDB) answers from an "
          + "old snapshot, which a cache would keep.",
      "Cache a method called outside the transaction."),
  ENTITY_SNAPSHOT(Stage.DATA, "cache.entity-snapshot",
      "`it reads JPA entities inside the transaction of ...(), which may load entities before it ...`",
      "Hibernate answers with the instances the surrounding transaction loaded earlier, which may predate a write's "
          + "eviction: a cache would keep that older state.",
      "Cache a method called outside the transaction."),
  EXPORTED_REPOSITORY(Stage.DATA, "cache.exported-repository",
      "`Spring Data REST exports ... over HTTP: its POST, PUT, PATCH and DELETE endpoints save and delete what this "
          + "method reads, ...`",
      "The library's own controllers write the data, where no eviction can follow them.",
      "Turn off the export's writes (`exported = false`), or leave it uncached."),
  SCHEDULED_POLL(Stage.DATA, "cache.scheduled-poll",
      "`called by ...(), which runs on a schedule: a job that runs again and again calls the other system to see what "
          + "changed there since its last run, ...`",
      "A scheduled job polls through it; a cache would answer later runs with what an earlier run saw.",
      "Leave it uncached, or cache a caller that is not the job."),
  COPIED_KEY(Stage.DATA, "cache.mutable-key",
      "`parameter '...' is a ..., which its caller may change after the call: ...`",
      "A key parameter is a collection its caller may change; a plain Java cache's key would hold the caller's own "
          + "collection.",
      "Take an immutable value (a record of values, a `String`, an id)."),
  CLIENT_SIZED_KEY(Stage.DATA, "cache.client-sized-key",
      "`its key holds a size the caller chooses (...)` ... `a weigher cannot count those elements`",
      "The cache is bounded by weight (the caller picks how many elements), and the answer is a project class whose "
          + "elements the weigher cannot count.",
      "Return the list or page itself to have it cached by weight."),

  // writers: who writes the data and whether each can evict
  CACHE_STORE_READ(Stage.DATA, "cache.reads-cache-store",
      "`reads a cache store already (...): a second cache in front of it adds staleness and memory, ...`",
      "Every read it makes is of a cache store (Redis, Memcached...): a second cache in front saves no round trip "
          + "worth its staleness.",
      "Leave it."),
  FAILURE_ANSWER(Stage.DATA, "cache.failure-answer",
      "`it answers ... when something it calls fails (... caught in ...(), line ...): a cache would keep that answer "
          + "after the failure passed, until its TTL`",
      "A catch block returns (or yields) a stand-in (an empty list, a default) when a call fails, or logs and lets the "
          + "method return what follows its try (outside a loop that tries again), in the method, in a lambda or inner "
          + "class inside it, or in a project method it calls (a value made from a failure's `null` is a stand-in too; "
          + "`handle`, `exceptionally`, `completeOnTimeout`, `onErrorReturn` recover with one): the cache would serve the outage's answer "
          + "after the outage. A failure answering `null` (or an empty `Optional`) that the method returns as it is "
          + "is no refusal: the cache never keeps a null answer (`unless = \"#result == null\"`). A "
          + "catch of what is itself an answer (`EmptyResultDataAccessException`, `NoSuchElementException`, a 404's "
          + "`NotFound`, a value that does not parse) is cached like any answer.",
      "Let the failure propagate from the cached method (handle it in its caller), or answer `null` when it fails."),
  UNKNOWN_ACCESS(Stage.DATA, "cache.unknown-access",
      "`its I/O may read or write (...): optkit caches only what it can show is a read`",
      "No reader could tell whether its query or call reads or writes (SQL built at run time, a library's bytecode "
          + "reaching `Statement.execute`).",
      "Write the SQL as a literal or constant, or declare the client in `.optkit.yml`'s `clients:` with its access "
          + "([configuration.md](configuration.md))."),
  ALREADY_CACHED(Stage.DATA, "cache.already-cached",
      "`already cached`",
      "The method, or the call it makes, goes through a cache already (an annotation or a cache the code fills).",
      "Nothing to do; tune that cache's size and expiry if needed."),
  UNKNOWN_DATA(Stage.WRITERS, "cache.unknown-data",
      "`it reads tables optkit cannot tell (...)` / `it reads remote data optkit cannot name (...)`",
      "What the read depends on is unknown (SQL built at run time, an entity spread over tables), so every write "
          + "counts as a writer, and one cannot evict.",
      "Write the SQL as a literal or constant, or accept it stale (`--accept-stale Class.method`)."),
  WRITER_CANNOT_EVICT(Stage.WRITERS, "cache.writer-cannot-evict",
      "`a writer of its data cannot evict it: ... --accept-stale Class.method caches it anyway with its TTL (... s) as "
          + "the only bound`",
      "Some code that writes the same tables or remote resource cannot evict this cache; the part after `:` names each "
          + "writer and why: `it is in another class, and a plain Java cache can only be invalidated by its own "
          + "class`, `it is test code, which optkit does not edit: a test reading its own write back through the cache "
          + "would fail`, `it is in another Maven module (...)`, `it is not a Spring bean, so no proxy can evict around "
          + "it`, `it is not a public instance method: optkit evicts only around public ones, which Spring's proxies "
          + "intercept on every version and proxy type`, `its class is final, so Spring cannot proxy it to evict`, `it "
          + "is generated code, which optkit does not edit`, `the write runs later, in another task, after any eviction "
          + "on ...()`, `... would evict only the cache of the object it runs on, and no production code optkit can "
          + "see creates ...` (a plain Java cache lives in each object; a read with writers is cached only in a class "
          + "the production code creates once).",
      "Move the write into the cache's class or a public bean method, create the object once (in `main`, a static "
          + "field, a container singleton), or accept a stale window of one TTL with `--accept-stale Class.method` "
          + "(the generated code says so in a comment)."),
  STALE_WRITE_BACK(Stage.WRITERS, "cache.stale-write-back",
      "`--accept-stale cannot cover ...(): it reads ...() and writes that data without evicting it; where what is "
          + "written rests on what was read, a stale answer would be written back ...` / `...() runs both ...() and it, "
          + "which writes ...`",
      "A read accepted stale whose unevicting writer, or a method any number of calls above it, also runs the read: a "
          + "stock decremented from a cached count, a balance updated from a cached balance. `--accept-stale` accepts "
          + "stale answers for a TTL; a write computed from one is wrong for good. Whether the written value rests on "
          + "the read is not followed.",
      "Move the read-modify-write into one statement (`UPDATE ... SET amount = amount - ?` with a guard), read "
          + "uncached inside the writer, or leave the read uncached."),
  WRITER_EXCLUDED(Stage.WRITERS, "cache.writer-excluded",
      "`a writer of its data is in ..., which .optkit.yml's include/exclude leave out of what migrate changes, so its "
          + "eviction cannot be added`",
      "The eviction would go into a file `.optkit.yml` keeps migrate out of.",
      "Include the writer's file, or leave it uncached."),

  // levels: the caches of one migration
  OUTER_LEVEL_CACHED(Stage.LEVELS, "cache.outer-level-cached",
      "`called by ..., which is cached in this migration: one cache level per data (the outer one)`",
      "An outer method caches the same data in this migration; two levels could disagree and their TTLs would add "
          + "up.",
      "Nothing: the outer method is cached."),

  // backend: the cache configuration and backend
  CONFIG_MARKER_LOST(Stage.BACKEND, "backend.config-marker-lost",
      "`OptkitCacheConfig lost its '...' line, so new caches cannot be registered in it`",
      "An earlier migration's configuration class was edited, and migrate no longer finds where to add caches.",
      "Restore the marker line, or undo the earlier migration."),
  CONFIG_READS_ANY_CLASS(Stage.BACKEND, "backend.config-reads-any-class",
      "`... was written by an optkit before 2026-11-29, whose values read back from Redis may name any class, ...`",
      "An earlier migration's Redis configuration loads any class a value read back from Redis names (CWE-502): no "
          + "new cache goes through it.",
      "Undo that migration and migrate again, so the configuration is written anew."),
  EARLIER_BACKEND(Stage.BACKEND, "backend.earlier-backend",
      "`OptkitCacheConfig keeps an earlier migration's caches in Redis` / `... in Caffeine` / `... with the ... backend`",
      "The backend asked for is not the one of the existing configuration: one manager holds every cache.",
      "Migrate with the same backend, or undo the earlier migration."),
  NO_CONNECTION_FACTORY(Stage.BACKEND, "backend.no-connection-factory",
      "`the redis backend needs a RedisConnectionFactory: ...`",
      "No Spring Boot and no Spring Data Redis in the module's pom: nothing would make the connection.",
      "Add Spring Data Redis and a connection factory bean, or use Spring Boot."),
  REDIS_ROUND_TRIP(Stage.BACKEND, "backend.redis-round-trip",
      "`with the redis backend its result must come back from JSON as the same value of the same class, and ...` / "
          + "`with the redis backend its key is written as text, and parameter '...' is a ...`",
      "(`redis` and `two-level` alike.) The method's result cannot round-trip through Redis as JSON with its class (a "
          + "function, an open stream or iterator, an interface with no implementation, no creator Jackson can use, a "
          + "field Jackson cannot see, a JPA entity, `Page`, `Object`: "
          + "[cache-backends.md](cache-backends.md#what-the-redis-backend-refuses)), or a key parameter's `toString` "
          + "need not tell two keys apart.",
      "Return a record or DTO and key by strings, numbers, enums or UUIDs, or keep the local backend for it."),
  LOCAL_WITH_WRITERS(Stage.BACKEND, "backend.local-with-writers",
      "`its cache must stay local in each JVM (...), where its writers would evict only the cache of the object they "
          + "run on`",
      "With the redis backend, a plain Java cache that cannot go to Redis stays in each object; its writers would "
          + "evict only their own object's.",
      "Make the method static or its class created once, or keep the local backend."),

  // loops
  LOOP_KIND(Stage.LOOP, "loop.unsupported-kind",
      "`optkit rewrites loops over a collection (...); this is a ...`",
      "Only `for (T x : collection)` loops are rewritten, and the counted loops, `xs.forEach(x -> {...})` and stream "
          + "pipelines that are the same loop (not `while`, `do`).",
      "Rewrite it as an enhanced for loop."),
  NOT_FOR_EACH(Stage.LOOP, "loop.not-for-each",
      "`optkit reads a stream pipeline as a loop only in the forms ...`, `its method reference ... is not on this or a "
          + "final field`, `optkit reads a counted loop as a loop over a collection only in the form ...`, `it uses its "
          + "index i for more than taking the element`",
      "A pipeline is rewritten only as `xs.stream().map(...)` collected to a list or set, or `xs.stream().forEach(...)`; "
          + "a counted loop only when it is a for-each in all but syntax (docs/migrate-loops.md).",
      "Write it as `for (T x : xs)` if it is one."),
  LOOP_CLOCK(Stage.LOOP, "loop.clock",
      "`its method reads the clock or a random source (...): rewritten, its elements come faster one after another, "
          + "...`",
      "Times that differed by a round trip could come out equal once the calls run ahead (a name or key made of them "
          + "would repeat).",
      "Rewrite it by hand if they need not differ."),
  LOOP_POOL(Stage.LOOP, "loop.pool",
      "`it is in an interface, whose fields are public: ...` / `it is in an inner (non-static) class, ...` / `its class "
          + "already has a field named LOOP_CALL_POOL, ...` / `its class's pool, from an earlier migration, runs "
          + "virtual threads, ...`",
      "The class cannot hold the static pool the calls would run on, or holds one optkit did not make for them.",
      "Move the loop into a top-level class, or rename the field."),
  LOOP_HOLDS_LOCK(Stage.LOOP, "loop.holds-lock",
      "`it runs while holding a lock (synchronized)`",
      "A pool thread needing the same lock would wait for the loop, which waits for it.",
      "Move the loop out of the `synchronized` block."),
  LOOP_INTERCEPTOR_STATE(Stage.LOOP, "loop.interceptor-thread-state",
      "`the project's HTTP interceptor code ...() reads the caller's context (...): ...`",
      "An interceptor of the project's HTTP clients reads the caller's context (the request, the security context, "
          + "state bound to the thread), which a pool thread does not have.",
      "Leave it sequential, or pass the state to the interceptor explicitly."),
  LOOP_SHAPE(Stage.LOOP, "loop.shape",
      "`its call's answer is not kept in a local variable of its own ...`, `it is a labelled loop`, `it runs inside a "
          + "lambda ...`, `its element is declared with 'var' ...`, `its statements share lines ...`, `its findById is "
          + "inside a try block ...`",
      "Where the loop or its call stands, the rewrite could not keep what the code does: the call is not a statement "
          + "of its own that keeps its answer, or the loop is labelled, in a lambda, a switch case, or shares lines.",
      "Write `T answer = client.call(...);` as a statement of its own in a braced loop on lines of its own, or move "
          + "the loop into a method of its own."),
  LOOP_EXCEPTIONS(Stage.LOOP, "loop.exceptions",
      "`...() declares 'throws ...', which may be any ...`",
      "The method declares a checked exception so broad that the rewrite could not throw a call's failure again as "
          + "the loop threw it.",
      "Declare the exceptions the calls throw."),
  LOOP_COLLECTION(Stage.LOOP, "loop.collection",
      "`it iterates ..., an expression: ...`, `it iterates ..., an Iterable<...>: ...`, `... holds elements of a type "
          + "...`, `the loop changes ... through ...`",
      "A batch walks the collection twice, and calls started ahead read its elements before the body runs: optkit "
          + "proves which collection is walked, and that nothing changes it meanwhile, only for a named list or set.",
      "Put the collection in a local first, and do not change it in the loop."),
  LOOP_OTHER_IO(Stage.LOOP, "loop.other-io",
      "`its body makes ... calls that query or wait on I/O (...)`, `its query runs inside the project's own code "
          + "(...)`, `optkit cannot find its query in the loop's body`",
      "The body waits on more than the one call the rewrite would start ahead or batch, or that call is inside "
          + "project code the loop calls.",
      "Split the loop, or batch the query by hand (`findAllById`, `IN (...)`)."),
  LOOP_EARLY_EXIT(Stage.LOOP, "loop.early-exit",
      "`it may leave the loop early ('...')`",
      "A `break`, `return` or `throw` after a call would leave the calls started ahead of it for nothing (and sent, "
          + "for a write).",
      "Leave it sequential."),
  LOOP_AHEAD_STATE(Stage.LOOP, "loop.ahead-state",
      "`the code that starts each call reads field ..., which its class changes ...`, `the statement '...' comes "
          + "before the call: it would run ahead ...`, `its call runs on a pool thread, and ... runs in a transaction, "
          + "which is bound to the caller's thread`, `... which optkit does not know to be safe from several threads "
          + "at once`, `(--accept-reorder Class.method lets them run ahead ...)`",
      "What the rewrite would move (ahead of earlier elements' statements, onto a pool thread, or after the loop as "
          + "a batch) reads or changes state whose order matters, uses state bound to the caller's thread (a transaction, the request), a "
          + "client not known to be thread-safe, or writes that would change order.",
      "Leave it sequential, or `--accept-reorder Class.method` where only the order of remote writes stands in the "
          + "way and it does not matter."),
  LOOP_BATCH_FORM(Stage.LOOP, "loop.batch-form",
      "`its query is ...() of ...`, `findById is given ...`, `its ids are ... for a repository of ...`, `optkit cannot "
          + "read its SQL's text ...`, `it is batched already ...`, `its statement is ...() of ...`, `migrate does not batch "
          + "other statements per element ...`",
      "The per-element query or update is not of a form optkit batches: a Spring Data `findById` on a repository "
          + "field, a `JdbcTemplate` query by one key whose SQL it reads, or a `JdbcTemplate` update.",
      "Batch it by hand (`findAllById`, `IN (...)`, `batchUpdate`)."),
  LOOP_BATCH_ENTITY(Stage.LOOP, "loop.batch-entity",
      "`... is a JPA entity and the loop runs in ...`, `... has @...: Hibernate applies filters ...`, `optkit cannot "
          + "find the getter of ...'s @Id ...`, the entity's load callbacks",
      "Loading the rows in one query would not give the same entities: the persistence context, filters, entity "
          + "graphs or load callbacks treat a load by id and a query differently.",
      "Batch it by hand where those do not matter."),
  LOOP_BATCH_TRANSACTION(Stage.LOOP, "loop.batch-transaction",
      "`it runs outside a transaction of its own (no @Transactional on ...)`",
      "Batched updates run after the loop: without a transaction, a failure midway would leave another set of rows "
          + "written than the loop left.",
      "Make the method `@Transactional`, or leave it."),
  LOOP_DEPENDENT(Stage.LOOP, "loop.dependent-iterations",
      "`migrate does not batch queries whose iterations depend on each other ...`",
      "An iteration's query takes its key from an earlier iteration's answer or state: the keys are not known ahead.",
      "Restructure the loop by hand, if the dependency allows it."),
  ORM_FETCH_PLAN(Stage.LOOP, "loop.orm-fetch-plan",
      "`ORM fetch plans are not rewritten by migrate`",
      "The N+1 is the ORM's (a lazy association touched per element, an eager one loaded per row): it is fixed in the "
          + "mapping or the query, which migrate does not edit.",
      "Fetch it with the query (`JOIN FETCH`, `@EntityGraph`) or in batches (`@BatchSize`)."),
  PARTIAL_REWRITE(Stage.LOOP, "loop.partial-rewrite",
      "`its rewrite, ..., does not replace the whole loop`",
      "The rewrite of a pipeline or counted loop would not map back onto the whole of the code it was read from.",
      "Write it as `for (T x : xs)`."),
  NESTED(Stage.LOOP, "loop.nested",
      "`a loop around it or inside it is rewritten in this migration: one at a time`",
      "Nested loops are rewritten one per migration.",
      "Run migrate again after applying."),
  RETHROW(Stage.LOOP, "loop.rethrow",
      "`it is in an annotation type, which cannot declare the method that throws a call's failure again as it was` / "
          + "`it is in an interface, whose static methods are public before Java 9: ...`",
      "The rewrite needs a helper method that throws a call's failure again as it was, and the type cannot declare it.",
      "Move the loop into a class."),
  ONE_PER_METHOD(Stage.LOOP, "loop.one-per-method",
      "`another loop of ...() is rewritten in this migration: optkit rewrites one loop per method ...`",
      "Each rewrite names its locals from the method as it was: two would declare the same ones.",
      "Run migrate again after applying."),
  INDEX_HINT(Stage.SCHEMA, "db.index-hint",
      "`migrate writes it only when asked: optkit migrate --indexes writes the hints PostgreSQL's planner keeps into "
          + "the project's Flyway or Liquibase migrations, where it has them`",
      "The finding is an index the schema lacks: a change to the database's schema, which migrate makes only when "
          + "asked (`optkit migrate --indexes`).",
      "Run `optkit migrate --indexes` (a new Flyway migration or a Liquibase changeSet, each index checked by "
          + "PostgreSQL's planner first), or "
          + "add the index the finding names in a new migration of the project's own (Flyway, Liquibase), after "
          + "checking with `EXPLAIN` on production-sized data that the planner uses it."),
  INDEX_NOT_KEPT(Stage.SCHEMA, "db.index-not-kept",
      "`PostgreSQL's planner did not keep the index: ...` / `not checked by PostgreSQL's planner: ...`",
      "`migrate --indexes` writes only the indexes a real planner used for a query the hint names, at least "
          + "`--check-hints-threshold` percent cheaper; this one it did not use, or could not plan (another dialect, "
          + "an unknown parameter type).",
      "Check the query with `EXPLAIN` on production-sized data; add the index by hand if the plan uses it."),
  INDEX_NO_MIGRATION(Stage.SCHEMA, "db.index-no-migration",
      "`its table ... is created in ..., neither a versioned Flyway migration (V<version>__<name>.sql) of PostgreSQL's "
          + "nor a Liquibase changelog or a formatted SQL changelog one includes: ...` / `... is created in the "
          + "Liquibase changelog ..., but ...` / `its master changelog ... is laid out so that a changeSet appended to "
          + "its end would not read as one more item ...`",
      "`migrate --indexes` writes an index as a new versioned Flyway migration beside the one that creates its "
          + "table, or as a new changeSet at the end of the Liquibase master changelog (XML, YAML or JSON) that runs "
          + "the one creating it; a table created in another script (a `schema.sql` Spring runs at each start, a "
          + "dump), a changelog whose one master optkit cannot tell, or a YAML/JSON master an appended item would not "
          + "extend as it reads it (a flow sequence, a second document), has no next migration optkit can add "
          + "without editing an existing one.",
      "Add the statement the finding names to the project's schema by hand, as its tool expects it (`IF NOT "
          + "EXISTS` for a script run at each start)."),
  INDEX_FLYWAY_LOCK(Stage.SCHEMA, "db.index-flyway-lock",
      "`Flyway ... holds its lock on PostgreSQL in a transaction, which CREATE INDEX CONCURRENTLY waits on forever: ...`",
      "Flyway 9.1 and later take their lock on PostgreSQL in a transaction of their own by default; "
          + "`CREATE INDEX CONCURRENTLY` waits for every older transaction to end, so the migration never finishes "
          + "(flyway/flyway#3682). optkit writes the migration only where the project turns the transactional lock "
          + "off, or its Flyway is older.",
      "Set `spring.flyway.postgresql.transactional-lock=false` (or `flyway.postgresql.transactional.lock=false` in "
          + "flyway.conf) and run `optkit migrate --indexes` again; or add the index by hand without `CONCURRENTLY` "
          + "where locking writes to the table while it builds is acceptable."),
  INDEX_EMBEDDED_DATABASE(Stage.SCHEMA, "db.index-embedded-database",
      "`the project runs Flyway and has an embedded database (...) on its class path: ...`",
      "`CREATE INDEX CONCURRENTLY` is PostgreSQL's: H2, HSQLDB and Derby reject it, so a project whose tests run its "
          + "Flyway migrations on an embedded database would fail them. optkit writes a Flyway migration of "
          + "`CONCURRENTLY` only where no embedded database is on the class path beside Flyway.",
      "Add the index by hand in a location only PostgreSQL runs (Flyway's `{vendor}` locations), or without "
          + "`CONCURRENTLY` where locking writes to the table while it builds is acceptable."),
  INDEX_NAME_TAKEN(Stage.SCHEMA, "db.index-name-taken",
      "`the schema already has an index named ...`",
      "The name optkit gives the index is taken by another index of the schema: index names are unique in a schema.",
      "Add the index by hand under a name of your own."),
  UNBOUNDED_READ(Stage.SCHEMA, "db.unbounded-read",
      "`migrate does not page queries: bound it in the code`",
      "The finding is a query answering every row of a growing table: bounding it changes what the code answers "
          + "(a page, not all), which only its callers can decide.",
      "Page the query (LIMIT and OFFSET or a keyset, Spring Data's Pageable, setMaxResults) and the callers that show "
          + "its rows, or bound it by a condition that keeps its answer small."),
  QUERY_SHAPE(Stage.SCHEMA, "db.query-shape",
      "`migrate does not rewrite a query's conditions: change the condition or add the index it needs`",
      "The finding is a condition no index serves as written (a leading wildcard, a function of a column): serving it "
          + "takes another index (trigram, expression) or another condition, a choice about the data that migrate "
          + "cannot make.",
      "Add an index of the shape (pg_trgm's GIN index for a leading wildcard, an expression index for a function), or "
          + "compare the column as stored (a range for a day instead of DATE(column), a column kept lower case)."),
  OFFSET_PAGING(Stage.SCHEMA, "db.offset-paging",
      "`migrate does not change how a query pages: page by a key in the code and its callers`",
      "The finding is a query paging by OFFSET: paging by a key changes what callers send for the next page (the last "
          + "key, not a page number), which only the API's owners can decide.",
      "Page by a key: WHERE (sort columns) > (the last row's) ORDER BY them LIMIT n, with the last row's key as the "
          + "next page's token."),
  POOL_SIZE(Stage.SCHEMA, "db.pool-size",
      "`migrate does not size connection pools: set the pool or change the transaction`",
      "The finding is a connection pool too small for the connections the code's threads hold at once: sizing it is "
          + "a deployment's choice (the database's connection limit, other instances), which migrate cannot make.",
      "Run the inner work in the outer transaction (REQUIRED), or after it commits, or size the pool as HikariCP's "
          + "rule says (threads x (connections a thread holds - 1) + 1), or cap the server's threads.");

  private final Stage stage;
  private final String id;
  private final String says;
  private final String summary;
  private final String remedy;

  Proof(Stage stage, String id, String says, String summary, String remedy) {
    this.stage = stage;
    this.id = id;
    this.says = says;
    this.summary = summary;
    this.remedy = remedy;
  }

  /** Stable, kebab-case, prefixed by what it is about ({@code scope.}, {@code cache.}, {@code loop.}...). */
  public String id() {
    return id;
  }

  public Stage stage() {
    return stage;
  }

  /** The words a refusal of this proof prints (markdown, {@code ...} for what varies). */
  public String says() {
    return says;
  }

  /** What the refusal means. */
  public String summary() {
    return summary;
  }

  /** What the user can do about it. */
  public String remedy() {
    return remedy;
  }

  public static Optional<Proof> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }
}
