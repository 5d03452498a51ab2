package dev.optkit.rewriters.caching.backends;

import dev.optkit.analyzers.proof.Proof;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.MavenPom;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.keys.InitialValues;
import dev.optkit.rewriters.caching.text.PomDependencies;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Plain Java caches with the redis backend: their entries in Redis, through the project's own Jedis,
 * Lettuce or Redisson, so every instance of the application shares them and a writer's eviction reaches all.
 * A module gets it when its pom compiles against Jedis 3 or later, Lettuce 5 or later, or Redisson 3 or later
 * (with several, the first of these; optkit adds no client: the connection is the project's choice); otherwise
 * its plain caches stay local, as they do with {@code two-level}.
 *
 * <p>A cache shared in Redis is shared by every object of its class too, where a local cache field
 * is each object's own. So a method of an object is cached in Redis only when every object of its
 * class answers alike: a top-level or static nested class extending nothing, no constructor taking
 * arguments, no instance initializer, every field final and set where it is declared from values
 * every object gets alike ({@link InitialValues}), no subclass, and in a class that is not final no
 * call of its own overridable methods. Otherwise it stays local, and migrate says why.
 */
public final class PlainRedisBackend {
  /** Lombok annotations that make a constructor with arguments. */
  private static final Set<String> LOMBOK_CONSTRUCTORS = Set.of("RequiredArgsConstructor", "AllArgsConstructor", "Value",
      "Builder", "SuperBuilder");

  private final PlainRedisCacheFile.Client client;
  /** The client's major version: Jedis 4 moved the scan classes. */
  private final int clientMajor;

  private PlainRedisBackend(PlainRedisCacheFile.Client client, int clientMajor) {
    this.client = client;
    this.clientMajor = clientMajor;
  }

  /**
   * Present when the backend is redis (not two-level) and the module compiles against Jedis 3 or later, Lettuce 5 or
   * later, or Redisson 3 or later.
   */
  public static Optional<PlainRedisBackend> of(ProjectTraits traits, OptkitConfig config) {
    if (!config.cache().redis() || config.cache().twoLevel()) {
      return Optional.empty();
    }
    Optional<MavenPom> pom = traits.pomFile().flatMap(MavenPom::read);
    return pom.isPresent() && whyNot(pom.get()).isEmpty() ? client(pom.get()) : Optional.empty();
  }

  /**
   * The client the Redis cache goes through: the module's Jedis (3 or later), else its Lettuce (5 or later), else its
   * Redisson (3 or later).
   */
  private static Optional<PlainRedisBackend> client(MavenPom pom) {
    if (declared(pom, "redis.clients", "jedis").isPresent() && jedisMajor(pom) >= 3) {
      return Optional.of(new PlainRedisBackend(PlainRedisCacheFile.Client.JEDIS, jedisMajor(pom)));
    }
    Optional<MavenPom.Declared> lettuce = declared(pom, "io.lettuce", "lettuce-core");
    // io.lettuce:lettuce-core starts at 5.0 (Lettuce 4 and older are biz.paluch.redis:lettuce): a version optkit cannot
    // read (a BOM's) is 5 or later
    int lettuceMajor = lettuce.map(MavenPom.Declared::version).map(PlainRedisBackend::leadingNumber).orElse(5);
    if (lettuce.isPresent() && lettuceMajor >= 5) {
      return Optional.of(new PlainRedisBackend(PlainRedisCacheFile.Client.LETTUCE, lettuceMajor));
    }
    // org.redisson:redisson itself, not redisson-spring-boot-starter alone (as Spring's Redis starter does not count for
    // Lettuce: the module's own dependency is the client it chose); a version optkit cannot read (a BOM's) is 3 or later
    Optional<MavenPom.Declared> redisson = declared(pom, "org.redisson", "redisson");
    int redissonMajor = redisson.map(MavenPom.Declared::version).map(PlainRedisBackend::leadingNumber).orElse(3);
    if (redisson.isPresent() && redissonMajor >= 3) {
      return Optional.of(new PlainRedisBackend(PlainRedisCacheFile.Client.REDISSON, redissonMajor));
    }
    return Optional.empty();
  }

  /** A dependency of the module's main code, as its pom declares it. */
  private static Optional<MavenPom.Declared> declared(MavenPom pom, String groupId, String artifactId) {
    return pom.compileDeclared().stream().filter(d -> d.groupId().equals(groupId) && d.artifactId().equals(artifactId))
        .findFirst();
  }

  /** Why the module's pom does not give the Redis cache what it is written against; empty when it does. */
  private static Optional<String> whyNot(MavenPom pom) {
    if (client(pom).isEmpty()) {
      return Optional.of(whyNoClient(pom));
    }
    Optional<String> jackson = pom.compileDeclared().stream()
        .filter(d -> d.groupId().equals("com.fasterxml.jackson.core") && d.artifactId().equals("jackson-databind"))
        .map(MavenPom.Declared::version).filter(v -> v != null).findFirst()
        // hostile review 56's C1 bypass: Spring Boot before 2.2 manages Jackson 2.9, which the added databind takes
        .or(() -> pom.springBootVersion().filter(boot -> boot.startsWith("1.") || boot.startsWith("2.0.")
            || boot.startsWith("2.1.")).map(boot -> "2.9 (Spring Boot " + boot + "'s)"));
    if (jackson.isPresent() && olderThan(jackson.get(), 2, 10)) {
      // hostile review 55's C1: default typing EVERYTHING and the type validator came with Jackson 2.10
      return Optional.of("it declares Jackson " + jackson.get() + ", older than the 2.10 the Redis cache is written "
          + "against");
    }
    return Optional.empty();
  }

  /** Why the module has no Redis client the cache is written against. */
  private static String whyNoClient(MavenPom pom) {
    if (declared(pom, "redis.clients", "jedis").isPresent()) {
      // hostile review 55's C2: Spring Boot 2.0 and 2.1 manage Jedis 2.9, whose scan cursor is an int
      return "its Jedis is older than 3 (Spring Boot 2.0 and 2.1 manage 2.9), which the Redis cache is not written "
          + "against";
    }
    Optional<MavenPom.Declared> lettuce = declared(pom, "io.lettuce", "lettuce-core")
        .or(() -> declared(pom, "biz.paluch.redis", "lettuce"));
    if (lettuce.isPresent()) {
      MavenPom.Declared old = lettuce.get();
      return "its Lettuce is older than 5 (" + old.groupId() + ":" + old.artifactId()
          + (old.version() == null ? "" : " " + old.version()) + "), before the io.lettuce.core classes the Redis "
          + "cache is written against";
    }
    Optional<MavenPom.Declared> redisson = declared(pom, "org.redisson", "redisson");
    if (redisson.isPresent()) {
      return "its Redisson is older than 3 (org.redisson:redisson " + redisson.get().version() + "), which the Redis "
          + "cache is not written against";
    }
    return "the redis backend reaches Redis through the project's own Jedis (3 or later), Lettuce (5 or later) or "
        + "Redisson (3 or later), which this module's pom does not have";
  }

  private static int jedisMajor(MavenPom pom) {
    String version = pom.compileDeclared().stream().filter(d -> d.artifactId().equals("jedis"))
        .map(MavenPom.Declared::version).filter(v -> v != null).findFirst()
        // managed by Spring Boot's BOM: Jedis 2.9 in Boot 2.0 and 2.1, 3 in the rest of Boot 2, 4 and later in Boot 3
        .orElse(pom.springBootVersion().map(boot -> boot.startsWith("1.") || boot.startsWith("2.0.")
            || boot.startsWith("2.1.") ? "2"
            : boot.startsWith("2.") ? "3" : "4").orElse(null));
    return version == null ? 0 : leadingNumber(version);
  }

  private static boolean olderThan(String version, int major, int minor) {
    String[] parts = version.split("\\.");
    int first = leadingNumber(parts[0]);
    int second = parts.length > 1 ? leadingNumber(parts[1]) : 0;
    return first < major || first == major && second < minor;
  }

  /** The module has the redis backend but its plain caches stay local: the note that says why. */
  public static Optional<String> localNote(ProjectTraits traits, OptkitConfig config, boolean plainTargets) {
    if (!plainTargets || !config.cache().redis() || of(traits, config).isPresent()) {
      return Optional.empty();
    }
    String why = config.cache().twoLevel() ? "the two-level backend is Spring's only (the redis backend keeps them in "
        + "Redis through the module's Jedis, Lettuce or Redisson; refusals below are the local caches')"
        : traits.pomFile().flatMap(MavenPom::read).flatMap(PlainRedisBackend::whyNot)
            .orElse("the module has no pom optkit can read");
    return Optional.of("cache: the plain Java caches stay local in each JVM: " + why);
  }

  /**
   * The class the module's Redis caches are made of.
   *
   * @param metrics the module compiles against Micrometer
   */
  public String cacheFile(String packageName, boolean metrics, List<String> applicationPackages, String indent,
      String nl) {
    return PlainRedisCacheFile.create(packageName, client, clientMajor, metrics, applicationPackages, indent, nl);
  }

  /** The client the cache class goes through, by name: Jedis, Lettuce or Redisson. */
  public String clientName() {
    return client.displayName();
  }

  /**
   * The targets kept, the plain ones whose entries live in Redis added to {@code inRedis}. A plain cache that must
   * stay local is kept local and noted, unless the planner counted on Redis for its writers (an object's method
   * whose writers evict: locally they would evict only their own object's cache), which refuses it; one whose result
   * or key would not come back from Redis alike is refused.
   */
  public List<CachingTarget> choose(List<CachingTarget> targets, WholeProject whole, java.nio.file.Path scanRoot,
      List<Refusal> refusals, List<String> notes, Set<CachingTarget> inRedis) {
    RedisRoundTrip roundTrip = new RedisRoundTrip(whole.index(), scanRoot);
    List<CachingTarget> kept = new java.util.ArrayList<>();
    for (CachingTarget target : targets) {
      if (target.form() != CacheForm.PLAIN) {
        kept.add(target);
        continue;
      }
      Optional<String> notShared = whyNotShared(target.method(), whole);
      Optional<String> local = notShared.or(() -> target.weighed()
          ? Optional.of("its cache is bounded by the elements each entry holds, which Redis does not weigh")
          : Optional.empty());
      if (local.isPresent()) {
        if (notShared.isEmpty() && !target.method().fact().isStatic()
            && !target.evictions().isEmpty()) {
          refusals.add(new Refusal(target.finding(), Proof.LOCAL_WITH_WRITERS, "its cache must stay local in each JVM (" + local.get() + "), "
              + "where its writers would evict only the cache of the object they run on"));
          continue;
        }
        notes.add("cache: " + target.method().fact().displayName() + "() stays in a local cache in each JVM (cache.backend "
            + "redis): " + local.get());
        kept.add(target);
        continue;
      }
      Optional<String> why = roundTrip.whyNot(target.method());
      if (why.isPresent()) {
        refusals.add(new Refusal(target.finding(), Proof.REDIS_ROUND_TRIP, why.get()));
        continue;
      }
      inRedis.add(target);
      kept.add(target);
    }
    if (inRedis.stream().anyMatch(target -> !target.evictions().isEmpty())) {
      // trial 84's R4: a project's tests, never run with a Redis, failed after apply with nothing in the plan saying so
      notes.add("cache: the writers of the plain caches kept in Redis evict before and after they write, and fail "
          + "before writing while Redis cannot be reached (-Doptkit.cache.redis.url or OPTKIT_CACHE_REDIS_URL, "
          + "redis://localhost:6379 by default): the module's tests need a Redis there");
    }
    return kept;
  }

  /**
   * Why this plain method's cache cannot be one shared in Redis by every object and instance: its answer is a
   * future, or objects of its class may answer one call differently. Empty when it can; the planner counts on it
   * for the writers of an object's method (each evicts the one shared cache).
   */
  public Optional<String> whyNotShared(IndexedMethod method, WholeProject whole) {
    if (CacheForm.isFuture(method.fact().returnType())) {
      return Optional.of("its answer is a future, which optkit keeps in a local cache only");
    }
    if (method.fact().isStatic()) {
      return Optional.empty();
    }
    Optional<com.github.javaparser.ast.body.CallableDeclaration<?>> declaration = whole.declaration(method);
    if (declaration.isEmpty() || !(declaration.get() instanceof MethodDeclaration declared)) {
      return Optional.of("optkit cannot find it in its file as it is now");
    }
    return objectsDiffer(declared, whole.index());
  }

  /** Why two objects of the method's class may answer one call differently; empty when every object is alike. */
  private static Optional<String> objectsDiffer(MethodDeclaration method, ProjectIndex index) {
    TypeDeclaration<?> owner = method.findAncestor(TypeDeclaration.class).orElse(null);
    if (!(owner instanceof ClassOrInterfaceDeclaration type) || type.isInterface()) {
      return Optional.of("it belongs to an object optkit cannot tell apart from another of its kind");
    }
    String name = type.getNameAsString();
    String shared = " a cache in Redis is shared by every object of " + name + ", where a local cache is each object's own";
    boolean inInterface = type.getParentNode().orElse(null) instanceof ClassOrInterfaceDeclaration outer && outer.isInterface();
    if (type.isLocalClassDeclaration() || !type.isStatic() && type.isNestedType() && !inInterface) {
      // hostile review 55's H3: the enclosing object, or the variables a local class captures, are hidden arguments
      return Optional.of(name + " is " + (type.isLocalClassDeclaration() ? "a local class, whose objects capture the "
          + "variables around them" : "an inner class, whose objects each hold an enclosing object") + ", so two of "
          + "them may answer one call differently:" + shared);
    }
    if (!type.getExtendedTypes().isEmpty()) {
      // hostile review 55's H1 (trial 55's 3a): a superclass's fields are state optkit does not read here
      return Optional.of(name + " extends " + type.getExtendedTypes().get(0).getNameAsString() + ", whose state objects "
          + "of " + name + " may each hold differently:" + shared);
    }
    Optional<ConstructorDeclaration> withArguments = type.getConstructors().stream()
        .filter(c -> !c.getParameters().isEmpty()).findFirst();
    if (withArguments.isPresent()) {
      return Optional.of("objects of " + name + " are made with constructor arguments (" + name + "("
          + String.join(", ", withArguments.get().getParameters().stream().map(p -> p.getType().asString()).toList())
          + ")), so two of them may answer one call differently:" + shared);
    }
    Optional<String> lombok = type.getAnnotations().stream().map(a -> a.getName().getIdentifier())
        .filter(LOMBOK_CONSTRUCTORS::contains).findFirst();
    if (lombok.isPresent()) {
      return Optional.of("Lombok's @" + lombok.get() + " makes objects of " + name + " with constructor arguments, so "
          + "two of them may answer one call differently:" + shared);
    }
    if (type.getMembers().stream().anyMatch(m -> m instanceof InitializerDeclaration init && !init.isStatic())) {
      return Optional.of(name + " has an instance initializer, which may make each object its own:" + shared);
    }
    for (FieldDeclaration field : type.getFields()) {
      if (field.isStatic()) {
        continue;
      }
      for (VariableDeclarator variable : field.getVariables()) {
        if (!field.isFinal() || variable.getInitializer().isEmpty()) {
          return Optional.of("field " + variable.getNameAsString() + " of " + name + " is "
              + (field.isFinal() ? "set outside its declaration" : "not final") + ", so objects of " + name
              + " may hold other values and answer one call differently:" + shared);
        }
        Optional<String> unlike = InitialValues.whyNotAlike(variable.getInitializer().get(), type);
        if (unlike.isPresent()) {
          return Optional.of("field " + variable.getNameAsString() + " of " + name + " is set from "
              + unlike.get() + ", which optkit cannot show gives every object the same value:" + shared);
        }
      }
    }
    String qualified = type.getFullyQualifiedName().orElse(name);
    if (!type.isFinal() && !index.subtypesOf(qualified).isEmpty()) {
      return Optional.of(name + " has subclasses, whose objects may answer one call differently:" + shared);
    }
    return reachedState(method, type).map(why -> why + ", so two objects, or two instances, may answer one call "
        + "differently:" + shared);
  }

  /**
   * What the cached method, and the class's own methods it calls (transitively), reach that may differ between
   * objects or JVMs: a method a subclass (an anonymous one too) may override, one optkit cannot find in the class (an
   * interface's default), a static field of the class or an enclosing one that is not final, or a static final set
   * from a value that is not alike (a system property: hostile review 56's N2, N3, N4).
   */
  private static Optional<String> reachedState(MethodDeclaration cached, ClassOrInterfaceDeclaration type) {
    java.util.Deque<MethodDeclaration> todo = new java.util.ArrayDeque<>(List.of(cached));
    Set<MethodDeclaration> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    while (!todo.isEmpty()) {
      MethodDeclaration at = todo.pop();
      if (!seen.add(at) || seen.size() > 50) {
        continue;
      }
      for (MethodCallExpr call : at.findAll(MethodCallExpr.class)) {
        boolean own = call.getScope().isEmpty() || call.getScope().get() instanceof com.github.javaparser.ast.expr.ThisExpr;
        if (!own) {
          continue;
        }
        List<MethodDeclaration> found = type.getMethodsByName(call.getNameAsString());
        if (found.isEmpty()) {
          return Optional.of(cached.getNameAsString() + "() calls " + call.getNameAsString() + "(), which "
              + type.getNameAsString() + " does not declare (an interface's default method?)");
        }
        for (MethodDeclaration callee : found) {
          if (!type.isFinal() && !callee.isPrivate() && !callee.isStatic() && !callee.isFinal()) {
            return Optional.of(cached.getNameAsString() + "() calls " + call.getNameAsString() + "(), which a subclass of "
                + type.getNameAsString() + " (an anonymous one too) may override");
          }
          todo.push(callee);
        }
      }
      for (NameExpr read : at.findAll(NameExpr.class)) {
        Optional<String> why = staticState(read.getNameAsString(), type);
        if (why.isPresent()) {
          return why;
        }
      }
      for (com.github.javaparser.ast.expr.FieldAccessExpr read : at.findAll(com.github.javaparser.ast.expr.FieldAccessExpr.class)) {
        Optional<String> why = otherClassStatic(read, type);
        if (why.isPresent()) {
          return Optional.of(cached.getNameAsString() + "() reads " + why.get() + ", another class's static, which each "
              + "JVM may set differently (a system property, the environment) or change");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * {@code Env.BASE}: a static field of another class, read as a value (hostile review 81's R6: set from a system
   * property, it differed between two instances sharing one cache); a JDK class's ({@code StandardCharsets.UTF_8}) is
   * alike everywhere. Syntax only: a project enum's constant counts too, and keeps the cache local.
   */
  private static Optional<String> otherClassStatic(com.github.javaparser.ast.expr.FieldAccessExpr read,
      ClassOrInterfaceDeclaration type) {
    if (!(read.getScope() instanceof NameExpr owner) || !Character.isUpperCase(owner.getNameAsString().charAt(0))
        || owner.getNameAsString().equals(type.getNameAsString())) {
      return Optional.empty();
    }
    com.github.javaparser.ast.Node parent = read.getParentNode().orElse(null);
    if (parent instanceof MethodCallExpr call && call.getScope().orElse(null) == read
        || parent instanceof com.github.javaparser.ast.expr.FieldAccessExpr outer && outer.getScope() == read) {
      return Optional.empty(); // HttpResponse.BodyHandlers.ofString(): a nested type named on the way to a call
    }
    String simple = owner.getNameAsString();
    boolean jdk = JAVA_LANG.contains(simple) || read.findCompilationUnit().map(unit -> unit.getImports().stream()
        .anyMatch(i -> !i.isStatic() && i.getNameAsString().startsWith("java.")
            && (i.isAsterisk() || i.getName().getIdentifier().equals(simple)))).orElse(false);
    return jdk ? Optional.empty() : Optional.of(read.toString());
  }

  private static final Set<String> JAVA_LANG = Set.of("Integer", "Long", "Short", "Byte", "Double", "Float",
      "Character", "Boolean", "Math", "String");

  /** Why a static field of the class, or of a class around it, of that name may differ between JVMs or over time. */
  private static Optional<String> staticState(String name, ClassOrInterfaceDeclaration type) {
    for (com.github.javaparser.ast.Node at = type; at != null; at = at.getParentNode().orElse(null)) {
      if (!(at instanceof ClassOrInterfaceDeclaration declaring)) {
        continue;
      }
      for (FieldDeclaration field : declaring.getFields()) {
        for (VariableDeclarator variable : field.getVariables()) {
          if (!field.isStatic() || !variable.getNameAsString().equals(name)) {
            continue;
          }
          if (!field.isFinal()) {
            return Optional.of("it reads " + declaring.getNameAsString() + "." + name + ", a static field that is not final");
          }
          Optional<String> unlike = variable.getInitializer().map(initial -> InitialValues.whyNotAlike(initial, declaring))
              .orElse(Optional.of("a static initializer"));
          if (unlike.isPresent()) {
            return Optional.of("it reads " + declaring.getNameAsString() + "." + name + ", set from " + unlike.get()
                + ", which optkit cannot show is the same in every JVM");
          }
        }
      }
    }
    return Optional.empty();
  }

  private static int leadingNumber(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
  }

  /** The module's poms need Jackson to write values as JSON: the dependencies to add where missing. */
  public static List<PomDependencies.Dependency> pomDependencies(boolean bootManaged) {
    String version = bootManaged ? null : JACKSON_VERSION;
    return List.of(new PomDependencies.Dependency("com.fasterxml.jackson.core", "jackson-databind", version),
        new PomDependencies.Dependency("com.fasterxml.jackson.datatype", "jackson-datatype-jsr310", version),
        new PomDependencies.Dependency("com.fasterxml.jackson.datatype", "jackson-datatype-jdk8", version));
  }

  /** The Jackson a module without Spring Boot's BOM gets: 2.17 still runs on Java 8. */
  static final String JACKSON_VERSION = "2.17.2";
}
