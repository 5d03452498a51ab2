package dev.optkit.cli;

import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.Assessor;
import dev.optkit.analyzers.Printable;
import dev.optkit.analyzers.parse.ShardFile;
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
        + "on the same commit, with the same options.",
    modelTransformer = ExitCodes.Listed.class)
public final class MergeCommand extends AssessCommand {

  @Option(names = "--shard-file", paramLabel = "FILE", required = true,
      description = "A shard's file, from `assess --shard I/N --shard-out FILE`; give every shard's (repeat the option).")
  List<Path> shardFiles = new ArrayList<>();

  private final List<ShardFile.Shard> shards = new ArrayList<>();

  @Override
  public Integer call() {
    var err = spec.commandLine().getErr();
    if (shard != null || shardOut != null) {
      err.println(command() + ": --shard and --shard-out make a shard; merge reads them (--shard-file FILE)");
      return ExitCodes.USAGE;
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
    return super.call();
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
