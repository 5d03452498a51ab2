package dev.optkit.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * optkit's exit codes, the same numbers for every command, and what each means for each command:
 * the one source of every {@code --help}'s "Exit codes:" list ({@link Listed}) and of docs/cli.md.
 */
public final class ExitCodes {
  /** Success: nothing at or above the failure threshold. */
  public static final int OK = 0;
  /** The command's gate failed: findings over the threshold, a criterion missed, a --strict problem. */
  public static final int FINDINGS = 1;
  /** Bad usage or configuration, or a state optkit refuses to work on; the message says what to do. */
  public static final int USAGE = 2;
  /** optkit itself, or the work it ran, failed; never reported as success. */
  public static final int INTERNAL = 3;

  private static final String USAGE_TEXT = "usage or configuration error (the message says what to do)";
  private static final String INTERNAL_TEXT = "internal error (OPTKIT_DEBUG=1 shows the stack trace)";

  /** What each code means for each command, by the command's name ({@code optkit} for the top one). */
  static Map<String, String> meanings(String command) {
    Map<String, String> codes = new LinkedHashMap<>();
    switch (command) {
      case "assess" -> {
        codes.put(code(OK), "no finding at or above --fail-on, not more than --max-findings");
        codes.put(code(FINDINGS), "a finding at or above --fail-on, or more than --max-findings");
        codes.put(code(USAGE), USAGE_TEXT);
        codes.put(code(INTERNAL), INTERNAL_TEXT);
      }
      case "merge" -> {
        codes.put(code(OK), "no finding at or above --fail-on, not more than --max-findings");
        codes.put(code(FINDINGS), "a finding at or above --fail-on, or more than --max-findings");
        codes.put(code(USAGE), USAGE_TEXT + ", or shards that cannot make one run's assessment (one missing or "
            + "given twice, another build, configuration or tree, a file changed since its shard read it)");
        codes.put(code(INTERNAL), INTERNAL_TEXT);
      }
      case "migrate" -> {
        codes.put(code(OK), "the plan shown (dry run), applied, undone or repaired");
        codes.put(code(FINDINGS), "--strict found a stale-data warning or a refused --only method (nothing "
            + "written), or --verify failed (the migration was rolled back)");
        codes.put(code(USAGE), USAGE_TEXT + ", uncommitted changes in files it would touch, another migrate "
            + "running, or an undo refused");
        codes.put(code(INTERNAL), INTERNAL_TEXT + ", or a write that failed (rolled back)");
      }
      case "validate" -> {
        codes.put(code(OK), "every criterion holds (undecided ones reported inconclusive), or --baseline-only or "
            + "--history");
        codes.put(code(FINDINGS), "a criterion failed, or with --strict could not be decided");
        codes.put(code(USAGE), USAGE_TEXT + ", or an unknown git ref or migration id");
        codes.put(code(INTERNAL), "the run failed (a build, a JVM, a timeout; the report says which), or " + INTERNAL_TEXT);
      }
      case "rules" -> {
        codes.put(code(OK), "the rules listed");
        codes.put(code(USAGE), USAGE_TEXT);
        codes.put(code(INTERNAL), INTERNAL_TEXT);
      }
      default -> {
        codes.put(code(OK), "success: nothing at or above the command's failure threshold");
        codes.put(code(FINDINGS), "the command's gate failed (see its --help)");
        codes.put(code(USAGE), USAGE_TEXT);
        codes.put(code(INTERNAL), INTERNAL_TEXT);
      }
    }
    return codes;
  }

  private static String code(int code) {
    return String.valueOf(code);
  }

  /** Puts the command's own meanings of the codes into its --help ({@code @Command(modelTransformer = ...)}). */
  public static final class Listed implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(meanings(spec.name()));
      return spec;
    }
  }

  private ExitCodes() {}
}
