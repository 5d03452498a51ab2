package dev.optkit.cli;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.Printable;
import dev.optkit.analyzers.parse.ShardFile;
import dev.optkit.cli.report.OrgReport;
import dev.optkit.cli.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The whole-project phase of a run made in shards: every shard's facts ({@code assess --shard I/N}) checked against
 * this tree and this build, then the index, the rules and every report, the same byte for byte as one process's run.
 * It takes assess's options, which must be the ones the shards were made with.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = "Merges the shards of an assessment (`optkit assess PATH --shard I/N --shard-out FILE`, on one or "
        + "many machines) into its reports: the same, byte for byte, as `optkit assess PATH` in one process. Run it "
        + "on the same commit, with the same options. Or, with --org, many repositories' assessments into the "
        + "organisation's report.",
    modelTransformer = ExitCodes.Listed.class)
public final class MergeCommand extends AssessCommand {

  @Option(names = "--shard-file", paramLabel = "FILE",
      description = "A shard's file, from `assess --shard I/N --shard-out FILE`; give every shard's (repeat the option).")
  List<Path> shardFiles = new ArrayList<>();

  @Option(names = "--org", paramLabel = "[NAME=]FILE",
      description = "Instead of shards: one repository's assessment (`assess --format json`), named NAME (default: the "
          + "file's name without .json); repeat for each repository. Writes the organisation's report: totals, the "
          + "findings ranked across repositories (--top), savings by repository and by rule; terminal, json, markdown "
          + "or html (SARIF stays per repository).")
  List<String> orgReports = new ArrayList<>();

  @Option(names = "--weights-out", paramLabel = "FILE",
      description = "Also write the time each file took in its shard, for the next run's shards to be shared out by "
          + "(`assess --shard I/N --shard-weights FILE`).")
  Path weightsOut;

  private final List<ShardFile.Shard> shards = new ArrayList<>();

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    if (shard != null || shardOut != null || shardWeights != null) {
      err.println(command() + ": --shard, --shard-out and --shard-weights make a shard; merge reads them (--shard-file FILE)");
      return ExitCodes.USAGE;
    }
    if (weightsOut != null && shardFiles.isEmpty()) {
      err.println(command() + ": --weights-out records the times of a run's shards: give them (--shard-file FILE...)");
      return ExitCodes.USAGE;
    }
    if (weightsOut != null) {
      try {
        ReportOptions.checkFolder("--weights-out", weightsOut); // a mistyped folder is an error, not a new tree
      } catch (IllegalArgumentException e) {
        err.println(command() + ": " + Printable.escape(String.valueOf(e.getMessage())));
        return ExitCodes.USAGE;
      }
    }
    if (orgReports.isEmpty() == shardFiles.isEmpty()) {
      err.println(command() + ": give every shard's file (--shard-file FILE...) to merge one assessment, or "
          + "repositories' reports (--org FILE...) to merge them into the organisation's");
      return ExitCodes.USAGE;
    }
    if (!orgReports.isEmpty()) {
      if (failOn != null || maxFindings != null || baseline != null || writeBaseline != null || since != null
          || sarifCategory != null) {
        err.println(command() + ": --org writes the organisation's report, which no gate or baseline applies to: gate "
            + "each repository's assess (--fail-on, --max-findings, --baseline, --since)");
        return ExitCodes.USAGE;
      }
      return organisation(err);
    }
    for (Path file : shardFiles) {
      try {
        shards.add(ShardFile.read(file));
      } catch (IOException e) {
        err.println(command() + ": cannot read shard " + Printable.escape(file.toString()) + ": "
            + Printable.escape(String.valueOf(e.getMessage())));
        return ExitCodes.USAGE;
      }
    }
    int merged = super.call();
    if (weightsOut != null && (merged == ExitCodes.OK || merged == ExitCodes.FINDINGS)) {
      java.util.Map<String, Long> times = new java.util.TreeMap<>();
      shards.forEach(one -> one.files().forEach(entry -> times.put(entry.path(),
          Math.min(dev.optkit.analyzers.source.ShardWeights.MAX_NANOS, Math.max(0, entry.nanos())))));
      try {
        new dev.optkit.analyzers.source.ShardWeights(dev.optkit.analyzers.source.ShardWeights.FORMAT, times).write(weightsOut);
      } catch (IOException e) {
        err.println(command() + ": cannot write --weights-out " + Printable.escape(weightsOut.toString()) + ": "
            + Printable.escape(String.valueOf(e.getMessage())));
        return ExitCodes.USAGE;
      }
    }
    return merged;
  }

  /** The organisation's report of the --org reports, in each format asked for. */
  private int organisation(java.io.PrintWriter err) {
    List<ReportOptions.Target> targets;
    OrgReport made;
    try {
      targets = report.targets("merge --org", java.util.EnumSet.of(ReportFormat.TERMINAL, ReportFormat.JSON,
          ReportFormat.MARKDOWN, ReportFormat.HTML));
      List<OrgReport.Input> inputs = new ArrayList<>();
      for (String given : orgReports) {
        int equals = given.indexOf('=');
        Path file = Path.of(equals < 0 ? given : given.substring(equals + 1));
        String fileName = String.valueOf(file.getFileName());
        String name = equals > 0 ? given.substring(0, equals)
            : fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
        inputs.add(new OrgReport.Input(name, file));
      }
      made = OrgReport.of(inputs, top);
    } catch (IllegalArgumentException | IOException e) {
      err.println(command() + ": " + Printable.escape(String.valueOf(e.getMessage())));
      return ExitCodes.USAGE;
    }
    for (ReportOptions.Target target : targets) {
      String text = switch (target.format()) {
        case JSON -> made.json();
        case MARKDOWN -> made.markdown();
        case HTML -> made.html();
        default -> made.terminal();
      };
      if (!ReportOptions.write("merge", target, text, spec.commandLine().getOut(), err)) {
        return ExitCodes.USAGE;
      }
    }
    return ExitCodes.OK;
  }

  @Override
  Assessment assessAnew(Assessor.Options options, ScanProgress progress, Assessor.Inputs inputs, long start) {
    return new Assessor().merge(options, progress, inputs, start, shards);
  }

  @Override
  boolean reusesAnswers() {
    return false;
  }
}
