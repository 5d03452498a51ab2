package dev.optkit.rewriters.caching;

import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.MethodFact;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.index.ProjectIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    String switchType) {

  private static final Pattern RELEASE = Pattern.compile(
      "<(?:maven\\.compiler\\.release|maven\\.compiler\\.source|release|java\\.version)>\\s*(?:1\\.)?(\\d+)\\s*<");

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
          if ((annotation.endsWith("SpringBootApplication") || annotation.endsWith("ComponentScan"))
              && (scan == null || type.qualifiedName().length() < scan.length())) {
            scan = packageOf(type.qualifiedName());
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
      }
    }
    boolean boot = pomText.contains("spring-boot");
    boolean spring = springTypes || pomText.contains("<artifactId>spring-context") || boot;
    Matcher release = RELEASE.matcher(pomText);
    int java = release.find() ? Integer.parseInt(release.group(1)) : 17;
    boolean existing = optkitBean != null ? optkitBean.equals(SpringCacheConfigRewrite.RESOLVER_BEAN)
        : enableCaching || cacheManagerBean || cacheableUsed || pomText.contains("spring-boot-starter-cache");
    return new ProjectTraits(root, Files.isRegularFile(pom) ? pom : null, spring, boot, existing, enableCaching, scan,
        java, switchType);
  }

  /** A method optkit itself annotated (its cache names start with "optkit."). */
  private static boolean isOptkitCache(MethodFact method) {
    return method.annotationValues().values().stream().anyMatch(v -> v.startsWith("optkit."));
  }

  public Optional<Path> pomFile() {
    return Optional.ofNullable(pom);
  }

  static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }
}
