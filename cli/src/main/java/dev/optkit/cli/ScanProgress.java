package dev.optkit.cli;

import dev.optkit.analyzers.Assessor;

/**
 * What a scan shows on stderr while it runs ({@link ReportOptions#scanProgress}): a bar redrawn in place on a
 * terminal ({@link ProgressBar}), a line per phase when piped or in CI ({@link PhaseLines}), or nothing. Never on
 * stdout, where a report may be read by a program.
 */
interface ScanProgress extends Assessor.Progress {
  /** Clears the bar, or ends a phase line left open; before anything else is printed. Idempotent. */
  void finish();

  /**
   * A line of its own about the scan (what a dependency resolution fetches and takes), said where the progress is: over
   * the bar, between a phase's start and its end, or nowhere when the progress says nothing.
   */
  void note(String line);

  ScanProgress NONE = new ScanProgress() {
    @Override
    public void filesDone(int done, int total) {}

    @Override
    public void note(String line) {}

    @Override
    public void finish() {}
  };
}
