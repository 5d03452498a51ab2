package dev.optkit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Rewrites code to add bounded caching (not yet available).", footer = ExitCodes.HELP)
public final class MigrateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("optkit migrate: not yet available");
    return ExitCodes.USAGE;
  }
}
