package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README is documentation generated from code where it can be: keep it true. */
class ReadmeTest {

  private static String readme() throws Exception {
    return Files.readString(CliRun.repoRoot().resolve("README.md"));
  }

  @Test
  void ruleTableIsTheRulesCommandsOutput() throws Exception {
    assertTrue(readme().contains(RulesCommand.markdown()), "README rule table is stale: paste `./optkit rules --format markdown`");
    assertTrue(Files.readString(CliRun.repoRoot().resolve("docs/rules.md")).contains(RulesCommand.markdown()),
        "docs/rules.md's rule table is stale: paste `./optkit rules --format markdown`");
  }

  @Test
  void refusalTableIsTheProofsMetadata() throws Exception {
    assertTrue(Files.readString(CliRun.repoRoot().resolve("docs/rules.md")).contains(RulesCommand.proofsMarkdown()),
        "docs/rules.md's refusal table is stale: paste the second table of `./optkit rules --format markdown`");
  }

  @Test
  void startsANewUserWithExactlyTwoSetUpCommands() throws Exception {
    String readme = readme();
    String setUp = readme.substring(readme.indexOf("## Set up"), readme.indexOf("\n## ", readme.indexOf("## Set up") + 1));
    List<String> commands = setUp.lines().filter(l -> l.startsWith("    ") || l.startsWith("$ ")).toList();
    assertEquals(2, commands.size(), setUp);
    String ci = Files.readString(CliRun.repoRoot().resolve(".ci/run"));
    assertTrue(ci.contains(commands.get(1).replaceFirst("^(\\$ |    )", "").trim()), "CI must run the README's test command");
  }
}
