package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.ForEachStmt;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.facts.LoopFact;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.IndexedMethod;
import dev.optkit.analyzers.parse.LanguageLevels;
import dev.optkit.analyzers.proof.Reason;
import dev.optkit.analyzers.rules.LoopClassification;
import dev.optkit.rewriters.loops.LoopCandidate;
import dev.optkit.rewriters.loops.LoopCheck;
import dev.optkit.rewriters.loops.LoopContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * One proof of the loop registry asked of the one for-each loop a small project's assessment reports, alone: the loop
 * is found again in its file as migrate finds it, with the model's fact of it, but no other proof runs before it.
 */
final class OneLoopCheck {
  private OneLoopCheck() {}

  /** The verdict of {@code check} on the project's only loop finding. */
  static Optional<Reason> ask(MigrationFixture project, LoopCheck check) {
    Assessment assessment = project.assess();
    List<Finding> loops = assessment.findings().stream().filter(f -> f.ruleId().equals("SequentialIoLoop")).toList();
    assertEquals(1, loops.size(), "the project has one loop finding: " + loops);
    Finding finding = loops.get(0);
    IndexedMethod method = assessment.index().methods().stream()
        .filter(m -> m.path().equals(finding.path()) && m.fact().range().line() <= finding.line()
            && m.fact().range().endLine() >= finding.endLine())
        .reduce((outer, inner) -> inner.fact().range().line() >= outer.fact().range().line() ? inner : outer)
        .orElseThrow();
    LoopFact fact = method.fact().loops().stream()
        .filter(l -> l.range().line() == finding.line() && l.range().column() == finding.column()).findFirst().orElseThrow();
    CompilationUnit unit;
    try {
      unit = LanguageLevels.parse(Files.readString(project.root().resolve(finding.path()))).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Node loop = unit.findAll(ForEachStmt.class).stream().filter(l -> l.getBegin().orElseThrow().line == finding.line())
        .findFirst().orElseThrow();
    LoopClassification classification = LoopClassification.of(finding.details().get("classification")).orElseThrow();
    LoopCandidate candidate = new LoopCandidate(finding, method, fact, loop, classification);
    return check.asks(classification) ? check.check(LoopContext.of(assessment.index(), project.root()), candidate)
        : Optional.empty();
  }

  /** The id of the check's refusal of the loop, or empty when it holds. */
  static Optional<String> refusalId(MigrationFixture project, LoopCheck check) {
    return ask(project, check).map(reason -> reason.proof().id());
  }
}
