package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.MavenPom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the target project is: whether Spring's cache abstraction is on hand, whether it caches
 * already, where component scanning starts, which Java it targets. Read from facts and the pom,
 * never by building the project.
 */
public record ProjectTraits(
    Path root,
    Path pom,
    boolean spring,
    boolean springBoot,
    boolean existingSpringCaching,
    boolean enableCachingPresent,
    String scanPackage,
    int javaRelease,
    String switchType,
    boolean transactions) {

  /** Artifacts that bring spring-tx, so Spring's transaction-aware cache decorator can be used. */
  private static final java.util.Set<String> TRANSACTIONAL_ARTIFACTS = java.util.Set.of(
      "spring-tx", "spring-jdbc", "spring-orm", "spring-boot-starter-jdbc", "spring-boot-starter-data-jpa",
      "spring-boot-starter-data-jdbc", "mybatis-spring-boot-starter", "mybatis-spring", "spring-data-jpa",
      "spring-data-jdbc", "spring-boot-starter-jooq");

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
    String optkitBean = null;
    boolean cacheManagerBean = false;
    boolean cacheableUsed = false;
    String scan = null;
    String switchType = null;
    boolean transactional = false;
    for (FileFacts file : index.files()) {
      if (!inModule.test(file.path())) {
        continue;
      }
      for (TypeFact type : file.types()) {
        if (type.simpleName().equals(SpringCacheConfigRewrite.CLASS_NAME)) {
          // optkit's own configuration: it says which bean optkit uses, and is not the project's caching
          optkitBean = file.methods().stream().map(MethodFact::name)
              .filter(n -> n.equals(SpringCacheConfigRewrite.RESOLVER_BEAN) || n.equals(SpringCacheConfigRewrite.MANAGER_BEAN))
              .findFirst().orElse(null);
          continue;
        }
        for (String annotation : type.annotations()) {
          if (annotation.startsWith("org.springframework.")) {
            springTypes = true;
          }
          if (annotation.endsWith("EnableCaching")) {
            enableCaching = true;
          }
          if (annotation.endsWith("SpringBootApplication") || annotation.endsWith("ComponentScan")) {
            String scanned = scannedPackage(type);
            if (scan == null || scanned.length() < scan.length()) {
              scan = scanned;
            }
          }
        }
        if (type.simpleName().equals("OptkitCaching")) {
          switchType = type.qualifiedName();
        }
      }
      for (MethodFact method : file.methods()) {
        if (method.ownerType().endsWith("." + SpringCacheConfigRewrite.CLASS_NAME)) {
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
    boolean boot = pomText.contains("<artifactId>spring-boot-starter-parent</artifactId>")
        || pomText.contains("<artifactId>spring-boot-dependencies</artifactId>");
    boolean spring = springTypes || pomText.contains("<artifactId>spring-context") || boot;
    java.util.Optional<MavenPom> model = Files.isRegularFile(pom) ? MavenPom.read(pom) : java.util.Optional.empty();
    int java = javaRelease(model);
    transactional |= model.map(m -> m.dependencyArtifacts().stream().anyMatch(TRANSACTIONAL_ARTIFACTS::contains))
        .orElse(false);
    boolean existing = optkitBean != null ? optkitBean.equals(SpringCacheConfigRewrite.RESOLVER_BEAN)
        : enableCaching || cacheManagerBean || cacheableUsed || pomText.contains("spring-boot-starter-cache");
    return new ProjectTraits(root, Files.isRegularFile(pom) ? pom : null, spring, boot, existing, enableCaching, scan,
        java, switchType, spring && transactional);
  }

  /** A method optkit itself annotated (its cache names start with "optkit."). */
  private static boolean isOptkitCache(MethodFact method) {
    return method.annotationValues().values().stream().anyMatch(v -> v.startsWith("optkit."));
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

  /** The base package component scanning starts from: the annotation's own, else the annotated class's. */
  private static String scannedPackage(TypeFact type) {
    for (String member : java.util.List.of("scanBasePackages", "basePackages", "value")) {
      for (String annotation : java.util.List.of("SpringBootApplication", "ComponentScan")) {
        String value = type.annotationValue(annotation, member);
        if (value != null && !value.isBlank()) {
          return value.split(",")[0].trim();
        }
      }
    }
    return packageOf(type.qualifiedName());
  }

  public Optional<Path> pomFile() {
    return Optional.ofNullable(pom);
  }

  public static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }
}
