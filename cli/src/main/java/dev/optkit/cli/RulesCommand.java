package dev.optkit.cli;

import dev.optkit.analyzers.rules.Rule;
import dev.optkit.analyzers.rules.RuleInfo;
import dev.optkit.analyzers.rules.Rules;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Lists the rules with their metadata (the README's rule table is this command's markdown output).",
    footer = ExitCodes.HELP)
public final class RulesCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or markdown. Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("markdown")) {
      spec.commandLine().getErr().println("optkit rules: unknown format '" + format + "' (expected text or markdown)");
      return ExitCodes.USAGE;
    }
    spec.commandLine().getOut().print(format.equals("markdown") ? markdown() : text());
    return ExitCodes.OK;
  }

  static String markdown() {
    StringBuilder out = new StringBuilder("| Rule | Category | Default severity | What it finds | Remedy |\n|---|---|---|---|---|\n");
    for (Rule rule : Rules.all()) {
      RuleInfo info = rule.info();
      out.append("| `").append(info.id()).append("` | ").append(info.category().id()).append(" | ")
          .append(info.severity().id()).append(" | ").append(info.summary()).append(' ').append(info.description())
          .append(" | ").append(info.remediation()).append(" |\n");
    }
    return out.toString();
  }

  private static String text() {
    StringBuilder out = new StringBuilder();
    for (Rule rule : Rules.all()) {
      RuleInfo info = rule.info();
      out.append(info.id()).append(" (").append(info.category().id()).append(", ").append(info.severity().id())
          .append("): ").append(info.title()).append('\n')
          .append("  ").append(info.summary()).append('\n')
          .append("  ").append(info.description()).append('\n')
          .append("  Remedy: ").append(info.remediation()).append("\n\n");
    }
    return out.toString();
  }
}
