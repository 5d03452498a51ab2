package dev.optkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

@Command(
    name = "optkit",
    mixinStandardHelpOptions = true,
    versionProvider = OptkitCommand.Version.class,
    description = "Finds, fixes and proves performance wins in Java code: uncached remote API calls, "
        + "repeated or N+1 database queries, and sequential I/O loops.",
    subcommands = {AssessCommand.class, MergeCommand.class, MigrateCommand.class, ValidateCommand.class, RulesCommand.class},
    modelTransformer = ExitCodes.Listed.class)
public final class OptkitCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The version Maven stamped into the jar. */
  public static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"optkit " + current(), "JVM: ${java.version} (${java.vendor})"};
    }

    public static String current() {
      try (InputStream in = OptkitCommand.class.getResourceAsStream("/dev/optkit/cli/version.properties")) {
        Properties properties = new Properties();
        if (in != null) {
          properties.load(in);
        }
        return properties.getProperty("version", "dev");
      } catch (IOException e) {
        return "dev";
      }
    }
  }
}
