package dev.optkit.analyzers.dependencies;

import dev.optkit.analyzers.facts.ParseProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.maven.model.Model;
import org.apache.maven.model.building.ModelBuildingException;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.DependencyResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;

/**
 * The jars a project's build would compile against, found as Maven finds them — each module's
 * effective pom ({@link ProjectModel}), then the transitive dependency graph collected and its
 * artifacts resolved by Maven Resolver — without running the build. What is fetched goes to
 * optkit's repository; {@code ~/.m2} is read, never written. Nothing here fails a scan: a pom
 * that cannot be built, an artifact no repository has, a repository that does not answer, or the
 * time cap reached is a warning naming what is missing, and the scan goes on with what there is.
 */
public final class DependencyResolver {
  private static final int SHOWN = 8;

  /**
   * The jars in resolution order (modules by path); of them, those of the dependencies the
   * project declares itself (not theirs); what could not be had; and the build files the dependencies were read from
   * (poms, Gradle scripts, Ivy modules; absolute, sorted), which tell the modules no build covers.
   */
  public record Resolved(List<Path> jars, List<Path> declared, List<ParseProblem> warnings, List<Path> builds) {
    public static final Resolved NONE = new Resolved(List.of(), List.of(), List.of(), List.of());

    public Resolved {
      jars = List.copyOf(jars);
      declared = List.copyOf(declared);
      warnings = List.copyOf(warnings);
      builds = List.copyOf(builds);
    }

    Resolved readFrom(List<Path> files) {
      return new Resolved(jars, declared, warnings,
          files.stream().map(file -> file.toAbsolutePath().normalize()).distinct().sorted().toList());
    }
  }

  private DependencyResolver() {}

  /**
   * @param poms the modules' poms, in a fixed order
   * @param root the scanned project: local parents are read only inside it
   * @param declared coordinates declared outside poms (Gradle version catalogs), resolved from Maven Central
   */
  public static Resolved resolve(List<Path> poms, Path root, List<Coordinates> declared, ResolutionSettings settings) {
    GradleConventionPlugins conventions = GradleConventionPlugins.of(root);
    // an included plugin build's scripts (build-logic/build.gradle.kts) declare Gradle plugins, not the application's
    List<Path> scripts = GradleModules.scripts(root).stream().filter(s -> !conventions.isBuildLogic(s)).toList();
    List<Path> ivy = IvyModules.files(root); // an Ant build's modules
    if (poms.isEmpty() && declared.isEmpty() && scripts.isEmpty() && ivy.isEmpty()) {
      return Resolved.NONE;
    }
    List<Path> builds = new ArrayList<>(poms);
    builds.addAll(scripts);
    builds.addAll(ivy);
    List<Path> inputs = new ArrayList<>(poms);
    inputs.addAll(ivy);
    // a module's parents above the project (in the git work tree holding it) decide its model as much as its own pom
    for (Path pom : poms) {
      ProjectModel.parentsOutside(pom, root).stream().filter(parent -> !inputs.contains(parent)).forEach(inputs::add);
    }
    inputs.addAll(GradleCatalog.files(root));
    for (Path script : GradleModules.gradleFiles(root)) { // build.gradle and the scripts they may apply
      inputs.add(script);
      java.util.Optional.ofNullable(script.getParent()).map(folder -> folder.resolve("gradle.properties"))
          .filter(Files::isRegularFile).filter(file -> !inputs.contains(file)).ifPresent(inputs::add);
    }
    // an included project's script may lie deeper than three folders: a changed one is another resolution
    scripts.stream().filter(script -> !inputs.contains(script)).forEach(inputs::add);
    // the convention plugins' scripts lie deeper than three folders: a changed one is another resolution
    conventions.inputs().stream().filter(file -> !inputs.contains(file)).forEach(inputs::add);
    Optional<ResolutionMemo> memo = ResolutionMemo.of(root, inputs, settings);
    Optional<Resolved> remembered = memo.flatMap(ResolutionMemo::lookup);
    if (remembered.isPresent()) {
      return remembered.get().readFrom(builds);
    }
    settings.listener().started(new ResolutionSettings.Started(inputs.size(), settings.offline()));
    long began = System.nanoTime();
    Fetched fetched = new Fetched();
    Resolved resolved = resolveBounded(poms, scripts, ivy, conventions, root, declared, settings, fetched)
        .readFrom(builds);
    settings.listener().ended(new ResolutionSettings.Ended(java.time.Duration.ofNanos(System.nanoTime() - began),
        resolved.jars().size(), fetched.jars.get(), fetched.bytes.get(), fetched.stopped));
    memo.ifPresent(m -> m.store(resolved));
    return resolved;
  }

  /** What this resolution fetched: jars downloaded, their bytes; whether the time cap stopped it. */
  private static final class Fetched extends org.eclipse.aether.AbstractRepositoryListener {
    final java.util.concurrent.atomic.AtomicInteger jars = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    volatile boolean stopped;
    /**
     * The artifacts whose descriptor (pom) the resolver could not read or find, by coordinates, each with why: the
     * session ignores them, as Maven does, so their own dependencies are left out without an error.
     */
    final Map<String, String> unreadDescriptors = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Override
    public void artifactDescriptorInvalid(org.eclipse.aether.RepositoryEvent event) {
      unread(event, "its pom is invalid");
    }

    @Override
    public void artifactDescriptorMissing(org.eclipse.aether.RepositoryEvent event) {
      unread(event, "its pom was not found");
    }

    private void unread(org.eclipse.aether.RepositoryEvent event, String fallback) {
      if (event.getArtifact() != null) {
        unreadDescriptors.putIfAbsent(event.getArtifact().toString(),
            event.getException() == null ? fallback : reason(event.getException()));
      }
    }

    @Override
    public void artifactDownloaded(org.eclipse.aether.RepositoryEvent event) {
      Path file = event.getPath();
      if (event.getException() == null && event.getArtifact() != null
          && "jar".equals(event.getArtifact().getExtension()) && file != null) {
        jars.incrementAndGet();
        try {
          bytes.addAndGet(Files.size(file));
        } catch (IOException gone) {
          // counted, its size unknown
        }
      }
    }
  }

  private static Resolved resolveBounded(List<Path> poms, List<Path> scripts, List<Path> ivy,
      GradleConventionPlugins conventions, Path root, List<Coordinates> declared, ResolutionSettings settings,
      Fetched fetched) {
    Set<Path> jars = Collections.synchronizedSet(new LinkedHashSet<>());
    Set<Path> direct = Collections.synchronizedSet(new LinkedHashSet<>());
    List<ParseProblem> warnings = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicReference<Thread> resolving = new java.util.concurrent.atomic.AtomicReference<>();
    CompletableFuture<Void> work = CompletableFuture.runAsync(
        () -> resolveAll(poms, scripts, ivy, conventions, root, declared, settings,
            new Found(jars, direct, warnings), fetched),
        runnable -> {
          Thread thread = new Thread(runnable, "optkit-dependencies");
          thread.setDaemon(true); // past the cap it is left behind, never waited for
          resolving.set(thread);
          thread.start();
        });
    try {
      settings.cap().await(work, settings.total());
    } catch (TimeoutException e) {
      fetched.stopped = true;
      work.cancel(true); // a CompletableFuture's cancel interrupts nothing: the thread is told itself
      Thread thread = resolving.get();
      if (thread != null) {
        thread.interrupt();
      }
      warnings.add(new ParseProblem(shown(root, poms.isEmpty() ? root : poms.get(0)), 0, 0,
          "dependency resolution stopped at its " + settings.total().toSeconds()
              + " s limit: the jars resolved by then are used (run again to go on, or --offline)"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      warnings.add(new ParseProblem(shown(root, root), 0, 0, "dependencies not resolved: " + reason(e.getCause())));
    }
    synchronized (jars) {
      synchronized (direct) {
        synchronized (warnings) {
          return new Resolved(List.copyOf(jars), List.copyOf(direct), List.copyOf(warnings), List.of());
        }
      }
    }
  }

  /** What the resolving thread has found so far; read as it stands when the time cap stops it. */
  private record Found(Set<Path> jars, Set<Path> direct, List<ParseProblem> warnings) {
    static Found empty() {
      return new Found(new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayList<>());
    }

    void add(Found other) {
      jars.addAll(other.jars());
      direct.addAll(other.direct());
      warnings.addAll(other.warnings());
    }
  }

  /** Modules collected at once (each waits on the network more than it computes). */
  private static final int MODULE_THREADS = 4;

  /**
   * Runs the modules' collections {@link #MODULE_THREADS} at once, adding what each found to {@code found} in their
   * order; false when the resolving thread was interrupted (the time cap), the collections then interrupted too.
   */
  private static boolean collectAll(List<java.util.concurrent.Callable<Found>> modules, Found found) {
    if (modules.isEmpty()) {
      return true;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
        Math.min(MODULE_THREADS, modules.size()), runnable -> {
          Thread thread = new Thread(runnable, "optkit-dependencies-module");
          thread.setDaemon(true);
          return thread;
        });
    try {
      List<java.util.concurrent.Future<Found>> running = new ArrayList<>();
      modules.forEach(module -> running.add(pool.submit(module)));
      for (java.util.concurrent.Future<Found> module : running) {
        found.add(module.get());
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static void resolveAll(List<Path> poms, List<Path> scripts, List<Path> ivy,
      GradleConventionPlugins conventions, Path root, List<Coordinates> declared, ResolutionSettings settings,
      Found found, Fetched fetched) {
    List<ParseProblem> warnings = found.warnings();
    RepositorySystem system = new RepositorySystemSupplier().get();
    try (RepositorySystemSession.CloseableSession session = session(system, settings, fetched)) {
      Repositories repositories = new Repositories(settings.central());
      Map<Path, Model> models = new LinkedHashMap<>();
      List<Path> unbuilt = new ArrayList<>();
      for (Path pom : poms) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        try {
          models.put(pom, ProjectModel.effective(pom, root,
              new RepositoryModelResolver(system, session, repositories, List.of(repositories.central()))));
        } catch (ProjectModel.NotBuilt e) {
          unbuilt.add(pom);
          warnings.add(new ParseProblem(shown(root, pom), 0, 0, "the pom cannot be built (only the dependencies "
              + "it declares with a version are resolved, from Maven Central): " + oneLine(e.getMessage())));
        } catch (IOException | RuntimeException e) {
          warnings.add(new ParseProblem(shown(root, pom), 0, 0, "dependencies not resolved: " + reason(e)));
        }
      }
      gradleModules(scripts, conventions, root, new RepositoryModelResolver(system, session, repositories,
          List.of(repositories.central())), models, warnings);
      // the project's own modules are sources here, not artifacts to fetch
      Set<String> reactor = new LinkedHashSet<>();
      models.values().forEach(model -> reactor.add(model.getGroupId() + ":" + model.getArtifactId()));
      ModelDependencies converter = new ModelDependencies(session.getArtifactTypeRegistry(), settings.includeTests(),
          reactor);
      // the modules' graphs collected MODULE_THREADS at once: each mostly waits on the network (piggymetrics' ten
      // modules: 14 s for the first, then 2-3.5 s each one after the other), and the resolver fetches an artifact
      // two of them need once; what each found is kept in module order, as one after the other
      List<java.util.concurrent.Callable<Found>> modules = new ArrayList<>();
      for (Map.Entry<Path, Model> module : models.entrySet()) {
        Model model = module.getValue();
        List<RemoteRepository> remotes = new ArrayList<>();
        model.getRepositories().forEach(r -> {
          RemoteRepository remote = repositories.remote(r);
          if (remote != null && remotes.stream().noneMatch(known -> known.getId().equals(remote.getId()))) {
            remotes.add(remote);
          }
        });
        CollectRequest request = new CollectRequest(converter.dependencies(model), converter.managed(model), remotes);
        String where = shown(root, module.getKey());
        modules.add(() -> {
          Found own = Found.empty();
          collect(system, session, request, where, own);
          return own;
        });
      }
      if (!collectAll(modules, found)) {
        return;
      }
      // a pom whose parent or BOM is nowhere to be had (a company's own parent): what it declares with a version
      for (Path pom : unbuilt) {
        List<Dependency> dependencies = DeclaredVersions.of(pom, reactor);
        collect(system, session, new CollectRequest(dependencies, List.of(), List.of(repositories.central())),
            shown(root, pom), found);
      }
      for (Path file : ivy) {
        ivyModule(system, session, repositories, root, file, found);
      }
      if (!declared.isEmpty()) {
        List<Dependency> dependencies = declared.stream().map(Coordinates::dependency).toList();
        collect(system, session, new CollectRequest(dependencies, List.of(), List.of(repositories.central())),
            shown(root, root.resolve("gradle/libs.versions.toml")), found);
      }
      unreadDescriptors(fetched, root, poms, scripts, ivy, settings.repository()).ifPresent(warnings::add);
    } finally {
      system.shutdown();
    }
  }

  /**
   * One warning naming the dependencies whose own poms could not be read (a parent or property the resolver cannot
   * have): their transitive dependencies are not resolved, and types from them not either (a trial's
   * {@code kubernetes-api} brought none of the fabric8 client's jars, and nothing said so).
   */
  private static Optional<ParseProblem> unreadDescriptors(Fetched fetched, Path root, List<Path> poms,
      List<Path> scripts, List<Path> ivy, Path repository) {
    if (fetched.unreadDescriptors.isEmpty()) {
      return Optional.empty();
    }
    Path first = !poms.isEmpty() ? poms.get(0) : !scripts.isEmpty() ? scripts.get(0) : !ivy.isEmpty() ? ivy.get(0)
        : root;
    // the machine's own paths (its JDK, optkit's repository) are no part of a report the same input must reproduce
    String javaHome = System.getProperty("java.home", "");
    String local = repository == null ? "" : repository.toString();
    List<String> named = fetched.unreadDescriptors.entrySet().stream().limit(SHOWN)
        .map(entry -> entry.getKey() + " (" + machineFree(oneLine(entry.getValue()), javaHome, local) + ")").toList();
    int more = fetched.unreadDescriptors.size() - named.size();
    return Optional.of(new ParseProblem(shown(root, first), 0, 0, "dependencies whose pom optkit could not read, so "
        + "their own dependencies are not resolved and types from those unresolved: " + String.join(", ", named)
        + (more > 0 ? " and " + more + " more" : "")));
  }

  /** The text with this machine's JDK and repository folders named as properties, not as its paths. */
  private static String machineFree(String text, String javaHome, String repository) {
    String free = javaHome.isEmpty() ? text : text.replace(javaHome, "${java.home}");
    return repository.isEmpty() ? free : free.replace(repository, "${optkit.repository}");
  }

  /** An Ivy module's dependencies, resolved from Maven Central as Ivy's default resolver would; what is not, said. */
  private static void ivyModule(RepositorySystem system, RepositorySystemSession session, Repositories repositories,
      Path root, Path file, Found found) {
    String where = shown(root, file);
    IvyModules.Module module;
    try {
      module = IvyModules.read(root, file);
    } catch (IOException | javax.xml.stream.XMLStreamException | RuntimeException e) {
      found.warnings().add(new ParseProblem(where, 0, 0, "the Ivy module cannot be read, its dependencies are not "
          + "resolved: " + oneLine(String.valueOf(e.getMessage()))));
      return;
    }
    if (module.unresolvable() > 0) {
      found.warnings().add(new ParseProblem(where, 0, 0, module.unresolvable() + " Ivy dependency declaration(s) "
          + "whose revision Ivy computes (latest.*, 1.+, a property) or that name no organisation: not resolved"));
    }
    if (!module.dependencies().isEmpty()) {
      collect(system, session, new CollectRequest(module.dependencies().stream().map(Coordinates::dependency).toList(),
          List.of(), List.of(repositories.central())), where, found);
    }
  }

  /**
   * The Gradle scripts read as modules' poms, the root script first: its strings and its {@code allprojects}/
   * {@code subprojects} BOMs are its subprojects' too. What a script does not tell is said, per script.
   */
  private static void gradleModules(List<Path> scripts, GradleConventionPlugins conventions, Path root,
      RepositoryModelResolver resolver, Map<Path, Model> models, List<ParseProblem> warnings) {
    warnings.addAll(conventions.problems());
    Path rootScript = scripts.contains(root.resolve("build.gradle")) ? root.resolve("build.gradle")
        : root.resolve("build.gradle.kts");
    GradleScript.Declared rootDeclared = null;
    if (scripts.contains(rootScript)) {
      rootDeclared = gradleModule(rootScript, conventions, root, null, resolver, models, warnings);
    }
    for (Path script : scripts) {
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
      if (!script.equals(rootScript)) {
        gradleModule(script, conventions, root, rootDeclared, resolver, models, warnings);
      }
    }
  }

  private static GradleScript.Declared gradleModule(Path script, GradleConventionPlugins conventions, Path root,
      GradleScript.Declared rootScript, RepositoryModelResolver resolver, Map<Path, Model> models,
      List<ParseProblem> warnings) {
    Map<String, String> properties = new java.util.HashMap<>(rootScript == null ? Map.of() : rootScript.strings());
    properties.putAll(GradleModules.properties(root, script));
    GradleScript.Reading reading = GradleScript.read(script, root, properties);
    String where = shown(root, script);
    if (reading.declared() == null) {
      warnings.add(new ParseProblem(where, 0, 0, reading.problem() + ": the dependencies it declares are not resolved"));
      return null;
    }
    GradleScript.Declared declared = reading.declared();
    if (declared.unread() > 0) {
      warnings.add(new ParseProblem(where, 0, 0, unreadWarning(declared.unread())));
    }
    // the convention plugins it applies declare for it
    declared = conventions.applied(script, declared, rootScript, properties, warnings);
    List<Coordinates> boms = GradleModules.boms(root, declared, rootScript, properties);
    String artifactId = where.replace('/', '.');
    Model effective;
    try {
      effective = ProjectModel.effective(GradleModules.model(artifactId, declared, boms, rootScript), resolver);
    } catch (ModelBuildingException e) {
      warnings.add(new ParseProblem(where, 0, 0, "its platforms or BOMs cannot be had (only the dependencies it "
          + "declares with a version are resolved): " + oneLine(ProjectModel.firstError(e))));
      try {
        effective = ProjectModel.effective(GradleModules.model(artifactId, declared, List.of(), rootScript), resolver);
      } catch (ModelBuildingException again) {
        return declared;
      }
    }
    int unmanaged = GradleModules.managed(effective, declared);
    if (unmanaged > 0) {
      warnings.add(new ParseProblem(where, 0, 0, unmanaged + " dependency declaration(s) without a version that no "
          + "platform or BOM optkit found manages (a platform applied by a plugin or a script it does not read): not "
          + "resolved"));
    }
    models.put(script, effective);
    return declared;
  }

  static String unreadWarning(int unread) {
    return unread + " dependency declaration(s) optkit does not read: text the script computes (a method call, a name "
        + "not given one literal string in the script, the scripts it applies, its root script or gradle.properties) or "
        + "a dynamic version (1.+, latest.release); their jars resolve only from --classpath";
  }

  private static void collect(RepositorySystem system, RepositorySystemSession session, CollectRequest request,
      String where, Found found) {
    List<ParseProblem> warnings = found.warnings();
    if (request.getDependencies().isEmpty() || Thread.currentThread().isInterrupted()) {
      return;
    }
    DependencyResult result;
    String problem = null;
    try {
      result = system.resolveDependencies(session, new DependencyRequest(request, null));
    } catch (DependencyResolutionException e) {
      result = e.getResult();
      problem = reason(e);
    } catch (RuntimeException e) {
      warnings.add(new ParseProblem(where, 0, 0, "dependencies not resolved: " + reason(e)));
      return;
    }
    List<String> missing = new ArrayList<>();
    if (result != null) {
      for (ArtifactResult artifact : result.getArtifactResults()) {
        Path file = artifact.isResolved() ? artifact.getArtifact().getPath() : null;
        if (file != null && file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file)) {
          found.jars().add(file.toAbsolutePath().normalize());
        } else if (!artifact.isResolved()) {
          missing.add(artifact.getRequest().getArtifact().toString());
        }
      }
      if (result.getRoot() != null) {
        // the root's children: the module's own dependencies, as conflict resolution kept them
        for (org.eclipse.aether.graph.DependencyNode child : result.getRoot().getChildren()) {
          Path file = child.getArtifact() == null ? null : child.getArtifact().getPath();
          if (file != null && found.jars().contains(file.toAbsolutePath().normalize())) {
            found.direct().add(file.toAbsolutePath().normalize());
          }
        }
      }
      if (result.getCollectExceptions() != null && !result.getCollectExceptions().isEmpty() && problem == null) {
        problem = reason(result.getCollectExceptions().get(0));
      }
    }
    if (problem != null || !missing.isEmpty()) {
      String names = missing.isEmpty() ? "" : String.join(", ", missing.subList(0, Math.min(SHOWN, missing.size())))
          + (missing.size() > SHOWN ? " and " + (missing.size() - SHOWN) + " more" : "") + ": ";
      warnings.add(new ParseProblem(where, 0, 0, "dependency jars missing, types from them unresolved: " + names
          + (problem == null ? "not found" : problem)));
    }
  }

  private static RepositorySystemSession.CloseableSession session(RepositorySystem system, ResolutionSettings settings,
      org.eclipse.aether.RepositoryListener fetched) {
    List<Path> locals = new ArrayList<>();
    locals.add(settings.repository());
    settings.readOnly().stream().filter(Files::isDirectory).forEach(locals::add);
    return new SessionBuilderSupplier(system).get()
        .withLocalRepositoryBaseDirectories(locals)
        .setOffline(settings.offline())
        .setRepositoryListener(fetched)
        // only the project's repositories and Central: old dependency poms name repositories long dead
        // (each a connect timeout) or anyone's host
        .setIgnoreArtifactDescriptorRepositories(true)
        .setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_NEVER)
        .setChecksumPolicy(RepositoryPolicy.CHECKSUM_POLICY_WARN)
        .setSystemProperties(ProjectModel.machine())
        .setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, (int) settings.connectTimeout().toMillis())
        .setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, (int) settings.requestTimeout().toMillis())
        .setConfigProperty(ConfigurationProperties.HTTP_RETRY_HANDLER_COUNT, 0)
        // the user's ~/.m2 is read as it is: what Maven put there is used whichever repository it came from
        .setConfigProperty("aether.chainedLocalRepository.ignoreTailAvailability", true)
        .setConfigProperty("aether.connector.userAgent", "optkit")
        .build();
  }

  /** The deepest cause's message, on one line: what a user can act on (a host, an artifact, offline). */
  private static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof org.apache.maven.model.building.ModelBuildingException building
        && !building.getProblems().isEmpty()) {
      // "1 problem was encountered while building the effective model": the problem itself says why
      return oneLine(building.getProblems().get(0).getMessage());
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return oneLine(message);
  }

  private static String oneLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  static String shown(Path root, Path file) {
    try {
      Path relative = root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
      return relative.toString().isEmpty() ? "." : relative.toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      return file.getFileName() == null ? file.toString() : file.getFileName().toString();
    }
  }
}
