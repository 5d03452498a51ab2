package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** One convention for every command: its report options, its exit codes in its own help. */
class CommandConventionTest {

  @Test
  void everyCommandTakesTheReportOptionsFromOneMixin() {
    Map<String, CommandLine> commands = Main.commandLine().getSubcommands();
    assertTrue(commands.keySet().containsAll(Set.of("assess", "migrate", "validate", "rules")), commands.keySet().toString());
    for (var command : commands.entrySet()) {
      var spec = command.getValue().getCommandSpec();
      assertTrue(spec.mixins().containsKey("report"), command.getKey() + " has the report mixin: " + spec.mixins().keySet());
      var mixin = spec.mixins().get("report");
      for (String name : new String[] {"--format", "--output", "--color", "--progress"}) {
        assertTrue(mixin.findOption(name) != null, command.getKey() + " " + name + " comes from the mixin");
        assertTrue(spec.findOption(name) != null, command.getKey() + " takes " + name);
      }
    }
  }

  @Test
  void eachCommandsHelpListsTheExitCodesItReturns() throws Exception {
    Map<String, Integer> constants = exitCodeConstants();
    for (var command : Main.commandLine().getSubcommands().entrySet()) {
      String name = command.getKey();
      Map<String, String> listed = command.getValue().getCommandSpec().usageMessage().exitCodeList();
      assertFalse(listed.isEmpty(), name + " lists exit codes");
      CliRun help = CliRun.of(name, "--help");
      assertEquals(0, help.exitCode());
      assertTrue(help.out().contains("Exit codes:"), help.out());
      for (var code : listed.entrySet()) {
        assertTrue(help.out().replaceAll("\\s+", " ").contains(code.getKey().strip() + " " + code.getValue().strip()
            .replaceAll("\\s+", " ")), name + " --help lists " + code + ":\n" + help.out());
      }
      // what the command's code can return, read from its source; picocli itself adds 2 (a bad option) and 3
      Set<Integer> returned = new TreeSet<>(Set.of(ExitCodes.USAGE, ExitCodes.INTERNAL));
      // its class and the command classes it extends (merge runs assess's call)
      for (Class<?> type = command.getValue().getCommand().getClass(); type.getPackageName().equals("dev.optkit.cli");
          type = type.getSuperclass()) {
        Path source = CliRun.repoRoot().resolve("cli/src/main/java/" + type.getName().replace('.', '/') + ".java");
        new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
            .parse(Files.readString(source)).getResult().orElseThrow().findAll(FieldAccessExpr.class).stream()
            .filter(access -> access.getScope().toString().equals("ExitCodes"))
            .forEach(access -> returned.add(constants.get(access.getNameAsString())));
      }
      Set<Integer> codes = new TreeSet<>();
      listed.keySet().forEach(k -> codes.add(Integer.parseInt(k.strip())));
      assertEquals(returned, codes, name + " lists exactly the codes it returns");
    }
    var commands = Main.commandLine().getSubcommands();
    assertNotEquals(commands.get("migrate").getCommandSpec().usageMessage().exitCodeList().get("1"),
        commands.get("validate").getCommandSpec().usageMessage().exitCodeList().get("1"),
        "each command says what 1 means for it");
  }

  @Test
  void codesReturnedAtRunTimeAreAmongThoseListed() throws Exception {
    var commands = Main.commandLine().getSubcommands();
    Path empty = Files.createTempDirectory("optkit-convention");
    String[][] runs = {
        {"rules"}, {"rules", "--format", "sarif"}, {"rules", "--no-such-option"},
        {"assess", empty.resolve("nope").toString()}, {"migrate", empty.resolve("nope").toString()},
        {"migrate", empty.toString(), "--undo"}, {"validate", empty.toString(), "--history"}, {"validate", empty.toString()},
    };
    for (String[] args : runs) {
      CliRun run = CliRun.of(args);
      Set<String> listed = commands.get(args[0]).getCommandSpec().usageMessage().exitCodeList().keySet();
      assertTrue(listed.stream().anyMatch(k -> k.strip().equals(String.valueOf(run.exitCode()))),
          String.join(" ", args) + " returned " + run.exitCode() + ", listed " + listed);
    }
  }

  @Test
  void theCliPageListsTheSameExitCodesAsTheHelp() throws Exception {
    String page = Files.readString(CliRun.repoRoot().resolve("docs/cli.md"));
    for (var command : Main.commandLine().getSubcommands().entrySet()) {
      for (var code : command.getValue().getCommandSpec().usageMessage().exitCodeList().entrySet()) {
        String row = "| " + command.getKey() + " | " + code.getKey().strip() + " | " + code.getValue() + " |";
        assertTrue(page.contains(row), "docs/cli.md is stale: it lacks " + row);
      }
    }
  }

  private static Map<String, Integer> exitCodeConstants() throws IllegalAccessException {
    Map<String, Integer> constants = new java.util.HashMap<>();
    for (Field field : ExitCodes.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
        constants.put(field.getName(), field.getInt(null));
      }
    }
    return constants;
  }
}
