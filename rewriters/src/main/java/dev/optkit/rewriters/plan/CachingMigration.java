package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.OptkitCacheConfigNames;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.analyzers.proof.Proof;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.config.OptkitConfig;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.analyzers.rules.CacheableReadMethodRule;
import dev.optkit.analyzers.rules.RuleContext;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.CacheForm;
import dev.optkit.rewriters.caching.text.CacheSwitchFile;
import dev.optkit.rewriters.caching.planner.CachingPlanner;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.backends.Deployment;
import dev.optkit.rewriters.caching.rewrite.PlainJavaCacheRewrite;
import dev.optkit.rewriters.caching.text.PomDependencies;
import dev.optkit.rewriters.caching.backends.PlainRedisBackend;
import dev.optkit.rewriters.caching.backends.PlainRedisCacheFile;
import dev.optkit.rewriters.caching.rewrite.StoredTypes;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.caching.rewrite.SpringCacheConfigRewrite;
import dev.optkit.rewriters.caching.rewrite.SpringCacheableRewrite;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.edit.Imports;
import dev.optkit.rewriters.edit.SourceDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Turns the cacheable-read findings of an assessment into file changes: the planner picks the
 * idiom per method, the rewrites produce narrow text edits, and every rewritten Java file must parse
 * again or it is left alone. Nothing is written here; {@link Migrator} applies the result.
 */
public final class CachingMigration {

  private CachingMigration() {}

  public static MigrationPlan prepare(Path root, Assessment assessment, OptkitConfig config, Predicate<Finding> selected) {
    return prepare(root, assessment, config, selected, java.util.Set.of());
  }

  /** @param acceptStale methods to cache although a writer of their data cannot evict them (--accept-stale) */
  public static MigrationPlan prepare(Path root, Assessment assessment, OptkitConfig config, Predicate<Finding> selected,
      java.util.Set<String> acceptStale) {
    Path scanRoot = root.toAbsolutePath().normalize();
    List<Finding> candidates = assessment.findings().stream()
        .filter(f -> f.ruleId().equals("CacheableReadMethod") && f.fixable())
        .filter(f -> !SourceSet.isTestPath(f.path()))
        .filter(selected)
        .toList();
    Path project = ProjectScope.projectRoot(scanRoot);
    Optional<Path> hidden = ProjectScope.inputOutsideScan(scanRoot);
    if (hidden.isPresent()) {
      // a folder inside the project hides its SQL scripts, its tests and its other writers from the scan
      String reason = "the scan is " + project.relativize(scanRoot) + ", a folder inside the project at " + project
          + ", whose " + project.relativize(hidden.get()) + " and other files outside it (schema scripts, tests, other "
          + "code) may write the same data unseen; run migrate on the project";
      return new MigrationPlan(project, List.of(), List.of(),
          candidates.stream().map(f -> new Refusal(f, Proof.SCAN_INSIDE_PROJECT, reason)).toList(), List.of(),
          notCacheable(assessment, config));
    }
    Optional<String> linked = ProjectScope.linkedReactorModule(project);
    if (linked.isPresent()) {
      // the scan sees one module; a module linked to it may write the same data, and nothing would evict
      String reason = linked.get() + ", and optkit sees only the code it scans: a write there would leave this "
          + "module's caches stale; run migrate on the reactor's root";
      return new MigrationPlan(ProjectScope.projectRoot(scanRoot), List.of(), List.of(),
          candidates.stream().map(f -> new Refusal(f, Proof.LINKED_MODULE, reason)).toList(), List.of(),
          notCacheable(assessment, config));
    }
    // each Maven module builds on its own: its own switch, cache configuration and pom
    Map<String, List<Finding>> byModule = new java.util.TreeMap<>();
    for (Finding finding : candidates) {
      byModule.computeIfAbsent(ProjectScope.moduleOf(scanRoot, finding.path()), k -> new ArrayList<>()).add(finding);
    }
    List<FileChange> changes = new ArrayList<>();
    List<CachingTarget> targets = new ArrayList<>();
    List<Refusal> refusals = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    WholeProject whole = new WholeProject(assessment.index(), scanRoot);
    // what sources optkit could not read is the whole project's answer: asked once, not per module (each asking walked
    // the tree again, a share of assess's fixable verdicts on spring-framework)
    Supplier<Optional<String>> unreadSources = new Supplier<>() {
      private Optional<String> answer;

      @Override
      public synchronized Optional<String> get() {
        if (answer == null) {
          answer = UnreadSources.blocking(scanRoot, assessment);
        }
        return answer;
      }
    };
    Deployment deployment = Deployment.detect(project);
    List<String> deploymentFacts = new ArrayList<>(deployment.describe());
    notes.addAll(new dev.optkit.rewriters.caching.writers.ExistingCacheGaps(whole).notes());
    for (Map.Entry<String, List<Finding>> module : byModule.entrySet()) {
      java.util.Set<CachingTarget> inRedis = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      MigrationPlan part = prepareModule(scanRoot, module.getKey(), assessment, config, module.getValue(), acceptStale, whole,
          inRedis, unreadSources);
      changes.addAll(part.changes());
      for (CachingTarget target : part.targets()) {
        targets.add(inRedis.contains(target) ? target : sharedOrWarned(target, deployment, config));
      }
      refusals.addAll(part.refusals());
      notes.addAll(part.notes());
    }
    if (targets.isEmpty() && refusals.isEmpty()) {
      // no read found at all may be no read seen: code in a source optkit cannot read (trial 93's repro-6: a Groovy
      // mapper on an unbuilt project made "Nothing to migrate." the whole answer)
      unreadSources.get().ifPresent(why -> notes.add("no read was found to cache, and one "
          + "calling into code optkit does not read would not be found: " + why));
    }
    // the Lettuce timeout, once the modules are planned: it is about Spring's caches (a plain Java cache through Lettuce
    // sets its own timeout: LettuceRedisCacheFile)
    if (config.cache().redis() && targets.stream().anyMatch(t -> t.form() == CacheForm.SPRING)) {
      deployment.lettuceTimeoutNote().ifPresent(deploymentFacts::add);
    }
    // paths and the journal are relative to the project (where its pom is), even when a source
    // directory was scanned, so nothing is stored under a path that climbs out with ".."
    Path projectRoot = ProjectScope.projectRoot(scanRoot);
    List<FileChange> rebased = changes.stream()
        .map(c -> new FileChange(projectRoot.relativize(scanRoot.resolve(c.path()).normalize()).toString().replace('\\', '/'),
            c.before(), c.after(), c.descriptions()))
        .toList();
    return new MigrationPlan(projectRoot, rebased, List.copyOf(targets), List.copyOf(refusals), List.copyOf(notes),
        notCacheable(assessment, config), List.of(), deploymentFacts);
  }

  /**
   * The target, warned when its cache is local to one JVM, has a writer, and the project looks like
   * it runs several instances: the writer's eviction reaches only the instance it ran on.
   */
  private static CachingTarget sharedOrWarned(CachingTarget target, Deployment deployment, OptkitConfig config) {
    boolean shared = target.form() == CacheForm.SPRING && config.cache().redis();
    boolean written = !target.evictions().isEmpty() || !target.acceptedStale().isEmpty();
    if (shared || !written || !deployment.looksMultiInstance()) {
      return target;
    }
    List<String> warnings = new ArrayList<>(target.warnings());
    warnings.add(deployment.localCacheWarning());
    return target.withWarnings(warnings);
  }

  /** Whether the configuration's include/exclude globs leave this source out of what migrate changes. */
  static boolean leftOut(OptkitConfig config, String path) {
    java.nio.file.Path relative = java.nio.file.Path.of(path);
    return config.exclude().stream().map(SourceSet::glob).anyMatch(glob -> glob.matches(relative))
        || !config.include().isEmpty() && config.include().stream().map(SourceSet::glob).noneMatch(g -> g.matches(relative));
  }

  /**
   * Methods of the production code that read remote or database data but are not cacheable, each with the reason
   * (assess's call-site notes read these where no plan is made).
   */
  public static List<NotCacheable> notCacheable(Assessment assessment, OptkitConfig config) {
    RuleContext context = new RuleContext(assessment.index(), config.cacheable().namePatterns());
    java.util.Map<String, NotCacheable> reasons = new java.util.TreeMap<>();
    for (IndexedMethod method : assessment.index().methods()) {
      if (SourceSet.isTestPath(method.path())) {
        continue;
      }
      // overloads are named by their parameter types, so two lines never look the same
      boolean overloaded = assessment.index().methods(method.fact().ownerType(), method.fact().name()).size() > 1;
      String parameters = overloaded ? String.join(", ", method.fact().params().stream()
          .map(p -> dev.optkit.analyzers.facts.types.TypeNames.withoutArguments(p.type())).map(t -> t.substring(t.lastIndexOf('.') + 1)).toList()) : "";
      CacheableReadMethodRule.whyNotCacheable(context, method).ifPresent(why -> {
        NotCacheable line = new NotCacheable(method.fact().displayName() + "(" + parameters + ")", method.path(),
            method.member(), why);
        reasons.putIfAbsent(line.line(), line); // the first of two methods printed alike, as the distinct lines were
      });
    }
    return List.copyOf(reasons.values());
  }

  /** The deepest package that holds all of these, or "" when they share none. */
  static String commonPackage(List<String> packages) {
    String common = packages.get(0);
    for (String pkg : packages) {
      while (!common.isEmpty() && !(pkg.equals(common) || pkg.startsWith(common + "."))) {
        common = ProjectTraits.packageOf(common);
      }
    }
    return common;
  }

  /** @param inRedis filled with the plain caches whose entries live in Redis (PlainRedisBackend) */
  private static MigrationPlan prepareModule(Path scanRoot, String module, Assessment assessment, OptkitConfig config,
      List<Finding> candidates, java.util.Set<String> acceptStale, WholeProject whole, java.util.Set<CachingTarget> inRedis,
      Supplier<Optional<String>> unreadSources) {
    Path moduleRoot = module.isEmpty() ? ProjectScope.projectRoot(scanRoot) : scanRoot.resolve(module);
    String prefix = module.isEmpty() ? "" : module + "/";
    ProjectTraits traits = ProjectTraits.of(moduleRoot, assessment.index(), path -> path.startsWith(prefix));
    CachingPlanner.Plan plan = new CachingPlanner(whole, config, traits, path -> path.startsWith(prefix),
        acceptStale).plan(candidates);
    List<Refusal> refusals = new ArrayList<>(plan.refusals());
    Optional<Reason> unread = Reason.of(Proof.UNREAD_SOURCE, unreadSources.get())
        .or(() -> java.nio.file.Files.isRegularFile(moduleRoot.resolve("src/main/java/module-info.java"))
            // trial 55's 3b: open-meteo_app's module no longer compiled (Caffeine's package not visible)
            ? Optional.of(new Reason(Proof.MODULE_INFO, "its module declares src/main/java/module-info.java, which optkit does not edit: the cache's "
                + "library (Caffeine; with the redis backend Jedis, Jackson and java.logging) would need a 'requires' "
                + "there, so the migrated code would not compile"))
            : Optional.empty());
    if (unread.isPresent()) {
      // no level is cached then: a read refused for an outer level "cached in this migration" has the same reason
      // (trial 42's groovy-level: existsByName named exists() as cached, which this refused in turn)
      refusals.replaceAll(r -> r.proof() == Proof.OUTER_LEVEL_CACHED ? new Refusal(r.finding(), unread.get()) : r);
      plan.targets().forEach(target -> refusals.add(new Refusal(target.finding(), unread.get())));
      plan = new CachingPlanner.Plan(List.of(), plan.refusals());
    }
    List<CachingTarget> editable = new ArrayList<>();
    for (CachingTarget target : plan.targets()) {
      Optional<String> leftOut = target.evictions().stream().map(e -> e.writer().path()).filter(path -> leftOut(config, path))
          .findFirst();
      if (leftOut.isPresent()) {
        // the writer is read (every source is) but .optkit.yml keeps migrate out of its file: no eviction goes there
        refusals.add(new Refusal(target.finding(), Proof.WRITER_EXCLUDED, "a writer of its data is in " + leftOut.get() + ", which .optkit.yml's "
            + "include/exclude leave out of what migrate changes, so its eviction cannot be added"));
      } else {
        editable.add(target);
      }
    }
    plan = new CachingPlanner.Plan(List.copyOf(editable), plan.refusals());
    if (plan.targets().stream().anyMatch(t -> t.form() == CacheForm.SPRING) && !CacheConfigFiles.configExtendable(scanRoot, prefix, assessment)) {
      plan = springRefused(plan, refusals, Proof.CONFIG_MARKER_LOST, OptkitCacheConfigNames.CLASS_NAME + " lost its '"
          + SpringCacheConfigRewrite.MARKER + "' line, so new caches cannot be registered in it");
    }
    List<String> unchecked = CacheConfigFiles.readsAnyClass(scanRoot, prefix, assessment);
    Optional<String> uncheckedConfig = unchecked.stream()
        .filter(path -> path.endsWith("/" + OptkitCacheConfigNames.CLASS_NAME + ".java")).findFirst();
    Optional<String> uncheckedPlain = unchecked.stream()
        .filter(path -> path.endsWith("/" + PlainRedisCacheFile.CLASS_NAME + ".java")).findFirst();
    if (uncheckedConfig.isPresent()) {
      plan = springRefused(plan, refusals, Proof.CONFIG_READS_ANY_CLASS, uncheckedConfig.get() + " " + CacheConfigFiles.READS_ANY_CLASS);
    }
    if (config.cache().redis() && plan.targets().stream().anyMatch(t -> t.form() == CacheForm.SPRING)) {
      plan = new CachingPlanner.Plan(SpringRedisTargets.redisOrRefused(scanRoot, prefix, assessment, traits, plan.targets(), refusals,
          config.cache().twoLevel()),
          plan.refusals());
    } else if (plan.targets().stream().anyMatch(t -> t.form() == CacheForm.SPRING)
        && CacheConfigFiles.existingConfig(prefix, assessment).map(type -> SpringCacheConfigRewrite.isRedis(SourceDocument.decode(
            CacheConfigFiles.read(scanRoot.resolve(assessment.index().pathOfType(type)))).text())).orElse(false)) {
      String earlierShared = CacheConfigFiles.existingConfig(prefix, assessment)
          .map(type -> CacheConfigFiles.twoLevel(assessment, type)).orElse(false) ? "two-level" : "redis";
      plan = springRefused(plan, refusals, Proof.EARLIER_BACKEND, OptkitCacheConfigNames.CLASS_NAME + " keeps an earlier "
          + "migration's caches in Redis: migrate with --cache-backend " + earlierShared + " (or cache.backend: "
          + earlierShared + ") so one manager holds every cache");
    }
    List<String> notes = new ArrayList<>();
    unchecked.forEach(path -> notes.add("warning: " + path + " " + CacheConfigFiles.READS_ANY_CLASS));
    Optional<PlainRedisBackend> plainRedis = PlainRedisBackend.of(traits, config);
    if (plainRedis.isPresent()) {
      plan = new CachingPlanner.Plan(plainRedis.get().choose(plan.targets(), whole, scanRoot, refusals, notes, inRedis),
          plan.refusals());
      if (uncheckedPlain.isPresent()) {
        // the earlier class would read every new cache's entries too: no new cache goes through it
        List<CachingTarget> kept = new ArrayList<>();
        for (CachingTarget target : plan.targets()) {
          if (inRedis.remove(target)) {
            refusals.add(new Refusal(target.finding(), Proof.CONFIG_READS_ANY_CLASS, uncheckedPlain.get() + " "
                + CacheConfigFiles.READS_ANY_CLASS));
          } else {
            kept.add(target);
          }
        }
        plan = new CachingPlanner.Plan(List.copyOf(kept), plan.refusals());
      }
    }
    // a plain Java module's refused reads too: with two-level chosen, their local reasons would read as the backend's
    // (trial 84's R3: "evicts only the cache of the object it runs on", no word that two-level is Spring's only)
    PlainRedisBackend.localNote(traits, config, plan.targets().stream().anyMatch(t -> t.form() == CacheForm.PLAIN)
        || !traits.spring() && !refusals.isEmpty()).ifPresent(notes::add);
    if (plan.targets().isEmpty()) {
      return new MigrationPlan(scanRoot, List.of(), List.of(), refusals, notes, List.of());
    }
    Map<String, List<CachingTarget>> byFile = new LinkedHashMap<>();
    for (CachingTarget target : plan.targets()) {
      byFile.computeIfAbsent(target.method().path(), k -> new ArrayList<>()).add(target);
    }
    CachingTarget first = plan.targets().get(0);
    // the package its file declares: a nested class's owner type (app.Outer.Reader) is no package (review 56's N5)
    java.util.function.Function<CachingTarget, String> packageOf = t -> assessment.index()
        .packageOfType(t.method().fact().ownerType());
    String firstPackage = packageOf.apply(first);
    Optional<Path> laidOut = sourceRoot(scanRoot, scanRoot.resolve(first.method().path()), firstPackage);
    if (laidOut.isEmpty()) {
      // the classes it creates go to the folders of their package below the source root, which these files do not
      // show: climbing one folder per package name left the project (a corpus project's Java files at its root)
      plan.targets().forEach(t -> refusals.add(new Refusal(t.finding(), Proof.PACKAGE_LAYOUT, "its file "
          + first.method().path() + " declares the package " + firstPackage + " but is not in a folder of that name "
          + "inside the project, so optkit cannot tell where the classes it would add to that package go")));
      return new MigrationPlan(scanRoot, List.of(), List.of(), refusals, notes, List.of());
    }
    Path sourceRoot = laidOut.get();
    // the switch goes to the package every cached class shares, not into whichever came first
    String switchPackage = commonPackage(plan.targets().stream()
        .map(packageOf).toList());
    if (switchPackage.isEmpty()) {
      switchPackage = firstPackage;
    }
    String switchType = traits.switchType() != null ? traits.switchType()
        : (switchPackage.isEmpty() ? "" : switchPackage + ".") + CacheSwitchFile.CLASS_NAME;
    String managerAttribute = SpringCacheConfigRewrite.managerAttribute(traits.existingSpringCaching());
    boolean micrometer = CacheConfigFiles.micrometer(traits);
    // sync = true only where a load per key is what the cache gives (the local backend's WriteAwareCache)
    boolean sync = !config.cache().redis() && CacheConfigFiles.springConfigIsNewOrSynced(scanRoot, prefix, assessment);
    boolean writeStartViews = traits.transactions() && !config.cache().redis()
        && CacheConfigFiles.springConfigHasWriteStarts(scanRoot, prefix, assessment, traits);
    // without transactions too, the local backend opens a write at the eviction before it (Spring 5.2.8's invalidate())
    boolean evictsBefore = !config.cache().redis() && dev.optkit.rewriters.caching.spring.SpringVersionFloor.api(
        traits.pom(), assessment.index().libraryVersions()) == dev.optkit.rewriters.caching.spring.SpringVersionFloor.CacheApi.CURRENT;
    // the module's pom read once, not per file
    String meterTagKey = dev.optkit.rewriters.caching.spring.SpringVersionFloor.meterTagKey(traits.pom(),
        assessment.index().libraryVersions());
    java.util.Set<String> writers = new java.util.HashSet<>();
    plan.targets().forEach(t -> t.evictions().forEach(e -> writers.add(SpringCacheableRewrite.writerKey(e.writer().path(),
        e.writer().fact().name(), e.writer().fact().range().line()))));
    // the percentage rollout only when asked for (cache.rollout, --rollout), and where the switch has it
    boolean rollout = config.cache().percentageRollout() && (traits.switchType() == null || assessment.index().files()
        .stream().flatMap(f -> f.methods().stream())
        .anyMatch(m -> m.ownerType().equals(traits.switchType()) && m.name().equals(CacheSwitchFile.ROLLOUT_METHOD)));
    if (config.cache().percentageRollout() && !rollout) {
      notes.add(traits.switchType() + " has no percentage rollout: the new caches are added without it (delete it "
          + "and migrate again to have it)");
    }

    List<FileChange> changes = new ArrayList<>();
    List<CachingTarget> applied = new ArrayList<>();
    Map<String, FileEdits> files = new LinkedHashMap<>();
    for (Map.Entry<String, List<CachingTarget>> entry : byFile.entrySet()) {
      Optional<FileEdits> file = FileEdits.open(scanRoot, entry.getKey());
      if (file.isEmpty()) {
        entry.getValue().forEach(t -> refusals.add(new Refusal(t.finding(), Proof.FILE_DOES_NOT_PARSE,
            "the file does not parse as it is now")));
        continue;
      }
      files.put(entry.getKey(), file.get());
      FileEdits edits = file.get();
      String switchReference = Imports.reference(edits.unit(), switchType);
      if (entry.getValue().stream().anyMatch(t -> t.form() == CacheForm.PLAIN)) {
        edits.imports().add(switchType); // Spring targets name it inside SpEL, fully qualified
      }
      String redisType = ProjectTraits.packageOf(switchType).isEmpty() ? PlainRedisCacheFile.CLASS_NAME
          : ProjectTraits.packageOf(switchType) + "." + PlainRedisCacheFile.CLASS_NAME;
      if (entry.getValue().stream().anyMatch(inRedis::contains)) {
        edits.imports().add(redisType);
      }
      PlainJavaCacheRewrite plain = new PlainJavaCacheRewrite(edits.document(), edits.unit(), switchReference,
          traits.javaRelease(), rollout, micrometer, inRedis::contains, Imports.reference(edits.unit(), redisType),
          meterTagKey);
      SpringCacheableRewrite spring = new SpringCacheableRewrite(edits.document(), edits.unit(), switchType, managerAttribute,
          traits.transactions(), rollout, sync, writers, writeStartViews, evictsBefore);
      // each target's method by name and line, indexed once per file: a scan of the file's methods per target
      // was quadratic in a generated class
      Map<String, MethodDeclaration> declared = new java.util.HashMap<>();
      for (MethodDeclaration m : edits.methods()) {
        declared.putIfAbsent(m.getNameAsString() + "@" + m.getBegin().map(b -> b.line).orElse(-1), m);
      }
      for (CachingTarget target : entry.getValue()) {
        Optional<MethodDeclaration> method = Optional.ofNullable(
            declared.get(target.method().fact().name() + "@" + target.method().fact().range().line()));
        // a Spring Data query method has no body: the repository's proxy applies the annotation
        if (method.isEmpty() || method.get().getBody().isEmpty() && target.form() != CacheForm.SPRING) {
          refusals.add(new Refusal(target.finding(), Proof.METHOD_MOVED, "the method moved since the assessment"));
          continue;
        }
        PlainJavaCacheRewrite.Result result = target.form() == CacheForm.SPRING
            ? spring.rewrite(target, method.get())
            : plain.rewrite(target, method.get(), edits.methods());
        edits.add(result);
        edits.descriptions().add(describe(target, inRedis.contains(target)));
        applied.add(target);
      }
      edits.edits().addAll(plain.invalidations(edits.invalidations()));
    }
    // Spring evictions may sit in other beans' files: cache names are global
    Map<String, List<CachingTarget>> evictingFiles = new LinkedHashMap<>();
    for (CachingTarget target : applied) {
      if (target.form() == CacheForm.SPRING) {
        target.evictions().forEach(e -> evictingFiles.computeIfAbsent(e.writer().path(), k -> new ArrayList<>()).add(target));
      }
    }
    for (Map.Entry<String, List<CachingTarget>> entry : evictingFiles.entrySet()) {
      Optional<FileEdits> file = files.containsKey(entry.getKey()) ? Optional.of(files.get(entry.getKey()))
          : FileEdits.open(scanRoot, entry.getKey());
      if (file.isEmpty()) {
        continue;
      }
      files.putIfAbsent(entry.getKey(), file.get());
      SpringCacheableRewrite spring = new SpringCacheableRewrite(file.get().document(), file.get().unit(), switchType,
          managerAttribute, traits.transactions(), rollout, sync, writers, writeStartViews, evictsBefore);
      List<CachingTarget> distinct = entry.getValue().stream().distinct().toList();
      PlainJavaCacheRewrite.Result evictions = spring.evictions(entry.getKey(), distinct, file.get().methods().stream()
          .filter(m -> distinct.stream().anyMatch(t -> t.evictions().stream().anyMatch(e -> e.writer().path().equals(entry.getKey())
              && e.writer().fact().name().equals(m.getNameAsString())
              && e.writer().fact().range().line() == m.getBegin().map(b -> b.line).orElse(-1))))
          .toList());
      if (!evictions.edits().isEmpty()) {
        file.get().add(evictions);
        if (!byFile.containsKey(entry.getKey())) {
          file.get().descriptions().add("@CacheEvict where this class writes data cached by "
              + distinct.stream().map(t -> t.method().fact().displayName() + "()").distinct().reduce((a, b) -> a + ", " + b).orElse(""));
        }
      }
    }
    for (Map.Entry<String, FileEdits> entry : files.entrySet()) {
      FileEdits edits = entry.getValue();
      if (edits.edits().isEmpty()) {
        continue;
      }
      String after = edits.result();
      // a check, not a tree: without tokens or comment attribution (quadratic in a class's members and comments)
      if (!dev.optkit.analyzers.parse.LanguageLevels.parses(after)) {
        List<CachingTarget> lost = byFile.getOrDefault(entry.getKey(), List.of());
        lost.forEach(t -> refusals.add(new Refusal(t.finding(), Proof.REWRITE_DOES_NOT_PARSE,
            "the rewritten file would not parse, so it was left as it is (please report this)")));
        applied.removeAll(lost);
        continue;
      }
      changes.add(new FileChange(entry.getKey(), edits.before(), edits.document().encode(after), edits.descriptions()));
    }
    if (applied.isEmpty()) {
      return new MigrationPlan(scanRoot, List.of(), List.of(), refusals, notes, List.of());
    }
    String indent = "    ";
    String nl = "\n";
    // a new switch reads the rollout through Togglz where the module compiles against it: the configuration hands it the bean
    boolean togglzRollout = rollout && traits.switchType() == null
        && CacheConfigFiles.compiledAgainst(traits, a -> a.startsWith("org.togglz:"));
    if (traits.switchType() == null) {
      Path switchFile = sourceRoot.resolve(ProjectTraits.packageOf(switchType).replace('.', '/')).resolve(CacheSwitchFile.CLASS_NAME + ".java");
      changes.add(new FileChange(CacheConfigFiles.relative(scanRoot, switchFile), null,
          (rollout ? CacheSwitchFile.create(ProjectTraits.packageOf(switchType), indent, nl,
              CacheConfigFiles.compiledAgainst(traits, a -> a.equals("dev.openfeature:sdk")), togglzRollout)
              : CacheSwitchFile.withoutRollout(ProjectTraits.packageOf(switchType), indent, nl))
              .getBytes(StandardCharsets.UTF_8),
          List.of("the emergency switch for optkit's caches (" + CacheSwitchFile.PROPERTY + ")")));
    }
    String redisType = ProjectTraits.packageOf(switchType).isEmpty() ? PlainRedisCacheFile.CLASS_NAME
        : ProjectTraits.packageOf(switchType) + "." + PlainRedisCacheFile.CLASS_NAME;
    boolean plainInRedis = applied.stream().anyMatch(inRedis::contains);
    List<String> applicationPackages = StoredTypes.applicationPackages(assessment.index());
    if (plainInRedis && assessment.index().type(redisType).isEmpty()) {
      Path redisFile = sourceRoot.resolve(ProjectTraits.packageOf(redisType).replace('.', '/'))
          .resolve(PlainRedisCacheFile.CLASS_NAME + ".java");
      changes.add(new FileChange(CacheConfigFiles.relative(scanRoot, redisFile), null,
          plainRedis.orElseThrow().cacheFile(ProjectTraits.packageOf(redisType), CacheConfigFiles.micrometer(traits),
              applicationPackages, indent, nl).getBytes(StandardCharsets.UTF_8),
          List.of("the plain Java caches' entries in Redis, through the project's " + plainRedis.orElseThrow().clientName()
              + " (" + PlainRedisCacheFile.URL_PROPERTY + ")")));
    } else if (plainInRedis) {
      // an earlier migration's class: the application's packages it may read back, as the project now has them
      CacheConfigFiles.withApplicationPackages(scanRoot, assessment.index().pathOfType(redisType), applicationPackages)
          .ifPresent(changes::add);
    }
    List<CachingTarget> springTargets = applied.stream().filter(t -> t.form() == CacheForm.SPRING).toList();
    if (!springTargets.isEmpty() && traits.scanPackage() == null) {
      notes.add("no @SpringBootApplication or @ComponentScan found: make sure " + OptkitCacheConfigNames.CLASS_NAME
          + " in package " + firstPackage + " is scanned or imported, or the caches have no manager at run time");
    }
    if (!springTargets.isEmpty()) {
      changes.addAll(CacheConfigFiles.springConfig(scanRoot, prefix, assessment, traits, sourceRoot, firstPackage, springTargets, indent, nl,
          config.cache().redis(), config.cache().twoLevel(), togglzRollout ? switchType : null));
    }
    changes.addAll(TestCacheResetChanges.of(scanRoot, assessment, ProjectTraits.packageOf(switchType), springTargets,
        indent, nl));
    boolean plainTargets = applied.stream().anyMatch(t -> t.form() == CacheForm.PLAIN && !inRedis.contains(t));
    traits.pomFile().ifPresent(pom -> CacheConfigFiles.pomChange(scanRoot, pom, traits, !springTargets.isEmpty(),
        config.cache().redis() && !springTargets.isEmpty(), config.cache().twoLevel() && !springTargets.isEmpty(),
        plainTargets, plainInRedis).ifPresent(changes::add));
    if (traits.pomFile().isEmpty()) {
      notes.add("no pom.xml found: add com.github.ben-manes.caffeine:caffeine " + PomDependencies.caffeineFor(traits.javaRelease())
          + (springTargets.isEmpty() ? "" : " and org.springframework:spring-context-support") + " to your build");
    }
    return new MigrationPlan(scanRoot, List.copyOf(changes), List.copyOf(applied), refusals, notes, List.of());
  }

  private static String describe(CachingTarget target, boolean inRedis) {
    String what = target.form() == CacheForm.SPRING ? "@Cacheable" : inRedis ? "Redis cache" : "Caffeine cache";
    return what + " on " + target.method().fact().displayName() + "() [" + target.policyName() + ": "
        + target.policy().ttlSeconds() + " s, max " + (target.weighed() ? target.policy().maximumWeight() + " elements"
            : target.policy().maximumSize()) + (target.policyBasis().isEmpty() ? "" : "; " + target.policyBasis())
        + (target.keepsNoNull() ? "; null answers not kept" : "") + "]"
        + (target.evictions().isEmpty() ? "" : ", evicted by " + target.evictions().stream()
            .map(e -> e.writer().fact().displayName() + "()").distinct().reduce((a, b) -> a + ", " + b).orElse(""))
        + (target.clearedForTests().isEmpty() ? "" : ", emptied before each test after the set-up writes of "
            + target.clearedForTests().stream().map(m -> m.fact().displayName() + "()").distinct().sorted()
                .reduce((a, b) -> a + ", " + b).orElse(""))
        + (target.offInTests().isEmpty() ? "" : ", off while its module's tests run (they write its data inside a "
            + "test: " + target.offInTests().stream().map(m -> m.fact().displayName() + "()").distinct().sorted()
                .limit(3).reduce((a, b) -> a + ", " + b).orElse("") + ")");
  }

  /** The source parsed at the language level it needs, or empty when it does not parse. */
  static Optional<CompilationUnit> parse(String text) {
    return LanguageLevels.parse(text);
  }

  /**
   * The source root a file's package is laid out under: its folder without the package's folders, when the folder ends
   * with them ({@code src/main/java} for {@code src/main/java/shop/Books.java} in {@code shop}) and the root is inside
   * the project; else empty.
   */
  private static Optional<Path> sourceRoot(Path scanRoot, Path file, String packageName) {
    Path directory = file.getParent();
    if (!packageName.isEmpty()) {
      Path packagePath = Path.of("", packageName.split("\\."));
      if (directory == null || !directory.endsWith(packagePath)) {
        return Optional.empty();
      }
      for (int i = 0; i < packagePath.getNameCount(); i++) {
        directory = directory.getParent();
      }
    }
    return directory != null && directory.normalize().startsWith(scanRoot.normalize()) ? Optional.of(directory)
        : Optional.empty();
  }
  /** The plan without its Spring caches, each refused for {@code reason}: what keeps them all out of this module. */
  private static CachingPlanner.Plan springRefused(CachingPlanner.Plan plan, List<Refusal> refusals, Proof proof,
      String reason) {
    List<CachingTarget> kept = new ArrayList<>();
    for (CachingTarget target : plan.targets()) {
      if (target.form() == CacheForm.SPRING) {
        refusals.add(new Refusal(target.finding(), proof, reason));
      } else {
        kept.add(target);
      }
    }
    return new CachingPlanner.Plan(List.copyOf(kept), plan.refusals());
  }
}
