package dev.optkit.cli;

import dev.optkit.analyzers.rules.Rule;
import dev.optkit.analyzers.rules.RuleInfo;
import dev.optkit.analyzers.rules.Rules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.cli.report.ReportFormat;
import dev.optkit.analyzers.proof.Proof;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Lists the rules and migrate's proofs with their metadata (the rule tables of the README and docs/rules.md, and docs/rules.md's refusal table, are this command's markdown output).",
    modelTransformer = ExitCodes.Listed.class)
public final class RulesCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Mixin(name = "report")
  ReportOptions report = new ReportOptions();

  @Override
  public Integer call() {
    List<ReportOptions.Target> targets;
    try {
      targets = report.targets("rules", EnumSet.of(ReportFormat.TERMINAL, ReportFormat.JSON, ReportFormat.MARKDOWN));
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("optkit rules: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    for (ReportOptions.Target target : targets) {
      String text = switch (target.format()) {
        case MARKDOWN -> markdown() + "\n" + proofsMarkdown();
        case JSON -> json();
        default -> text();
      };
      if (!ReportOptions.write("rules", target, text, spec.commandLine().getOut(), spec.commandLine().getErr())) {
        return ExitCodes.USAGE;
      }
    }
    return ExitCodes.OK;
  }

  /** Every rule's metadata, in the rules' order: the same bytes for the same build. */
  static String json() {
    List<Map<String, String>> rules = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      RuleInfo info = rule.info();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("id", info.id());
      fields.put("category", info.category().id());
      fields.put("severity", info.severity().id());
      fields.put("title", info.title());
      fields.put("summary", info.summary());
      fields.put("description", info.description());
      fields.put("remediation", info.remediation());
      rules.add(fields);
    }
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rules) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the rules as JSON", e);
    }
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

  /**
   * migrate's proofs, one row each: docs/rules.md's refusal table ("What each refusal means"). Cells are markdown
   * already (the metadata is written for it); a '|' in one would end the cell, so it is escaped.
   */
  static String proofsMarkdown() {
    StringBuilder out = new StringBuilder("| Id | Stage | Printed words | What it means | What you can do |\n"
        + "|---|---|---|---|---|\n");
    for (Proof proof : Proof.values()) {
      out.append("| `").append(proof.id()).append("` | ").append(proof.stage().id()).append(" | ")
          .append(cell(proof.says())).append(" | ").append(cell(proof.summary())).append(" | ")
          .append(cell(proof.remedy())).append(" |\n");
    }
    return out.toString();
  }

  private static String cell(String markdown) {
    return markdown.replace("|", "\\|");
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
    out.append("Refusals: the proofs optkit migrate runs before it changes code (the id is in its JSON and in assess's "
        + "reports)\n\n");
    for (Proof proof : Proof.values()) {
      out.append(proof.id()).append(" (").append(proof.stage().id()).append("): ").append(proof.summary()).append('\n')
          .append("  Prints: ").append(proof.says()).append('\n')
          .append("  Remedy: ").append(proof.remedy()).append("\n\n");
    }
    return out.toString();
  }
}
