package dev.optkit.rewriters.plan;

import dev.optkit.rewriters.caching.OptkitCacheConfigNames;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.analyzers.Assessment;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.text.PomDependencies;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.rewrite.RedisCacheClassesFile;
import dev.optkit.rewriters.caching.rewrite.RedisCacheConfigRewrite;
import dev.optkit.rewriters.caching.rewrite.StoredTypes;
import dev.optkit.rewriters.caching.rewrite.SpringCacheConfigRewrite;
import dev.optkit.rewriters.caching.rewrite.TwoLevelCacheConfigRewrite;
import dev.optkit.rewriters.caching.rewrite.WriteAwareCacheFile;
import dev.optkit.rewriters.caching.spring.SpringVersionFloor;
import dev.optkit.rewriters.caching.spring.SpringVersionFloor.CacheApi;
import dev.optkit.rewriters.edit.SourceDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The files a module's caching migration writes besides the cached classes: optkit's Spring cache
 * configuration (made, or extended when an earlier migration made it and its marker is intact) and the
 * pom's dependencies (Caffeine, spring-context-support, or Redis's starter and Jackson), with what the
 * module compiles against (Micrometer) deciding what the configuration binds.
 */
public final class CacheConfigFiles {
  private CacheConfigFiles() {}

  /**
   * Whether the module's OptkitCacheConfig, if it has one, loads once per key on {@code sync = true}: one
   * from an earlier migration, before that, would still answer right, but load on every concurrent miss.
   */
  static boolean springConfigIsNewOrSynced(Path scanRoot, String prefix, Assessment assessment) {
    return existingConfig(prefix, assessment).map(type -> cacheClassDeclares(assessment, type, "Load")).orElse(true);
  }

  /**
   * Whether the cache class of an existing configuration declares a nested type of that name: the class is
   * {@link WriteAwareCacheFile}'s beside the configuration, or, from a migration before it had a file of its own, the
   * configuration's nested {@code WriteAwareCache} (whose {@code WriteStart} was the configuration's own).
   */
  private static boolean cacheClassDeclares(Assessment assessment, String configType, String nested) {
    String configPackage = ProjectTraits.packageOf(configType);
    String ownFile = (configPackage.isEmpty() ? "" : configPackage + ".") + WriteAwareCacheFile.CLASS_NAME + "." + nested;
    return java.util.stream.Stream.of(ownFile, configType + ".WriteAwareCache." + nested, configType + "." + nested)
        .anyMatch(name -> assessment.index().type(name).isPresent());
  }

  /**
   * Whether an existing configuration is the two-level backend's: its local level is {@link RedisCacheClassesFile}'s
   * beside it, or, from a migration before that file, the configuration's own nested class.
   */
  static boolean twoLevel(Assessment assessment, String configType) {
    String configPackage = ProjectTraits.packageOf(configType);
    String ownFile = (configPackage.isEmpty() ? "" : configPackage + ".") + RedisCacheClassesFile.CLASS_NAME;
    return java.util.stream.Stream.of(ownFile, configType)
        .anyMatch(owner -> assessment.index().type(owner + "." + TwoLevelCacheConfigRewrite.LEVEL_CLASS).isPresent());
  }

  /**
   * Whether the eviction before a write names each cache's {@code WriteStart} view: the module's configuration, or the
   * one this migration writes, is the form for Spring before 5.2.8 ({@link SpringVersionFloor}).
   */
  static boolean springConfigHasWriteStarts(Path scanRoot, String prefix, Assessment assessment, ProjectTraits traits) {
    return existingConfig(prefix, assessment).map(type -> cacheClassDeclares(assessment, type, "WriteStart"))
        .orElse(SpringVersionFloor.api(traits.pom(), assessment.index().libraryVersions())
            != SpringVersionFloor.CacheApi.CURRENT);
  }

  /**
   * Whether the module's main code compiles against Micrometer: micrometer-core, a registry, or Spring
   * Boot's actuator starter (which brings both) in the compile scope of its pom or its parents'.
   */
  static boolean micrometer(ProjectTraits traits) {
    return compiledAgainst(traits, a -> a.equals("io.micrometer:micrometer-core")
        || a.startsWith("io.micrometer:micrometer-registry-") || a.equals("org.springframework.boot:spring-boot-starter-actuator"));
  }

  /** Whether the module compiles against a dependency ({@code groupId:artifactId}) that matches. */
  static boolean compiledAgainst(ProjectTraits traits, java.util.function.Predicate<String> dependency) {
    return traits.pomFile().flatMap(dev.optkit.analyzers.source.MavenPom::read)
        .map(pom -> pom.compileArtifacts().stream().anyMatch(dependency)).orElse(false);
  }

  /** False when the module has an OptkitCacheConfig whose marker line was removed by hand. */
  static boolean configExtendable(Path scanRoot, String prefix, Assessment assessment) {
    Optional<String> existing = existingConfig(prefix, assessment);
    if (existing.isEmpty()) {
      return true;
    }
    String path = assessment.index().pathOfType(existing.get());
    return SourceDocument.decode(read(scanRoot.resolve(path))).text().contains(SpringCacheConfigRewrite.MARKER);
  }

  /** What an earlier optkit's Redis cache class that reads back any class is, after its path. */
  public static final String READS_ANY_CLASS = "was written by an optkit before 2026-11-29, whose values read back from "
      + "Redis may name any class, which Jackson then loads and builds: whoever can write to the Redis chooses it "
      + "(CWE-502). Undo "
      + "that migration (optkit migrate --undo ID) and migrate again, so it is written anew with the classes it may read "
      + "(docs/cache-backends.md)";

  /**
   * The module's generated Redis cache classes (the Spring configuration, the plain Java {@code OptkitRedisCache}) an
   * earlier optkit wrote without {@code StoredTypes}, by path.
   */
  static List<String> readsAnyClass(Path scanRoot, String prefix, Assessment assessment) {
    return assessment.index().files().stream().filter(f -> f.path().startsWith(prefix))
        .filter(f -> f.types().stream().anyMatch(t -> t.simpleName().equals(OptkitCacheConfigNames.CLASS_NAME)
            || t.simpleName().equals(dev.optkit.rewriters.caching.backends.PlainRedisCacheFile.CLASS_NAME)))
        .map(f -> f.path()).sorted()
        .filter(path -> {
          String text = SourceDocument.decode(read(scanRoot.resolve(path))).text();
          // every earlier one activates default typing by that call (with Jackson's allow-everything validator, or a
          // validator that sees only what precedes a generic id's '<'); the checked typing is set by setDefaultTyping
          return text.contains("activateDefaultTyping(");
        })
        .toList();
  }

  static Optional<String> existingConfig(String prefix, Assessment assessment) {
    return assessment.index().files().stream()
        .filter(f -> f.path().startsWith(prefix))
        .flatMap(f -> f.types().stream())
        .filter(t -> t.simpleName().equals(OptkitCacheConfigNames.CLASS_NAME))
        .map(t -> t.qualifiedName())
        .findFirst();
  }

  /**
   * @param togglzSwitch the switch class this migration creates with the Togglz rollout, which the new configuration
   *     hands the application's FeatureManager to; null for none
   */
  static List<FileChange> springConfig(Path scanRoot, String prefix, Assessment assessment, ProjectTraits traits,
      Path sourceRoot, String firstPackage, List<CachingTarget> targets, String indent, String nl, boolean redis,
      boolean twoLevel, String togglzSwitch) {
    Optional<String> existingType = existingConfig(prefix, assessment);
    if (existingType.isPresent()) {
      String path = assessment.index().pathOfType(existingType.get());
      byte[] before = read(scanRoot.resolve(path));
      SourceDocument document = SourceDocument.decode(before);
      String extended = SpringCacheConfigRewrite.extend(document.text(), targets, twoLevel(assessment, existingType.get()),
          document.lineSeparator()).orElseThrow();
      // a value of a class in a package the project gained since may be read back too
      extended = StoredTypes.withPackages(extended, StoredTypes.applicationPackages(assessment.index()),
          document.lineSeparator()).orElse(extended);
      return List.of(new FileChange(path, before, document.encode(extended),
          List.of("registers " + targets.size() + " more cache(s) in " + OptkitCacheConfigNames.CLASS_NAME)));
    }
    String pkg = traits.configurationPackage() != null ? traits.configurationPackage() : firstPackage;
    Path file = sourceRoot.resolve(pkg.replace('.', '/')).resolve(OptkitCacheConfigNames.CLASS_NAME + ".java");
    if (redis) {
      String text = withTogglz(RedisCacheConfigRewrite.create(pkg, traits.existingSpringCaching(),
          !traits.enableCachingPresent(), traits.transactions(), twoLevel, micrometer(traits), targets,
          StoredTypes.applicationPackages(assessment.index()), indent, nl),
          togglzSwitch, indent, nl);
      return List.of(new FileChange(relative(scanRoot, file), null, text.getBytes(StandardCharsets.UTF_8),
          List.of("Redis cache " + (traits.existingSpringCaching() ? "resolver" : "manager") + " with "
              + (twoLevel ? "a local level in each JVM and " : "") + targets.size()
              + " expiring cache(s) shared by every instance")),
          new FileChange(relative(scanRoot, file.resolveSibling(RedisCacheClassesFile.CLASS_NAME + ".java")), null,
              RedisCacheClassesFile.create(pkg, twoLevel, micrometer(traits), indent, nl).getBytes(StandardCharsets.UTF_8),
              List.of("the classes of those caches: a writer that stores nothing a concurrent eviction overlapped, values "
                  + "that come back as written and name only the application's classes"
                  + (twoLevel ? ", the local level" : ""))));
    }
    CacheApi api = SpringVersionFloor.api(traits.pom(), assessment.index().libraryVersions());
    String text = withTogglz(SpringCacheConfigRewrite.create(pkg, traits.existingSpringCaching(),
        !traits.enableCachingPresent(), traits.transactions(), micrometer(traits), api,
        SpringVersionFloor.meterTagKey(traits.pom(), assessment.index().libraryVersions()), targets, indent, nl), togglzSwitch,
        indent, nl);
    return List.of(new FileChange(relative(scanRoot, file), null, text.getBytes(StandardCharsets.UTF_8),
        List.of("Caffeine cache " + (traits.existingSpringCaching() ? "resolver" : "manager") + " with "
            + targets.size() + " bounded, expiring cache(s)")),
        new FileChange(relative(scanRoot, file.resolveSibling(WriteAwareCacheFile.CLASS_NAME + ".java")), null,
            WriteAwareCacheFile.create(pkg, traits.transactions(), api != CacheApi.CURRENT, indent, nl)
                .getBytes(StandardCharsets.UTF_8),
            List.of("the cache class of those caches, which stores nothing a concurrent write may have made stale")));
  }

  /**
   * The configuration with a method Spring runs once it is made, handing the switch the application's Togglz
   * FeatureManager bean (review 75: FeatureContext found none without spring-web, where every cached read then failed,
   * nor from a ForkJoinPool's threads in a packaged jar, where the feature was ignored).
   */
  private static String withTogglz(String config, String togglzSwitch, String indent, String nl) {
    if (togglzSwitch == null) {
      return config;
    }
    int end = config.lastIndexOf('}');
    String hook = nl + indent + "/** The application's Togglz FeatureManager, which the caches' percentage rollout reads. */" + nl
        + indent + "@org.springframework.beans.factory.annotation.Autowired" + nl
        + indent + "void optkitTogglz(org.springframework.beans.factory.ObjectProvider<org.togglz.core.manager.FeatureManager> "
        + "features) {" + nl
        + indent + indent + "features.ifAvailable(" + togglzSwitch + "::useTogglz);" + nl
        + indent + "}" + nl;
    String body = config.substring(0, end);
    return body.stripTrailing() + nl + hook + config.substring(end);
  }

  /**
   * @param redis the Spring caches live in Redis: Spring Boot's starter for it (or, without Boot, the
   *     Spring Data Redis the pom has already) and Jackson, in place of Caffeine and spring-context-support
   * @param plain plain Java caches, which stay in Caffeine whatever the backend
   */
  static Optional<FileChange> pomChange(Path scanRoot, Path pom, ProjectTraits traits, boolean spring,
      boolean redis, boolean plain) {
    return pomChange(scanRoot, pom, traits, spring, redis, false, plain, false);
  }

  /**
   * @param twoLevel the Spring caches have a Caffeine level in each JVM in front of Redis: Caffeine too
   * @param plain some plain Java caches are local: Caffeine
   * @param plainInRedis some plain Java caches keep their entries in Redis: Jackson for their JSON (the project has
   *     Jedis already)
   */
  static Optional<FileChange> pomChange(Path scanRoot, Path pom, ProjectTraits traits, boolean spring,
      boolean redis, boolean twoLevel, boolean plain, boolean plainInRedis) {
    byte[] before = read(pom);
    SourceDocument document = SourceDocument.decode(before);
    String text = document.text();
    boolean managed = traits.springBoot();
    List<PomDependencies.Dependency> wanted = new ArrayList<>();
    if (plainInRedis) {
      wanted.addAll(dev.optkit.rewriters.caching.backends.PlainRedisBackend.pomDependencies(managed));
      if (!spring && !plain) {
        return PomDependencies.add(text, wanted).map(after -> new FileChange(relative(scanRoot, pom), before,
            document.encode(after), List.of("adds " + wanted.stream().map(PomDependencies.Dependency::artifactId)
                .reduce((a, b) -> a + " and " + b).orElse("") + " where missing, or where declared for runtime or tests only")));
      }
    }
    if (redis) {
      if (managed) {
        wanted.add(new PomDependencies.Dependency("org.springframework.boot", "spring-boot-starter-data-redis", null));
        // Jackson with java.time, for the JSON the values are written as
        wanted.add(new PomDependencies.Dependency("org.springframework.boot", "spring-boot-starter-json", null));
        // the generated configuration is written against Jackson 2 (com.fasterxml.jackson.databind), which Boot 4's
        // starter no longer brings (it brings Jackson 3, tools.jackson): Boot's BOM still manages its version
        wanted.add(new PomDependencies.Dependency("com.fasterxml.jackson.core", "jackson-databind", null));
        // and its java.time and Optional modules, which the mapper registers: without them, on Boot 4, no value holding
        // a LocalDate or an Optional was ever stored (trial 68)
        wanted.add(new PomDependencies.Dependency("com.fasterxml.jackson.datatype", "jackson-datatype-jsr310", null));
        wanted.add(new PomDependencies.Dependency("com.fasterxml.jackson.datatype", "jackson-datatype-jdk8", null));
      } else if (spring && !plainInRedis) {
        // Spring Data Redis declares Jackson optional: a module with it and a client but no Jackson of its own did
        // not compile the generated configuration ("package com.fasterxml.jackson.annotation does not exist")
        wanted.addAll(dev.optkit.rewriters.caching.backends.PlainRedisBackend.pomDependencies(false));
      }
      if (plain || twoLevel) {
        wanted.add(new PomDependencies.Dependency("com.github.ben-manes.caffeine", "caffeine",
            managed ? null : PomDependencies.caffeineFor(traits.javaRelease())));
      }
      if (wanted.isEmpty()) {
        return Optional.empty();
      }
    } else {
      wanted.add(new PomDependencies.Dependency("com.github.ben-manes.caffeine", "caffeine",
          managed ? null : PomDependencies.caffeineFor(traits.javaRelease())));
    }
    if (spring && !redis) {
      boolean bom = managed || text.contains("spring-framework-bom");
      // spring-context-support must match the Spring Framework version the pom declares
      String version = bom ? null : dev.optkit.analyzers.source.MavenPom.read(pom)
          .flatMap(model -> model.declaredVersion("org.springframework", "spring-")).orElse(null);
      wanted.add(new PomDependencies.Dependency("org.springframework", "spring-context-support", version));
    }
    return PomDependencies.add(text, wanted).map(after -> new FileChange(relative(scanRoot, pom), before,
        document.encode(after), List.of("adds " + wanted.stream().map(PomDependencies.Dependency::artifactId)
            .reduce((a, b) -> a + " and " + b).orElse("") + " where missing, or where declared for runtime or tests only")));
  }

  /**
   * An earlier migration's generated class with the application's packages it may read back from Redis brought up to
   * the project's, or empty when they are the same (or the class predates them).
   */
  static Optional<FileChange> withApplicationPackages(Path scanRoot, String path, List<String> packages) {
    byte[] before = read(scanRoot.resolve(path));
    SourceDocument document = SourceDocument.decode(before);
    return StoredTypes.withPackages(document.text(), packages, document.lineSeparator())
        .map(after -> new FileChange(path, before, document.encode(after),
            List.of("lets values of the application's packages " + packages.size() + " in all be read back from Redis")));
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static String relative(Path root, Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
