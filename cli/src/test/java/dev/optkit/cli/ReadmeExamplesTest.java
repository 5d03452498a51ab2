package dev.optkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's run: every {@code $ ./optkit ...} command of the README, run as printed, must exit as
 * the README says and print the lines it shows.
 *
 * <p>An example block is a fenced block with lines starting {@code $ }. Each such line that runs
 * {@code ./optkit} (also after {@code &&}, as in the set-up command) is run in-process through
 * picocli on a fresh git checkout of each bundled sample it names ({@code samples/X}), one checkout
 * per block, so commands of one block see each other's writes ({@code --apply}, then {@code --undo}).
 * The lines below a command, up to the next command, are what it prints: each must match a line of
 * its output, in order, where {@code ...} matches anything (a lone {@code ...} line only marks
 * skipped lines) and every number matches any number (timings, ids, commit hashes). A command ending
 * in {@code ; echo "exit $?"} must exit with the code of the {@code exit N} line it shows; any other
 * command must exit 0.
 */
class ReadmeExamplesTest {
  private static final String ECHO_EXIT = "; echo \"exit $?\"";
  /** The options whose value is a file of the run's own, kept in the block's folder. */
  private static final java.util.Set<String> FILE_OPTIONS = java.util.Set.of("-o", "--output", "--shard-out",
      "--shard-file");
  private static final Pattern SAMPLE = Pattern.compile("^samples/([A-Za-z0-9._-]+)(/.*)?$");

  @TempDir Path dir;

  record Command(String line, List<String> shown, int blockLine) {}

  record Block(int line, List<Command> commands) {}

  @TestFactory
  Stream<DynamicTest> everyReadmeCommandWorksAsPrinted() throws Exception {
    List<Block> blocks = examples(Files.readString(CliRun.repoRoot().resolve("README.md")));
    assertTrue(blocks.size() >= 5, "the README's example blocks: " + blocks);
    List<String> subcommands = blocks.stream().flatMap(b -> b.commands().stream())
        .map(c -> words(optkitPart(c.line())).get(1)).distinct().toList();
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      assertTrue(subcommands.contains(command), "the README has no example of optkit " + command);
    }
    return blocks.stream().map(block -> DynamicTest.dynamicTest("README line " + block.line(), () -> run(block)));
  }

  private void run(Block block) throws Exception {
    Path blockDir = Files.createDirectories(dir.resolve("block-" + block.line()));
    Map<String, Path> checkouts = new HashMap<>();
    for (Command command : block.commands()) {
      String text = optkitPart(command.line());
      int expectedExit = 0;
      List<String> shown = new ArrayList<>(command.shown());
      if (text.endsWith(ECHO_EXIT)) {
        text = text.substring(0, text.length() - ECHO_EXIT.length());
        String last = shown.isEmpty() ? "" : shown.remove(shown.size() - 1);
        assertTrue(last.matches("exit \\d+"), "line " + command.blockLine() + ": shows no 'exit N' after " + command.line());
        expectedExit = Integer.parseInt(last.substring("exit ".length()));
      }
      List<String> words = words(text);
      List<String> args = new ArrayList<>();
      for (int i = 1; i < words.size(); i++) {
        String word = words.get(i);
        Matcher sample = SAMPLE.matcher(word);
        // a file the command writes or reads back (a report, a shard), in the block's folder
        boolean outputFile = i > 1 && FILE_OPTIONS.contains(words.get(i - 1)) && !word.equals("-")
            && !Path.of(word).isAbsolute();
        if (sample.matches()) {
          Path checkout = checkouts.computeIfAbsent(sample.group(1), name -> {
            try {
              return SampleCheckout.create(Files.createDirectories(blockDir.resolve(name)), name);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
          args.add(checkout + (sample.group(2) == null ? "" : sample.group(2)));
        } else if (outputFile) {
          args.add(blockDir.resolve(word).toString());
        } else {
          args.add(word);
        }
      }
      CliRun run = CliRun.of(args.toArray(String[]::new));
      String printed = "\n--- stdout:\n" + run.out() + "\n--- stderr:\n" + run.err();
      assertEquals(expectedExit, run.exitCode(), "README line " + command.blockLine() + ": " + command.line() + printed);
      assertShown(command, shown, run, printed);
    }
  }

  /** Each shown line matches an output line, in order within stdout; a line stdout lacks may be on stderr. */
  private static void assertShown(Command command, List<String> shown, CliRun run, String printed) {
    List<String> out = run.out().lines().toList();
    List<String> err = run.err().lines().toList();
    int next = 0;
    for (String line : shown) {
      if (line.isBlank() || line.strip().equals("...")) {
        continue;
      }
      Pattern pattern = pattern(line);
      int found = -1;
      for (int i = next; i < out.size() && found < 0; i++) {
        if (pattern.matcher(out.get(i).stripTrailing()).matches()) {
          found = i;
        }
      }
      if (found >= 0) {
        next = found + 1;
      } else if (err.stream().noneMatch(e -> pattern.matcher(e.stripTrailing()).matches())) {
        fail("README line " + command.blockLine() + ": " + command.line() + "\ndoes not print (in this order):\n"
            + line + printed);
      }
    }
  }

  /** The line as a pattern: "..." matches anything, a number any number, a run of spaces any run. */
  static Pattern pattern(String line) {
    Matcher special = Pattern.compile("(\\.\\.\\.)|([0-9][0-9a-fA-F,.]*)|(\\s+)").matcher(line.stripTrailing());
    StringBuilder regex = new StringBuilder();
    int at = 0;
    while (special.find()) {
      if (special.start() > at) {
        regex.append(Pattern.quote(line.substring(at, special.start())));
      }
      regex.append(special.group(1) != null ? ".*" : special.group(2) != null ? "[0-9][0-9a-fA-F,.]*" : "\\s+");
      at = special.end();
    }
    if (at < line.stripTrailing().length()) {
      regex.append(Pattern.quote(line.stripTrailing().substring(at)));
    }
    return Pattern.compile(regex.toString());
  }

  /** The fenced blocks with {@code $ ./optkit} commands, each command with the lines it shows. */
  static List<Block> examples(String readme) {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = readme.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```")) {
        continue;
      }
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).startsWith("```")) {
        end++;
      }
      List<Command> commands = new ArrayList<>();
      for (int j = start; j < end; j++) {
        if (!lines.get(j).startsWith("$ ")) {
          continue;
        }
        List<String> shown = new ArrayList<>();
        int k = j + 1;
        while (k < end && !lines.get(k).startsWith("$ ")) {
          shown.add(lines.get(k));
          k++;
        }
        if (!optkitPart(lines.get(j)).isEmpty()) {
          commands.add(new Command(lines.get(j).substring(2), shown, j + 1));
        }
      }
      if (!commands.isEmpty()) {
        blocks.add(new Block(start, commands));
      }
      i = end;
    }
    return blocks;
  }

  /** The {@code ./optkit ...} part of a command line ({@code mvn ... && ./optkit ...}), or "". */
  private static String optkitPart(String line) {
    String command = line.startsWith("$ ") ? line.substring(2) : line;
    int and = command.lastIndexOf("&& ");
    String last = (and >= 0 ? command.substring(and + 3) : command).strip();
    return last.startsWith("./optkit ") ? last : "";
  }

  /** Splits a shell command into words: spaces separate, single and double quotes group. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    assertFalse(quote != 0, "unbalanced quotes: " + command);
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
