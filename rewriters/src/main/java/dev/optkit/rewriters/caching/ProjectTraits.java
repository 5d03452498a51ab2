package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.MavenPom;
import dev.optkit.analyzers.source.SourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the target project is: whether Spring's cache abstraction is on hand, whether it caches
 * already, which packages component scanning covers (annotations and XML configuration) and where a
 * generated configuration goes, which Java it targets. Read from facts and the pom,
 * never by building the project.
 */
public record ProjectTraits(
    Path root,
    Path pom,
    boolean spring,
    boolean springBoot,
    boolean existingSpringCaching,
    boolean enableCachingPresent,
    boolean cachingInTestSlices,
    String scanPackage,
    List<String> scannedPackages,
    int javaRelease,
    String switchType,
    boolean transactions,
    java.util.Map<String, List<String>> applications,
    String snapshotDatabase,
    String configurationPackage) {

  /**
   * The Spring Boot applications whose component scans cover a package: each one starts a context of
   * its own (often a process of its own), with caches of its own.
   */
  public List<String> applicationsCovering(String pkg) {
    return applications.entrySet().stream().filter(app -> app.getValue().stream().anyMatch(scan -> covers(scan, pkg)))
        .map(java.util.Map.Entry::getKey).sorted().toList();
  }

  /**
   * Whether beans of a package are in the context optkit's configuration goes to: under its scan package, or under
   * another scan of the one Spring Boot application whose scans cover that package
   * ({@code @ComponentScan({"r.controller", "r.service", "r.mapper"})}: one context, three scans; audit 11's s9).
   */
  public boolean scannedWithConfiguration(String pkg) {
    if (scanPackage == null || covers(scanPackage, pkg)) {
      return true;
    }
    List<String> configApps = applicationsCovering(scanPackage);
    return configApps.size() == 1 && applications.size() == 1
        && applications.get(configApps.get(0)).stream().anyMatch(scan -> covers(scan, pkg));
  }

  /** Artifacts that bring spring-tx, so Spring's transaction-aware cache decorator can be used. */
  /**
   * Drivers of databases whose default isolation reads from a snapshot taken at a transaction's
   * first read (MySQL's and MariaDB's InnoDB: REPEATABLE READ), by artifact, with the database's name.
   */
  private static final java.util.Map<String, String> SNAPSHOT_DRIVERS = java.util.Map.of(
      "mysql-connector-j", "MySQL", "mysql-connector-java", "MySQL", "mariadb-java-client", "MariaDB",
      "r2dbc-mysql", "MySQL", "r2dbc-mariadb", "MariaDB");

  private static final java.util.Set<String> TRANSACTIONAL_ARTIFACTS = java.util.Set.of(
      "spring-tx", "spring-jdbc", "spring-orm", "spring-boot-starter-jdbc", "spring-boot-starter-data-jpa",
      "spring-boot-starter-data-jdbc", "mybatis-spring-boot-starter", "mybatis-spring", "spring-data-jpa",
      "spring-data-jdbc", "spring-boot-starter-jooq");

  /** Beans whose methods may be cached: controllers often live in a child context of their own. */
  private static final java.util.Set<String> SERVICE_BEANS = dev.optkit.analyzers.index.SpringStereotypes.SERVICES;

  public static ProjectTraits of(Path root, ProjectIndex index) {
    return of(root, index, path -> true);
  }

  /** @param inModule which analysed files (by path) belong to the module at {@code root} */
  public static ProjectTraits of(Path root, ProjectIndex index, java.util.function.Predicate<String> inModule) {
    Path pom = root.resolve("pom.xml");
    String pomText = "";
    try {
      if (Files.isRegularFile(pom)) {
        pomText = Files.readString(pom);
      }
    } catch (IOException e) {
      pomText = "";
    }
    boolean springTypes = false;
    boolean enableCaching = false;
    boolean cachingInSlices = false;
    String optkitBean = null;
    boolean cacheManagerBean = false;
    boolean cacheableUsed = false;
    java.util.TreeSet<String> scans = new java.util.TreeSet<>(SpringXmlScans.of(root));
    List<String> beanPackages = new java.util.ArrayList<>();
    List<String> configurationPackages = new java.util.ArrayList<>();
    boolean filteredScans = !SpringXmlScans.of(root).isEmpty(); // an XML scan's filters are not read
    String switchType = null;
    boolean transactional = false;
    java.util.Map<String, List<String>> applications = new java.util.TreeMap<>();
    Set<String> applicationAnnotations = applicationAnnotations(index);
    boolean cachingElsewhere = false;
    for (FileFacts file : index.files()) {
      if (!inModule.test(file.path())) {
        // another module of the reactor (eladmin's common module holds its RedisCacheManager and @EnableCaching)
        // may share this one's application context: a second CacheManager bean there would stop it starting
        cachingElsewhere |= springCachingIn(file);
        continue;
      }
      for (TypeFact type : file.types()) {
        if (type.simpleName().equals(OptkitCacheConfigNames.CLASS_NAME)) {
          // optkit's own configuration: it says which bean optkit uses, and is not the project's caching
          optkitBean = file.methods().stream().map(MethodFact::name)
              .filter(n -> n.equals(OptkitCacheConfigNames.RESOLVER_BEAN) || n.equals(OptkitCacheConfigNames.MANAGER_BEAN))
              .findFirst().orElse(null);
          continue;
        }
        for (String annotation : type.annotations()) {
          if (annotation.startsWith("org.springframework.")) {
            springTypes = true;
          }
          if (annotation.endsWith("EnableCaching")) {
            enableCaching = true;
            // Boot's test slices (@DataJpaTest...) load the application class but not the other configuration
            // classes: caching switched on there, or in test code, is on in a slice too
            cachingInSlices |= SourceSet.isTestPath(file.path()) || type.annotations().stream().anyMatch(a ->
                applicationAnnotations.contains(a) || simpleName(a).equals("SpringBootConfiguration"));
          }
          if (annotation.endsWith("SpringBootApplication") || annotation.endsWith("ComponentScan")) {
            scans.addAll(scannedPackages(type, file.packageName()));
            filteredScans |= SCAN_FILTERS.stream().anyMatch(member -> type.annotationValue("ComponentScan", member) != null
                || type.annotationValue("SpringBootApplication", member) != null);
          }
          if (!type.kind().equals("annotation") && (applicationAnnotations.contains(annotation)
              || simpleName(annotation).equals("SpringBootConfiguration") && type.annotations().stream()
                  .anyMatch(a -> simpleName(a).equals("EnableAutoConfiguration")))) {
            applications.put(type.qualifiedName(), scannedPackages(type, file.packageName())); // each one starts a context of its own
          }
          if (SERVICE_BEANS.stream().anyMatch(bean -> dev.optkit.analyzers.facts.TypeFact.sameAnnotation(annotation, bean))) {
            beanPackages.add(file.packageName());
          }
          if (dev.optkit.analyzers.facts.TypeFact.sameAnnotation(annotation, "org.springframework.context.annotation.Configuration")
              && !SourceSet.isTestPath(file.path()) && !applications.containsKey(type.qualifiedName())) {
            configurationPackages.add(file.packageName()); // a nested class's too: its file's package
          }
        }
        if (type.simpleName().equals("OptkitCaching")) {
          switchType = type.qualifiedName();
        }
      }
      for (MethodFact method : file.methods()) {
        if (method.ownerType().endsWith("." + OptkitCacheConfigNames.CLASS_NAME)) {
          continue;
        }
        if (method.hasAnnotation("org.springframework.context.annotation.Bean") && method.returnType().endsWith("CacheManager")) {
          cacheManagerBean = true;
        }
        if (method.hasAnnotation("org.springframework.cache.annotation.Cacheable") && !isOptkitCache(method)) {
          cacheableUsed = true;
        }
        if (method.hasAnnotation("org.springframework.transaction.annotation.Transactional")) {
          transactional = true;
        }
      }
    }
    // Boot manages Caffeine's and Spring's versions only through its parent or its BOM, not its plugin
    java.util.Optional<MavenPom> model = Files.isRegularFile(pom) ? MavenPom.read(pom) : java.util.Optional.empty();
    // a module inherits Boot from the project's own parent pom as often as from Boot's (server/ under shareit/)
    boolean boot = pomText.contains("<artifactId>spring-boot-starter-parent</artifactId>")
        || pomText.contains("<artifactId>spring-boot-dependencies</artifactId>")
        || model.map(MavenPom::springBootManaged).orElse(false);
    boolean spring = springTypes || pomText.contains("<artifactId>spring-context") || boot;
    int java = javaRelease(model);
    transactional |= model.map(m -> m.dependencyArtifacts().stream().anyMatch(TRANSACTIONAL_ARTIFACTS::contains))
        .orElse(false);
    boolean existing = optkitBean != null ? optkitBean.equals(OptkitCacheConfigNames.RESOLVER_BEAN)
        : enableCaching || cacheManagerBean || cacheableUsed || cachingElsewhere
            || pomText.contains("spring-boot-starter-cache");
    return new ProjectTraits(root, Files.isRegularFile(pom) ? pom : null, spring, boot, existing, enableCaching,
        cachingInSlices,
        configPackage(scans, beanPackages), List.copyOf(scans), java, switchType, spring && transactional,
        Collections.unmodifiableMap(applications),
        model.flatMap(m -> m.dependencyArtifacts().stream().filter(SNAPSHOT_DRIVERS::containsKey).sorted().findFirst())
            .map(SNAPSHOT_DRIVERS::get)
            .filter(driver -> !dev.optkit.analyzers.schema.ConfiguredDatabases.namesOnlyOtherDatabases(root)).orElse(null),
        besideConfiguration(configPackage(scans, beanPackages), configurationPackages, filteredScans));
  }

  /** Spring caching of the project's own in a file: {@code @EnableCaching}, a {@code CacheManager} bean, {@code @Cacheable}. */
  private static boolean springCachingIn(FileFacts file) {
    if (SourceSet.isTestPath(file.path())
        || file.types().stream().anyMatch(t -> t.simpleName().equals(OptkitCacheConfigNames.CLASS_NAME))) {
      return false;
    }
    return file.types().stream().anyMatch(t -> t.annotations().stream().anyMatch(a -> a.endsWith("EnableCaching")))
        || file.methods().stream().anyMatch(m -> m.hasAnnotation("org.springframework.context.annotation.Bean")
            && m.returnType().endsWith("CacheManager")
            || m.hasAnnotation("org.springframework.cache.annotation.Cacheable") && !isOptkitCache(m));
  }

  /**
   * Annotations that make a class a Spring Boot application: {@code @SpringBootApplication} and the
   * project's own annotations meta-annotated with it (at any depth).
   */
  private static Set<String> applicationAnnotations(ProjectIndex index) {
    // unqualified too: a wildcard import of a package not on the class path leaves the simple name
    Set<String> found = new java.util.HashSet<>(Set.of("org.springframework.boot.autoconfigure.SpringBootApplication",
        "SpringBootApplication"));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (FileFacts file : index.files()) {
        for (TypeFact type : file.types()) {
          if (type.kind().equals("annotation") && !found.contains(type.qualifiedName())
              && type.annotations().stream().anyMatch(found::contains)) {
            grew = found.add(type.qualifiedName()) || grew;
          }
        }
      }
    }
    return found;
  }

  /** A method optkit itself annotated (its cache names start with "optkit."). */
  private static boolean isOptkitCache(MethodFact method) {
    return method.annotationValues().values().stream().anyMatch(v -> v.startsWith("optkit."));
  }

  /** The release generated code must compile for, as the module whose pom this is says (see below). */
  public static int javaReleaseOf(Path pom) {
    return javaRelease(MavenPom.read(pom));
  }

  /**
   * The release generated code must compile for: what the pom (or its local parents) sets, lowered to
   * the minimum an enforcer rule accepts; Java 8 when nothing says, the compiler plugin's default.
   */
  private static int javaRelease(java.util.Optional<MavenPom> pom) {
    if (pom.isEmpty()) {
      return 8;
    }
    int release = pom.get().javaRelease().orElse(8);
    return Math.min(release, pom.get().enforcedMinimumJava().orElse(release));
  }

  /**
   * The classes anywhere in the project (every module) whose component scan covers a package:
   * {@code @SpringBootApplication} or {@code @ComponentScan}, by qualified name.
   */
  public static List<String> scannersOf(ProjectIndex index, String pkg) {
    List<String> scanners = new java.util.ArrayList<>();
    for (FileFacts file : index.files()) {
      for (TypeFact type : file.types()) {
        boolean scans = type.annotations().stream()
            .anyMatch(a -> a.endsWith("SpringBootApplication") || a.endsWith("ComponentScan"));
        if (scans && scannedPackages(type, file.packageName()).stream().anyMatch(scan -> covers(scan, pkg))) {
          scanners.add(type.qualifiedName());
        }
      }
    }
    return scanners.stream().sorted().toList();
  }

  /** The base packages a scan annotation names, else the package of the annotated class's file. */
  private static List<String> scannedPackages(TypeFact type, String packageName) {
    for (String member : List.of("scanBasePackages", "basePackages", "value")) {
      for (String annotation : List.of("SpringBootApplication", "ComponentScan")) {
        String value = type.annotationValue(annotation, member);
        if (value != null && !value.isBlank()) {
          return java.util.Arrays.stream(value.split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
        }
      }
    }
    return List.of(packageName == null ? packageOf(type.qualifiedName()) : packageName);
  }

  /**
   * Where a generated configuration class is picked up: the scanned package holding most of the
   * module's beans (XML configurations often scan services and controllers from different
   * application contexts, and caching must live in the services' one); the shortest name on a tie.
   */
  private static String configPackage(java.util.Collection<String> scans, List<String> beanPackages) {
    String best = null;
    long bestBeans = -1;
    for (String scan : scans) {
      long beans = beanPackages.stream().filter(p -> covers(scan, p)).count();
      if (beans > bestBeans || beans == bestBeans && scan.length() < best.length()) {
        best = scan;
        bestBeans = beans;
      }
    }
    return best;
  }

  /**
   * Where the generated configuration's file goes: beside the project's own @Configuration classes under the scan,
   * where its conventions (an ArchUnit rule: gtiwari333's blog-app wants them in gt.app.config, probe 44) expect
   * configuration, the package holding most of them; the scan package itself when a scan filters what it finds
   * (an excluded config package would leave the caches without a manager: hostile review 46's C1) or there is none.
   */
  private static String besideConfiguration(String scanned, List<String> configurationPackages, boolean filteredScans) {
    return scanned == null || filteredScans ? scanned : configurationPackages.stream().filter(p -> covers(scanned, p))
        .collect(java.util.stream.Collectors.groupingBy(p -> p, java.util.TreeMap::new,
            java.util.stream.Collectors.counting()))
        .entrySet().stream().max(java.util.Map.Entry.<String, Long>comparingByValue()
            .thenComparing(java.util.Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
        .map(java.util.Map.Entry::getKey).orElse(scanned);
  }

  /** Members of a scan annotation that leave out some of what it would find. */
  private static final java.util.Set<String> SCAN_FILTERS = java.util.Set.of("excludeFilters", "includeFilters",
      "useDefaultFilters");

  /** Whether component scanning from {@code scan} finds classes of {@code pkg}. */
  public static boolean covers(String scan, String pkg) {
    return scan.isEmpty() || pkg.equals(scan) || pkg.startsWith(scan + ".");
  }

  public Optional<Path> pomFile() {
    return Optional.ofNullable(pom);
  }

  public static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  public static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }
}
