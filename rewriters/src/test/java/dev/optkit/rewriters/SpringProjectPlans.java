package dev.optkit.rewriters;

import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import dev.optkit.rewriters.plan.MigrationPlan;
import dev.optkit.analyzers.proof.Proof;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the refusal-reason tests share: a Spring project in a temporary directory, planned, and the questions they
 * ask of its plan (the reason a method, or the first method whose name starts so, was refused; whether a method was
 * cached; whether a writer counts for a read); and a project an audit or a review reduced a case to, from the test
 * resources.
 */
abstract class SpringProjectPlans {
  @TempDir Path dir;

  MigrationFixture spring(String name) {
    return new MigrationFixture(dir.resolve(name)).file("pom.xml", MigrationSafetyTest.SPRING_POM);
  }

  static Optional<String> refusal(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst();
  }

  /** The refusal of {@code method} (a name), which must be refused: its proof and its reason. */
  static Refusal refusalOf(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(method + "(")).findFirst()
        .orElseThrow(() -> new AssertionError(method + " not refused: " + plan.targets() + " " + plan.refusals()));
  }

  /**
   * The reason of {@code owner}'s (a simple class name) refusal of {@code method}, or "not refused; cached: " and the
   * plan's cached reads.
   */
  static String refusal(MigrationPlan plan, String owner, String method) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingClass().endsWith("." + owner)
            && r.finding().enclosingMethod().startsWith(method + "("))
        .map(Refusal::reason).findFirst().orElse("not refused; cached: " + plan.targets().stream()
            .map(t -> t.method().fact().displayName()).toList());
  }

  /** The reason of the first refusal whose method's signature starts with {@code prefix} (a name's start, too). */
  static Optional<String> refusalStartingWith(MigrationPlan plan, String prefix) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(prefix))
        .map(Refusal::reason).findFirst();
  }

  static boolean cached(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName));
  }

  /** Whether the read of that display name is cached with no eviction at all. */
  static boolean cachedUnevicted(MigrationPlan plan, String displayName) {
    return plan.targets().stream().anyMatch(t -> t.method().fact().displayName().equals(displayName)
        && t.evictions().isEmpty());
  }

  /** The caching target of the read of that display name ({@code Class.method}), if it is cached. */
  static Optional<CachingTarget> target(MigrationPlan plan, String displayName) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(displayName)).findFirst();
  }

  /** The project an audit or a review reduced a case to, copied from the test resources {@code /<folder>/<name>}. */
  MigrationFixture caseProject(String folder, String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/" + folder + "/" + name);
  }

  /** That project, copied into a folder of another name (a case's twin beside the case). */
  MigrationFixture caseProject(String folder, String name, String copy) {
    return new MigrationFixture(dir.resolve(copy)).resources("/" + folder + "/" + name);
  }

  /** The plan of that project. */
  MigrationPlan casePlan(String folder, String name) {
    return new MigrationFixture(dir.resolve(name)).resources("/" + folder + "/" + name).plan();
  }

  /** The text of a case's file, {@code /<folder>/<path>} in the test resources. */
  static String caseText(String folder, String path) {
    try (var in = SpringProjectPlans.class.getResourceAsStream("/" + folder + "/" + path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Trial 85's department service's source file, in its case project {@code trial85/r3}. */
  static final String DEPARTMENT_SERVICE = "src/main/java/d/DepartmentService.java";

  /**
   * The plan of trial 85's department service (resources {@code trial85/r3}, the service's shapes cut down) with
   * {@code service} as its service's source, and a mapper beside it that maps a loaded department or one a supplier
   * gives it later.
   */
  MigrationPlan departmentPlan(String name, String service) {
    return caseProject("trial85", "r3", name).file(DEPARTMENT_SERVICE, service)
        .file("src/main/java/d/DepartmentMapper.java", """
            package d;
            import org.springframework.stereotype.Component;
            @Component
            public class DepartmentMapper {
                public DepartmentDto toDto(Department department) {
                    return new DepartmentDto(department.getId(), department.getTitle());
                }
                public DepartmentDto later(java.util.function.Supplier<Department> loaded) {
                    return toDto(loaded.get());
                }
            }
            """).plan();
  }

  /** The proof of the first refusal whose method's signature starts with {@code prefix}, if any. */
  static Optional<Proof> proofStartingWith(MigrationPlan plan, String prefix) {
    return plan.refusals().stream().filter(r -> r.finding().enclosingMethod().startsWith(prefix))
        .map(Refusal::proof).findFirst();
  }

  /** The first refusal naming {@code method} anywhere in it (its class, method or reason), as text; empty if none. */
  static String reason(MigrationPlan plan, String method) {
    return plan.refusals().stream().filter(r -> r.toString().contains(method)).map(Object::toString)
        .findFirst().orElse("");
  }

  /** Every refusal's reason, in the plan's order. */
  static List<String> reasons(MigrationPlan plan) {
    return plan.refusals().stream().map(Refusal::reason).toList();
  }

  /**
   * Whether the plan counts a writer as a writer of a read: it refuses the read, or evicts it there. (The eighth
   * audit's projects' writers were public overloads delegating to another, which could not evict before shape 8 was
   * fixed, so a counted writer was a refusal; now it is an eviction.)
   */
  static boolean countsWriter(MigrationPlan plan, String cached, String writer) {
    return plan.targets().stream().filter(t -> t.method().fact().displayName().equals(cached)).findFirst()
        .map(t -> t.evictions().stream().anyMatch(e -> e.writer().fact().displayName().equals(writer)))
        .orElse(true);
  }

  /**
   * A service whose {@code revoke(id)} loads a request entity through a private helper, runs {@code change} on it
   * and returns its status: a setter there is a write JPA makes at the flush (Bolohonov's
   * RequestServiceImpl.revokeRequest).
   */
  MigrationFixture revoke(String name, String change) {
    return spring(name)
        .java("""
            package shop;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Request {
                @Id
                private Long id;
                private String status;

                public String getStatus() {
                    return status;
                }

                public void setStatus(String status) {
                    this.status = status;
                }
            }
            """)
        .java("""
            package shop;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface RequestRepository extends JpaRepository<Request, Long> {
            }
            """)
        .java("""
            package shop;

            import org.springframework.stereotype.Service;
            import org.springframework.transaction.annotation.Transactional;

            @Service
            public class Requests {
                private final RequestRepository requests;

                public Requests(RequestRepository requests) {
                    this.requests = requests;
                }

                @Transactional
                public String revoke(Long id) {
                    Request request = load(id);
                    %s
                    return request.getStatus();
                }

                private Request load(Long id) {
                    return requests.findById(id).orElseThrow();
                }
            }
            """.formatted(change));
  }
}
