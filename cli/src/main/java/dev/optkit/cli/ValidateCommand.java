package dev.optkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Benchmarks code before and after a migration (not yet available).", footer = ExitCodes.HELP)
public final class ValidateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("optkit validate: not yet available");
    return ExitCodes.USAGE;
  }
}
