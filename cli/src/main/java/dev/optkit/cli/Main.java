package dev.optkit.cli;

import picocli.CommandLine;

/** Entry point of the executable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (Error error) {
      // picocli hands only exceptions to the handler below; an Error (a StackOverflowError deep in an
      // analysis) left main with a thread dump and a JVM kept alive by any non-daemon thread
      System.err.println("optkit: internal error: " + error);
      System.err.println("Set OPTKIT_DEBUG=1 for the stack trace, and please report it.");
      if (System.getenv("OPTKIT_DEBUG") != null) {
        error.printStackTrace();
      }
      code = ExitCodes.INTERNAL;
    }
    System.exit(code);
  }

  public static int run(String... args) {
    CommandLine commandLine = commandLine();
    int code = commandLine.execute(args);
    commandLine.getOut().flush();
    commandLine.getErr().flush();
    return code;
  }

  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new OptkitCommand());
    commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
      cmd.getErr().println("optkit: internal error: " + exception);
      if (System.getenv("OPTKIT_DEBUG") != null) {
        exception.printStackTrace(cmd.getErr());
      } else {
        cmd.getErr().println("Set OPTKIT_DEBUG=1 for the stack trace, and please report it.");
      }
      return ExitCodes.INTERNAL;
    });
    commandLine.setExitCodeExceptionMapper(exception ->
        exception instanceof picocli.CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.INTERNAL);
    commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
    commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL);
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
      sub.getCommandSpec().exitCodeOnExecutionException(ExitCodes.INTERNAL);
    }
    return commandLine;
  }
}
