package dev.optkit.rewriters.caching.writers;

import dev.optkit.analyzers.facts.Access;
import dev.optkit.analyzers.facts.IoSite;
import dev.optkit.analyzers.facts.TypeFact;
import dev.optkit.analyzers.facts.Confidence;
import dev.optkit.analyzers.index.DataFootprint;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.source.SourceSet;
import dev.optkit.rewriters.caching.ProjectTraits;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Spring Data REST exports the project's repositories over HTTP: {@code POST}, {@code PUT}, {@code PATCH} and
 * {@code DELETE} on {@code /items/{id}} run the repository's save and delete from the library's own controllers,
 * which no project method calls and no eviction follows. With it on the class path (the module's pom or Gradle build
 * names {@code spring-boot-starter-data-rest} or {@code spring-data-rest-webmvc}, or a repository carries
 * {@code @RepositoryRestResource}), every repository interface counts as exported (its default detection exports
 * the public ones, whose visibility is not read here) but one annotated {@code @RepositoryRestResource(exported =
 * false)}, or one not annotated where the configuration sets {@code spring.data.rest.detection-strategy} to
 * {@code annotated}; a read of the data an exported repository's saves and deletes write is refused.
 */
public final class ExportedRepositories {
  private static final Set<String> ARTIFACTS = Set.of("spring-boot-starter-data-rest", "spring-data-rest-webmvc",
      "spring-data-rest-core");

  /** Spring Data's repository interfaces by simple name, for a supertype the solver left unqualified. */
  private static final Set<String> SPRING_DATA = Set.of("Repository", "CrudRepository", "ListCrudRepository",
      "PagingAndSortingRepository", "ListPagingAndSortingRepository", "JpaRepository", "MongoRepository");

  private final ProjectIndex index;
  private final List<Exported> exported;

  /** Annotations a repository may carry without Spring Data REST's annotated strategy exporting it. */
  private static final Set<String> UNEXPORTING = Set.of("Repository", "Transactional", "NoRepositoryBean",
      "SuppressWarnings", "Deprecated", "Lazy", "Primary", "Qualifier");

  private record Exported(String repository, DataFootprint writes) {}

  /** @param annotatedOnly the configuration exports only annotated repositories ({@code detection-strategy}) */
  public ExportedRepositories(ProjectIndex index, ProjectTraits traits, boolean annotatedOnly) {
    this.index = index;
    this.exported = onClassPath(index, traits) ? exported(index, annotatedOnly) : List.of();
  }

  /** Why a read cannot be cached: an exported repository writes what it reads; empty otherwise. */
  public Optional<String> whyNot(IndexedMethod cached) {
    if (exported.isEmpty()) {
      return Optional.empty();
    }
    List<DataFootprint> reads = index.reachedIo(cached).stream().filter(r -> r.site().access() == Access.READ)
        .map(r -> index.footprints().of(r.site())).toList();
    for (Exported repository : exported) {
      if (reads.stream().anyMatch(read -> read.overlaps(repository.writes()))) {
        return Optional.of("Spring Data REST exports " + ProjectTraits.simpleName(repository.repository())
            + " over HTTP: its POST, PUT, PATCH and DELETE endpoints save and delete what this method reads, from the "
            + "library's own controllers, where no eviction can follow them");
      }
    }
    return Optional.empty();
  }

  private static boolean onClassPath(ProjectIndex index, ProjectTraits traits) {
    boolean annotated = index.types().stream().anyMatch(type -> type.annotations().stream()
        .anyMatch(a -> a.equals("RepositoryRestResource") || a.endsWith(".RepositoryRestResource")));
    boolean maven = traits.pomFile().flatMap(dev.optkit.analyzers.source.MavenPom::read)
        .map(pom -> pom.dependencyArtifacts().stream().anyMatch(ARTIFACTS::contains)).orElse(false);
    return annotated || maven || traits.pomFile().isEmpty() && gradleNames(traits.root());
  }

  /**
   * A Gradle build script of the module, or its version catalog, naming one of the
   * artifacts (neither is XML: a text search is the read; {@code implementation(libs.boot.rest)}: hostile review 32's
   * r7).
   */
  private static boolean gradleNames(Path root) {
    // the module's own files only: its parent folder may be outside the project, which optkit never reads
    for (Path file : List.of(root.resolve("build.gradle"), root.resolve("build.gradle.kts"),
        root.resolve("gradle/libs.versions.toml"))) {
      try {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) <= 1024 * 1024) {
          String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
          if (ARTIFACTS.stream().anyMatch(text::contains)) {
            return true;
          }
        }
      } catch (java.io.IOException unreadable) {
        return true; // cannot tell: as if it were there
      }
    }
    return false;
  }

  /** Every Spring Data repository interface of the production code, with what its save and delete write. */
  private static List<Exported> exported(ProjectIndex index, boolean annotatedOnly) {
    List<Exported> found = new ArrayList<>();
    for (TypeFact type : index.types()) {
      String path = index.pathOfType(type.qualifiedName());
      if (!type.kind().equals("interface") || path == null || SourceSet.isTestPath(path)
          || !repository(index, type) || !exportedBy(type, annotatedOnly)) {
        continue;
      }
      DataFootprint saves = index.footprints().of(write(type.qualifiedName(), "save"));
      DataFootprint deletes = index.footprints().of(write(type.qualifiedName(), "delete"));
      java.util.Set<String> names = new java.util.TreeSet<>(saves.names());
      names.addAll(deletes.names());
      found.add(new Exported(type.qualifiedName(), new DataFootprint(saves.kind(), Set.copyOf(names),
          saves.unknown() || deletes.unknown())));
    }
    return found;
  }

  /** Whether Spring Data REST exports a repository, by its annotation (r9, r10 of hostile review 32). */
  private static boolean exportedBy(TypeFact repository, boolean annotatedOnly) {
    if (!repository.hasAnnotation("org.springframework.data.rest.core.annotation.RepositoryRestResource")) {
      // the annotated strategy exports @RestResource and annotations meta-annotated with either (hostile review
      // 33's r1, r3): only a repository with no annotation but Spring's own plain ones is left out
      return !annotatedOnly || repository.annotations().stream().anyMatch(a -> !UNEXPORTING.contains(
          a.substring(a.lastIndexOf('.') + 1)));
    }
    String exported = repository.annotationValue("org.springframework.data.rest.core.annotation.RepositoryRestResource",
        "exported");
    return !"false".equals(exported); // a constant optkit cannot read counts as exported
  }

  /** An interface extending one of Spring Data's repository interfaces, directly or through the project's own. */
  private static boolean repository(ProjectIndex index, TypeFact type) {
    for (String ancestor : index.supertypesOf(type.qualifiedName())) {
      Optional<TypeFact> fact = index.type(ancestor);
      if (fact.isPresent() && fact.get().superTypes().stream().anyMatch(s -> s.startsWith("org.springframework.data.")
          && s.endsWith("Repository") || SPRING_DATA.contains(s.substring(s.lastIndexOf('.') + 1)))) {
        return true;
      }
    }
    return false;
  }

  private static IoSite write(String repository, String method) {
    return new IoSite(dev.optkit.analyzers.catalog.ClientKind.DB, "spring-data-repository", "Spring Data repository",
        Access.WRITE, Confidence.HIGH, repository, method, null, null, null, null, false, false, false,
        new dev.optkit.analyzers.facts.SourceRange(1, 1, 1, 1), method + "()");
  }
}
