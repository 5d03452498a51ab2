package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.index.ProjectIndex;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.rewriters.caching.ProjectTraits;
import dev.optkit.rewriters.caching.WholeProject;
import dev.optkit.rewriters.caching.planner.CachingPlanner;
import dev.optkit.rewriters.caching.proofs.Candidate;
import dev.optkit.rewriters.caching.proofs.MethodProof;
import dev.optkit.rewriters.caching.proofs.WriterObligationsProof;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One proof of the planner's registry asked of one method of a small project, alone: the project is assessed as
 * migrate assesses it and the proof gets the planner's own answers about it, but no other proof runs before it, so a
 * test shows what that one proof decides. A candidate is given the default policy's TTL, as a read no policy names.
 */
final class OneProof {
  private OneProof() {}

  /** The verdict of {@code proof} on {@code owner}'s (qualified) only method named {@code method}. */
  static Optional<Reason> ask(MigrationFixture project, MethodProof proof, String owner, String method) {
    Asked asked = asked(project, owner, method);
    return proof.check(asked.planner().proofContext(), asked.candidate());
  }

  /** What the writers of that method's data oblige its cache to do, or why one cannot evict it. */
  static WriterObligationsProof.Verdict writers(MigrationFixture project, String owner, String method) {
    Asked asked = asked(project, owner, method);
    return asked.planner().writerObligations().check(asked.candidate());
  }

  private record Asked(CachingPlanner planner, Candidate candidate) {}

  private static Asked asked(MigrationFixture project, String owner, String method) {
    ProjectIndex index = project.assess().index();
    CachingPlanner planner = new CachingPlanner(new WholeProject(index, project.root()), project.config(),
        ProjectTraits.of(project.root(), index), path -> true, Set.of());
    List<IndexedMethod> named = index.methods(owner, method);
    assertEquals(1, named.size(), owner + "." + method + " is no single method of the project: " + named);
    return new Asked(planner, planner.candidate(named.get(0))
        .named(project.config().effectiveCachePolicies().get("default").ttlSeconds()));
  }

  /** The id of the proof's refusal of that method, or empty when the proof holds for it. */
  static Optional<String> refusalId(MigrationFixture project, MethodProof proof, String owner, String method) {
    return ask(project, proof, owner, method).map(reason -> reason.proof().id());
  }
}
