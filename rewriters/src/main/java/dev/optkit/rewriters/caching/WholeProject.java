package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.settings.SpringSettings;
import dev.optkit.analyzers.index.Transactions;
import dev.optkit.analyzers.index.CallWalk;
import dev.optkit.analyzers.facts.types.TypeNames;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every module's planner asks of the whole project, answered once per migration instead of
 * once per module: each answer is a pass over every method of the project, and none depends on the
 * module (each reads the index only). Not thread-safe: one migration's planners run one after another.
 */
public final class WholeProject {
  private final ProjectIndex index;
  private final Transactions transactions;
  private Map<IndexedMethod, IndexedMethod> underExistingCaches;
  private Optional<String> manualTransactionStart;
  private Set<String> optkitCacheNames;

  /** The project's sources read again where a proof needs a method's body; null when not at hand. */
  private final dev.optkit.rewriters.source.ProjectSources sources;
  private dev.optkit.rewriters.source.EntityIds entityIds;
  private final java.nio.file.Path scanRoot;

  public WholeProject(ProjectIndex index) {
    this(index, null);
  }

  /** @param scanRoot the folder the index's paths are relative to, whose sources proofs may read again */
  public WholeProject(ProjectIndex index, java.nio.file.Path scanRoot) {
    this.index = index;
    this.transactions = new Transactions(index);
    this.sources = scanRoot == null ? null : new dev.optkit.rewriters.source.ProjectSources(scanRoot);
    this.scanRoot = scanRoot;
  }

  /**
   * Whether a Spring or JPA configuration file of the project (application*.properties or .yml,
   * persistence.xml) mentions the text; true when the project is not at hand to tell. Links are not
   * followed, and files over a megabyte are no configuration.
   */
  public boolean configurationMentions(String text) {
    return mentioned.computeIfAbsent(text, this::searchConfiguration);
  }

  private final java.util.Map<String, Boolean> mentioned = new java.util.HashMap<>();

  private boolean searchConfiguration(String text) {
    List<java.nio.file.Path> files = configurationFiles();
    return files == null || files.stream().anyMatch(file -> {
      try {
        return java.nio.file.Files.size(file) <= 1024 * 1024
            && java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(text);
      } catch (java.io.IOException unreadable) {
        return true;
      }
    });
  }

  /**
   * The project's Spring and JPA configuration files (application*.properties or .yml, persistence.xml), any module's;
   * null when the project is not at hand or its tree cannot be read.
   */
  private List<java.nio.file.Path> configurationFiles() {
    if (configurationFiles == null && scanRoot != null) {
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(scanRoot, 16)) {
        configurationFiles = files.filter(file -> java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS))
            .filter(file -> {
              String name = file.getFileName().toString();
              return name.startsWith("application") && (name.endsWith(".properties") || name.endsWith(".yml")
                  || name.endsWith(".yaml")) || name.equals("persistence.xml");
            }).sorted().toList();
      } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
        return null;
      }
    }
    return configurationFiles;
  }

  private List<java.nio.file.Path> configurationFiles;

  /** The extensions of the view templates the project may render (Thymeleaf, JSP, FreeMarker, Velocity, Mustache). */
  private static final java.util.Set<String> TEMPLATES = java.util.Set.of("html", "htm", "xhtml", "jsp", "jspx", "jspf",
      "ftl", "ftlh", "vm", "mustache", "peb", "tag");

  /**
   * Whether a view template of the project holds the text (a template's expression calling a bean's method:
   * {@code ${@names.nickname('me')}}); true when the tree cannot be read. Templates are not Java, and each engine has a
   * language of its own: a word found is taken to be a call.
   */
  public boolean templatesMention(String text) {
    if (templateTexts == null) {
      if (scanRoot == null) {
        return true;
      }
      List<String> texts = new java.util.ArrayList<>();
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(scanRoot, 24)) {
        for (java.nio.file.Path file : files.filter(f -> java.nio.file.Files.isRegularFile(f,
            java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
          String name = file.getFileName().toString();
          int dot = name.lastIndexOf('.');
          boolean built = scanRoot.relativize(file).toString().startsWith("target")
              || file.toString().contains(java.io.File.separator + "target" + java.io.File.separator);
          if (dot > 0 && TEMPLATES.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT)) && !built
              && java.nio.file.Files.size(file) <= 1024 * 1024) {
            texts.add(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
          }
        }
      } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
        return true;
      }
      templateTexts = texts;
    }
    return templateTexts.stream().anyMatch(template -> template.contains(text));
  }

  private List<String> templateTexts;

  /** How Spring starts the project: Boot or not, and whether its proxies may be JDK proxies. */
  public SpringStartup startup() {
    if (startup == null) {
      startup = new SpringStartup(index, scanRoot, this::configurationFiles, this::unitMentioning);
    }
    return startup;
  }

  private SpringStartup startup;

  /**
   * Whether the project's configuration turns Spring Boot's open-session-in-view off ({@code spring.jpa.open-in-view=false},
   * or {@code open-in-view: false} in YAML) in every document that sets it, and registers no open-in-view filter or
   * interceptor of its own; false when it does not say or cannot be read. With it on (Spring Boot's default in a web
   * application) a request is one persistence context: an entity a self-call loads and changes is the instance a later,
   * cached call of the same request answers (hostile review 32, a2b). Outside Boot it is not Boot's setting that
   * decides, and optkit cannot rule out a context the application keeps for a request itself (a filter or interceptor
   * binding an EntityManager, a transaction per request: the plain-Spring review's (2026-11-29) f1-f3), so it counts as on there too.
   */
  public boolean openInViewOff() {
    if (openInViewOff == null) {
      openInViewOff = SpringSettings.onlySetTo(scanRoot, "spring.jpa.open-in-view", "false") && !registersOpenInView();
    }
    return openInViewOff;
  }

  /** Null until asked. */
  private Boolean openInViewOff;

  /**
   * What a lazy association read on a cached, detached entity does: it throws LazyInitializationException, unless the
   * project lets Hibernate load it outside a session ({@code hibernate.enable_lazy_load_no_trans}), when it loads once
   * and every later answer gets that first load (a trial's audit log, whose reason said it throws).
   */
  public String detachedLazyRead() {
    if (lazyLoadNoTrans == null) {
      lazyLoadNoTrans = SpringSettings.anySetTo(scanRoot, "spring.jpa.properties." + LAZY_LOAD_NO_TRANS, "true");
    }
    return lazyLoadNoTrans ? "Hibernate loads it in a session of its own (" + LAZY_LOAD_NO_TRANS + ") the "
        + "first time, and every later answer, on any thread, gets what that first load found"
        : "that throws LazyInitializationException";
  }

  private Boolean lazyLoadNoTrans;

  /** Hibernate's setting that loads a detached entity's lazy associations in a session of their own. */
  public static final String LAZY_LOAD_NO_TRANS = "hibernate.enable_lazy_load_no_trans";

  /** What may keep one persistence context open through a request, for a reason that rests on it. */
  public String openInViewOn(boolean bootApplication) {
    return registersOpenInView() ? "open-session-in-view on (the project registers an open-in-view filter or interceptor)"
        : bootApplication ? "open-session-in-view on (Spring Boot's default)"
        : "open-session-in-view possibly on (outside Spring Boot, a filter or interceptor the application registers, or a "
            + "transaction it runs per request, may keep one persistence context for the request, which optkit does not "
            + "rule out)";
  }

  /** What would take the reason away. */
  public String openInViewOffHint(boolean bootApplication) {
    return registersOpenInView() ? "without the project's open-in-view filter or interceptor this reason would not hold"
        : bootApplication ? "with spring.jpa.open-in-view=false this reason would not hold"
        : "where nothing keeps one persistence context for a request this reason would not hold, which optkit cannot tell";
  }

  /** When servlet filters run against the view's persistence context; one answer per migration. */
  public FilterPhase filterPhase() {
    if (filterPhase == null) {
      filterPhase = new FilterPhase(this, scanRoot);
    }
    return filterPhase;
  }

  private FilterPhase filterPhase;

  /**
   * The project registers an open-in-view filter or interceptor of its own ({@code @Bean OpenEntityManagerInViewFilter},
   * a subclass, Hibernate's {@code OpenSessionInView...}): the setting does not turn that off (hostile review 33's v3).
   */
  public boolean registersOpenInView() {
    if (registersOpenInView == null) {
      java.util.function.Predicate<String> openInView = name -> name != null
          && (name.contains("OpenEntityManagerInView") || name.contains("OpenSessionInView"));
      registersOpenInView = index.types().stream().anyMatch(type -> type.superTypes().stream().anyMatch(openInView))
          || index.files().stream().flatMap(file -> file.creations().stream()).anyMatch(c -> openInView.test(c.type()))
          || index.methods().stream().anyMatch(m -> openInView.test(m.fact().returnType())
              || m.fact().constructorCalls().stream().anyMatch(c -> openInView.test(c.receiverType())))
          || namedInSources("OpenEntityManagerInView", "OpenSessionInView");
    }
    return registersOpenInView;
  }

  private Boolean registersOpenInView;

  /**
   * Whether a production source file names one of these classes at all: {@code @Import(OpenEntityManagerInViewFilter.class)}
   * or {@code addFilter("views", OpenEntityManagerInViewFilter.class)} registers one by its class literal, which no
   * fact records (hostile review 34's v10, v11). A file that cannot be read counts as naming them.
   */
  private boolean namedInSources(String... names) {
    if (scanRoot == null) {
      return true;
    }
    for (dev.optkit.analyzers.facts.FileFacts file : index.files()) {
      if (SourceSet.isTestPath(file.path())) {
        continue;
      }
      try {
        java.nio.file.Path path = scanRoot.resolve(file.path());
        if (java.nio.file.Files.size(path) > 4L * 1024 * 1024) {
          return true;
        }
        String text = java.nio.file.Files.readString(path, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (java.util.Arrays.stream(names).anyMatch(text::contains)) {
          return true;
        }
      } catch (java.io.IOException | RuntimeException unreadable) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the project creates Jackson's Hibernate module ({@code new Hibernate6Module()}): a lazy association it is
   * given is written as null unless loaded, so the refusal names that, not a LazyInitializationException (audit 11).
   */
  public boolean createsHibernateModule() {
    return index.methods().stream().filter(m -> !SourceSet.isTestPath(m.path()))
        .anyMatch(m -> m.fact().constructorCalls().stream().anyMatch(c -> c.receiverType() != null
            && c.receiverType().startsWith("com.fasterxml.jackson.datatype.hibernate")));
  }

  /** Whether the project gives Jackson mix-ins ({@code @JsonMixin}, {@code addMixIn}), which may undo a class's ignores. */
  boolean jacksonMixIns() {
    if (jacksonMixIns == null) {
      jacksonMixIns = index.types().stream().anyMatch(t -> t.hasAnnotation("JsonMixin"))
          || index.methods().stream().anyMatch(m -> m.fact().calls().stream().anyMatch(c -> c.name().equals("addMixIn")
              || c.name().equals("mixIn") || c.name().equals("mixIns") || c.name().equals("setMixIns")));
    }
    return jacksonMixIns;
  }

  private Boolean jacksonMixIns;

  /**
   * Whether a Jackson mix-in the project registers may apply to the class: one whose target optkit cannot read (a
   * {@code @JsonMixin}, a map of them, an argument that is no class literal), or an {@code addMixIn(X.class, ...)}
   * whose X is the class, a supertype of it, or {@code Object}. A mix-in for {@code ProblemDetail} only changes how
   * problem details are written (audit 14's s10d).
   */
  public boolean jacksonMixInsMayReach(String type) {
    if (!jacksonMixIns()) {
      return false;
    }
    if (mixInTargets == null) {
      mixInTargets = readMixInTargets();
    }
    if (mixInTargets.contains(UNREAD_TARGET)) {
      return true;
    }
    Set<String> family = new HashSet<>();
    index.supertypesOf(type).forEach(t -> family.add(ProjectTraits.simpleName(t)));
    family.add(ProjectTraits.simpleName(type));
    family.add("Object");
    return mixInTargets.stream().anyMatch(family::contains);
  }

  private static final String UNREAD_TARGET = "\u0000unread";
  private Set<String> mixInTargets;

  private Set<String> readMixInTargets() {
    Set<String> targets = new java.util.TreeSet<>();
    if (index.types().stream().anyMatch(t -> t.hasAnnotation("JsonMixin"))) {
      targets.add(UNREAD_TARGET);
    }
    for (IndexedMethod method : index.methods()) {
      for (var call : method.fact().calls()) {
        if (call.name().equals("mixIn") || call.name().equals("mixIns") || call.name().equals("setMixIns")) {
          targets.add(UNREAD_TARGET);
        } else if (call.name().equals("addMixIn")) {
          var declaration = declaration(method);
          if (declaration.isEmpty()) {
            targets.add(UNREAD_TARGET);
            continue;
          }
          for (var made : declaration.get().findAll(com.github.javaparser.ast.expr.MethodCallExpr.class)) {
            if (made.getNameAsString().equals("addMixIn")) {
              if (made.getArguments().isNonEmpty()
                  && made.getArgument(0) instanceof com.github.javaparser.ast.expr.ClassExpr literal) {
                String written = literal.getType().asString();
                targets.add(TypeNames.raw(written.substring(written.lastIndexOf('.') + 1)));
              } else {
                targets.add(UNREAD_TARGET);
              }
            }
          }
        }
      }
    }
    return targets;
  }


  /** Whether Spring Data REST exports only the repositories annotated {@code @RepositoryRestResource}. */
  public boolean restExportsAnnotatedOnly() {
    // a RepositoryRestConfigurer may set another strategy in Java (hostile review 33's r5)
    return SpringSettings.onlySetTo(scanRoot, "spring.data.rest.detection-strategy", "annotated")
        && index.types().stream().noneMatch(type -> type.superTypes().stream().anyMatch(s -> s.contains("RepositoryRestConfigur")))
        && index.methods().stream().noneMatch(m -> m.fact().calls().stream()
            .anyMatch(c -> c.name().equals("setRepositoryDetectionStrategy")));
  }

  /** A method's declaration read again from its file; empty when the sources are not at hand or it moved. */
  public Optional<com.github.javaparser.ast.body.CallableDeclaration<?>> declaration(IndexedMethod method) {
    return sources == null ? Optional.empty() : sources.declaration(method);
  }

  /**
   * Whether the text of the file holds any of the words: a read, no parse, to pass over files that
   * cannot hold what a caller looks for (thousands of test files on spring-framework). True when the sources are
   * not at hand or the file no longer reads.
   */
  public boolean fileMentionsAny(String path, java.util.Collection<String> words) {
    return sources == null || sources.mentionsAny(path, words);
  }

  /** The file's tree, parsed again, when its text holds any of the words; empty otherwise or when it is not at hand. */
  public Optional<com.github.javaparser.ast.CompilationUnit> unitMentioning(String path, java.util.Collection<String> words) {
    if (sources == null) {
      return Optional.empty();
    }
    // a bean's checks ask each file several times (its casts, each class's fields, each lookup): read it once
    boolean mentions = fileMentions.computeIfAbsent(path + "\n" + String.join("\n", words),
        key -> sources.mentionsAny(path, words));
    return mentions ? sources.unit(path) : Optional.empty();
  }

  private final Map<String, Boolean> fileMentions = new java.util.HashMap<>();

  /** The file declaring a project type, parsed again; empty when the sources are not at hand. */
  public Optional<com.github.javaparser.ast.CompilationUnit> unitOfType(String type) {
    String path = index.pathOfType(type);
    return sources == null || path == null ? Optional.empty() : sources.unit(path);
  }

  /** The getter of an entity's identifier, read from its source; empty when the sources are not at hand. */
  public Optional<String> idGetter(String entity) {
    if (sources == null) {
      return Optional.empty();
    }
    if (entityIds == null) {
      entityIds = new dev.optkit.rewriters.source.EntityIds(index, sources,
          new dev.optkit.rewriters.source.TypeVariables(index, sources));
    }
    return entityIds.of(entity).map(dev.optkit.rewriters.source.EntityIds.Id::getter);
  }

  /**
   * Whether a field of a project type carries an annotation of that simple name; true when the sources
   * are not at hand to tell (the careful answer for a check that allows something when it is absent).
   */
  public boolean fieldMayCarry(String type, String field, String annotation) {
    String path = index.pathOfType(type);
    Optional<com.github.javaparser.ast.CompilationUnit> unit = sources == null || path == null ? Optional.empty()
        : sources.unit(path);
    if (unit.isEmpty()) {
      return true;
    }
    String simple = ProjectTraits.simpleName(type);
    return unit.get().findAll(com.github.javaparser.ast.body.TypeDeclaration.class).stream()
        .filter(declared -> declared.getNameAsString().equals(simple))
        .flatMap(declared -> ((com.github.javaparser.ast.body.TypeDeclaration<?>) declared).getFields().stream())
        .filter(declared -> declared.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(field)))
        .findFirst().map(declared -> declared.getAnnotations().stream()
            .anyMatch(a -> a.getName().getIdentifier().equals(annotation)))
        .orElse(true);
  }

  /** Which modules are applications of their own on databases of their own. */
  public SeparateApplications separateApplications() {
    if (separateApplications == null) {
      separateApplications = new SeparateApplications(index, scanRoot);
    }
    return separateApplications;
  }

  private SeparateApplications separateApplications;

  public ProjectIndex index() {
    return index;
  }

  private Set<String> xmlCalledMethods;

  /**
   * Whether the method can never run ({@link ProjectIndex#neverRuns}) and no XML configuration of any module of the
   * project names it ({@code init-method}, {@code <task:scheduled method>}; a web module's XML may name a core
   * module's class): what it writes changes no data.
   */
  public boolean neverRuns(IndexedMethod method) {
    if (!index.neverRuns(method)) {
      return false;
    }
    if (xmlCalledMethods == null) {
      Set<String> named = new java.util.TreeSet<>();
      if (scanRoot != null) {
        // every module's src/main, a module without Java code (a web module's XML) too; links are not followed
        try (java.util.stream.Stream<java.nio.file.Path> dirs = java.nio.file.Files.walk(scanRoot, XML_MODULE_DEPTH)) {
          dirs.filter(dir -> dir.getFileName() != null && dir.getFileName().toString().equals("main")
                  && dir.getParent() != null && dir.getParent().getFileName() != null
                  && dir.getParent().getFileName().toString().equals("src") && java.nio.file.Files.isDirectory(dir))
              .filter(dir -> java.util.stream.StreamSupport.stream(scanRoot.relativize(dir).spliterator(), false)
                  .map(java.nio.file.Path::toString).noneMatch(part -> part.startsWith(".") || part.equals("target")
                      || part.equals("node_modules") || part.equals("build")))
              .sorted()
              .forEach(dir -> named.addAll(SpringXmlScans.calledMethods(dir.getParent().getParent())));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
          xmlUnreadable = true; // a folder optkit cannot list may hold XML naming any method: none never runs
        }
      }
      xmlCalledMethods = named;
    }
    return !xmlUnreadable && !xmlCalledMethods.contains(method.fact().name());
  }

  /** Whether a folder could not be listed while looking for the modules' XML. */
  private boolean xmlUnreadable;

  /** How deep below the scanned folder module folders are looked for. */
  private static final int XML_MODULE_DEPTH = 8;


  /** The folder the index's paths are relative to (null for an index made without one). */
  public java.nio.file.Path scanRoot() {
    return scanRoot;
  }

  public Transactions transactions() {
    return transactions;
  }

  /**
   * What a package above this one derives from the whole project, derived once per migration like the answers here:
   * the project's writes ({@link dev.optkit.rewriters.caching.writers.ProjectWrites#of(WholeProject)}), which the
   * proofs that read this model compute. {@code kind} names the answer.
   */
  public <T> T derived(Class<T> kind, java.util.function.Function<WholeProject, T> derive) {
    T known = kind.cast(derived.get(kind));
    if (known == null) {
      known = derive.apply(this);
      derived.put(kind, known);
    }
    return known;
  }

  private final Map<Class<?>, Object> derived = new java.util.HashMap<>();

  /** Cache names optkit gave in an earlier migration ({@code optkit.*} in annotation values). */
  public Set<String> optkitCacheNames() {
    if (optkitCacheNames == null) {
      Set<String> names = new HashSet<>();
      for (IndexedMethod method : index.methods()) {
        method.fact().annotationValues().values().stream().filter(v -> v.startsWith("optkit.")).forEach(names::add);
      }
      optkitCacheNames = Set.copyOf(names);
    }
    return optkitCacheNames;
  }

  /** A method already cached (by the project or an earlier migration) whose calls reach this one. */
  public Optional<IndexedMethod> cachedCaller(IndexedMethod target) {
    if (underExistingCaches == null) {
      underExistingCaches = new IdentityHashMap<>();
      for (IndexedMethod cached : index.methods()) {
        if (index.alreadyCached(cached) && !onlyPutsInCache(cached)) {
          // what it reaches within 4 calls, each at its shortest distance
          CallWalk.over(index, CallWalk.Edges.TARGETS).maxDepth(4).reachedFrom(cached)
              .forEach(step -> underExistingCaches.putIfAbsent(step.method(), cached));
        }
      }
    }
    return Optional.ofNullable(underExistingCaches.get(target));
  }

  /**
   * A method whose one cache is a {@code @CachePut}: it always runs and stores what it returns, so no cache stands above
   * the reads it makes (trial 88's rentACar BrandManager.update(), said to cache the read below it). Not when a method
   * of the same name elsewhere in its hierarchy is {@code @Cacheable}, nor when it caches by other means too.
   */
  private boolean onlyPutsInCache(IndexedMethod method) {
    if (cacheMechanisms == null) {
      cacheMechanisms = new java.util.HashMap<>();
      index.files().forEach(file -> file.existingCaches().forEach(cache -> cacheMechanisms
          .computeIfAbsent(cache.ownerType() + "#" + cache.member(), k -> new java.util.TreeSet<>()).add(cache.mechanism())));
    }
    String owner = method.fact().ownerType();
    return Set.of("spring-cacheput").equals(cacheMechanisms.get(owner + "#" + method.fact().name()))
        && method.fact().hasAnnotation("org.springframework.cache.annotation.CachePut")
        && index.supertypesOf(owner).stream().filter(type -> !type.equals(owner))
            .flatMap(type -> index.methods(type, method.fact().name()).stream())
            .noneMatch(over -> over.fact().hasAnnotation("org.springframework.cache.annotation.Cacheable"));
  }

  private Map<String, Set<String>> cacheMechanisms;

  /** The first production method, by name, that starts a JDBC transaction by hand ({@code setAutoCommit(false)}). */
  public Optional<String> manualTransactionStart() {
    if (manualTransactionStart == null) {
      manualTransactionStart = index.methods().stream()
          .filter(m -> m.fact().startsManualTransaction() && !SourceSet.isTestPath(m.path()))
          .map(m -> m.fact().displayName() + "()").sorted().findFirst();
    }
    return manualTransactionStart;
  }
}
