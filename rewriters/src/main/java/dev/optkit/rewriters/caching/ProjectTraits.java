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
    // Boot manages Caffeine's and Spring's versions only through its parent or its BOM, not its plugin
    boolean boot = pomText.contains("<artifactId>spring-boot-starter-parent</artifactId>")
        || pomText.contains("<artifactId>spring-boot-dependencies</artifactId>");
    boolean spring = springTypes || pomText.contains("<artifactId>spring-context") || boot;
    int java = javaRelease(pom, pomText);
    boolean existing = optkitBean != null ? optkitBean.equals(SpringCacheConfigRewrite.RESOLVER_BEAN)
        : enableCaching || cacheManagerBean || cacheableUsed || pomText.contains("spring-boot-starter-cache");
    return new ProjectTraits(root, Files.isRegularFile(pom) ? pom : null, spring, boot, existing, enableCaching, scan,
        java, switchType);
  }

  /** A method optkit itself annotated (its cache names start with "optkit."). */
  private static boolean isOptkitCache(MethodFact method) {
    return method.annotationValues().values().stream().anyMatch(v -> v.startsWith("optkit."));
  }

  /** The release the pom or, through relativePath, its parents set; 17 (optkit's floor) when none does. */
  private static int javaRelease(Path pom, String pomText) {
    Path current = pom;
    String text = pomText;
    for (int depth = 0; depth < 5 && !text.isEmpty(); depth++) {
      Matcher release = RELEASE.matcher(text);
      if (release.find()) {
        return Integer.parseInt(release.group(1));
      }
      Matcher parent = Pattern.compile("<parent>.*?(?:<relativePath>([^<]*)</relativePath>.*?)?</parent>", Pattern.DOTALL)
          .matcher(text);
      if (!parent.find()) {
        break;
      }
      String relative = parent.group(1) == null ? "../pom.xml" : parent.group(1).trim();
      if (relative.isEmpty()) {
        break;
      }
      Path next = current.getParent().resolve(relative).normalize();
      next = Files.isDirectory(next) ? next.resolve("pom.xml") : next;
      try {
        text = Files.isRegularFile(next) ? Files.readString(next) : "";
      } catch (IOException e) {
        text = "";
      }
      current = next;
    }
    return 17;
  }

  public Optional<Path> pomFile() {
    return Optional.ofNullable(pom);
  }

  public static String packageOf(String qualified) {
    int dot = qualified.lastIndexOf('.');
    return dot < 0 ? "" : qualified.substring(0, dot);
  }
}
