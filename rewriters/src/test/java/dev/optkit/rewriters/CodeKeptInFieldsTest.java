package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A class keeps code in a field only where it does (a method reference to itself in a field): implementing a
 * library interface, or a repository interface extending one with default methods, keeps none. Each case's comment
 * names the audit of optkit's refusal reasons on public projects (2026-11-25 on), the trial or the hostile review
 * it came from, and its project (a case naming none is from the first audit, a review of 30 refusals on four
 * projects); each stands beside a true twin, or a control: the code the reason names must do what it says.
 */
class CodeKeptInFieldsTest extends SpringProjectPlans {
  // ---- eleventh audit: s12: a writer's class implementing a library interface (UserDetailsService) read as keeping
  // code in a field

  @Test
  void aLibraryInterfaceHoldsNoCode() {
    MigrationPlan plan = caseProject("audit11", "s12-code-in-field", "s12").plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("keeps code in a field")), reasons(plan).toString());
    assertTrue(cached(plan, "VoteService.hasVoted"), reasons(plan).toString());
    // its true twin: the class does keep a method reference to itself in a field
    MigrationPlan code = caseProject("audit11", "s12-code-in-field", "s12-twin").file("src/main/java/r/MemberService.java", """
        package r;
        import org.springframework.stereotype.Service;
        @Service public class MemberService {
            private final MemberRepository repository;
            private final java.util.function.IntConsumer purge = this::delete;
            public MemberService(MemberRepository repository) { this.repository = repository; }
            public void delete(int id) { repository.delete(id); }
            public void purgeLater(int id) { purge.accept(id); }
        }
        """).plan();
    assertTrue(reasons(code).stream().anyMatch(r -> r.contains("keeps code in a field")), reasons(code).toString());
  }

  @Test
  void aRepositoryInterfaceHoldsNoCodeThroughWhatItExtends() {
    // audit 10's restaurant-voting: BaseRepository<T> extends JpaRepository<T, Integer>, its default deleteExisted
    MigrationPlan plan = caseProject("audit11", "s12-code-in-field", "s12-base").file("src/main/java/r/BaseRepository.java", """
        package r;
        @org.springframework.data.repository.NoRepositoryBean
        public interface BaseRepository<T> extends org.springframework.data.jpa.repository.JpaRepository<T, Integer> {
          default void deleteExisted(int id) { deleteById(id); }
        }
        """).file("src/main/java/r/MemberRepository.java", """
        package r;
        public interface MemberRepository extends BaseRepository<Member> { Member getByEmail(String email); }
        """).file("src/main/java/r/MemberService.java", """
        package r;
        @org.springframework.stereotype.Service public class MemberService {
          private final MemberRepository repository; public MemberService(MemberRepository repository) { this.repository = repository; }
          public void delete(int id) { repository.deleteExisted(id); }
        }
        """).plan();
    assertFalse(reasons(plan).stream().anyMatch(r -> r.contains("keeps code in a field")), reasons(plan).toString());
  }

  /**
   * A writer's object returned from a lambda kept by a static field: the name read is refused. (From hostile review
   * 37, case f2.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"f2"})
  void aWriterReturnedFromALambdaInAStaticFieldRefusesTheRead(String attack) {
    MigrationPlan plan = casePlan("hostile37", attack);
    assertFalse(cached(plan, "CatService.name"), plan.targets().toString());
  }
}
