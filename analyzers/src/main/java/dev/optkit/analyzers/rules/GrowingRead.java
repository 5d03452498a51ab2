package dev.optkit.analyzers.rules;

import dev.optkit.analyzers.findings.Finding;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.List;

/**
 * A read {@link UnboundedReadRule} reports, with what a planner needs to check that its answer grows with its table:
 * the finding and the statement as the code runs it ({@code SELECT * FROM} the table for Spring Data's
 * {@code findAll()}, which runs no SQL of the project's).
 *
 * @param path the file running it, as findings name files
 */
public record GrowingRead(Finding finding, String path, int line, String sql) {
  /** Whether the report's finding is this read's ({@link IndexHint#reportedAs}). */
  public boolean reportedAs(Finding reported) {
    return IndexHint.sameFinding(finding, reported);
  }

  /** Every read the rule reports. */
  public static List<GrowingRead> of(ProjectIndex index) {
    return new UnboundedReadRule().reads(index);
  }
}
