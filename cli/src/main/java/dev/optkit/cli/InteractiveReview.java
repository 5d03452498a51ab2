package dev.optkit.cli;

import dev.optkit.analyzers.Printable;
import dev.optkit.analyzers.findings.Finding;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.cli.report.MigrationReport;
import dev.optkit.rewriters.edit.FileChange;
import dev.optkit.rewriters.plan.MigrationPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/**
 * Walks the planned changes one method at a time in the terminal: a coloured diff, then accept (y),
 * skip (n), accept all remaining (a) or quit (q), and a summary at the end.
 */
final class InteractiveReview {
  private static final String RESET = "\u001b[0m";
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String CYAN = "\u001b[36m";
  private static final String BOLD = "\u001b[1m";

  /** What the reviewer decided. */
  record Outcome(int accepted, int skipped, int unreviewed) {
    String summary() {
      return "Reviewed: " + accepted + " accepted, " + skipped + " skipped" + (unreviewed > 0 ? ", " + unreviewed + " not reviewed (quit)" : "") + ".";
    }
  }

  private final Terminal terminal;

  InteractiveReview(Terminal terminal) {
    this.terminal = terminal;
  }

  static InteractiveReview onSystemTerminal() {
    if (System.console() == null) {
      throw new IllegalStateException("--interactive needs a terminal; use --only/--exclude and --apply in scripts");
    }
    try {
      return new InteractiveReview(TerminalBuilder.builder().system(true).build());
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the terminal: " + e.getMessage());
    }
  }

  /**
   * @param planner the plan for a selection of findings, made as the whole plan was (its --accept-* options too),
   *     so each change's diff is the one applied
   */
  Outcome review(MigrationPlan plan, java.util.function.Function<Predicate<Finding>, MigrationPlan> planner,
      Predicate<Finding> selection, Set<String> accepted) {
    PrintWriter out = terminal.writer();
    boolean color = !"dumb".equals(terminal.getType());
    int skipped = 0;
    int index = 0;
    boolean all = false;
    Attributes saved = terminal.enterRawMode();
    try {
      List<Item> items = new java.util.ArrayList<>();
      for (CachingTarget target : plan.targets()) {
        items.add(new Item(target.finding().fingerprint(), "cache " + target.method().fact().displayName() + "() ("
            + target.form().name().toLowerCase() + ", " + target.policyName() + ": " + target.policy().ttlSeconds() + " s)",
            target.warnings()));
      }
      for (dev.optkit.rewriters.loops.LoopRewrite loop : plan.loops()) {
        items.add(new Item(loop.finding().fingerprint(), "loop: " + loop.describe(), List.of()));
      }
      for (Item item : items) {
        index++;
        String fingerprint = item.fingerprint();
        if (all) {
          accepted.add(fingerprint);
          continue;
        }
        MigrationPlan single = planner.apply(f -> f.fingerprint().equals(fingerprint) && selection.test(f));
        out.println(paint(color, BOLD, "[" + index + "/" + items.size() + "] " + Printable.escape(item.title())));
        for (String warning : item.warnings()) {
          out.println(paint(color, RED, "  warning: " + Printable.escape(warning)));
        }
        for (FileChange change : single.changes()) {
          for (String line : MigrationReport.shownDiff(change).split("\n")) {
            out.println(line.startsWith("+") && !line.startsWith("+++") ? paint(color, GREEN, line)
                : line.startsWith("-") && !line.startsWith("---") ? paint(color, RED, line)
                : line.startsWith("@@") ? paint(color, CYAN, line) : line);
          }
        }
        out.print("Apply this change? [y]es, [n]o, [a]ll remaining, [q]uit: ");
        out.flush();
        int key = read();
        out.println((char) Math.max(key, ' '));
        switch (Character.toLowerCase((char) key)) {
          case 'y' -> accepted.add(fingerprint);
          case 'a' -> {
            accepted.add(fingerprint);
            all = true;
          }
          case 'q' -> {
            return new Outcome(accepted.size(), skipped, items.size() - index + 1);
          }
          default -> skipped++;
        }
      }
    } finally {
      terminal.setAttributes(saved);
      out.flush();
    }
    return new Outcome(accepted.size(), skipped, 0);
  }

  /** One change to accept or skip: a cache or a loop rewrite. */
  private record Item(String fingerprint, String title, List<String> warnings) {}

  private int read() {
    NonBlockingReader reader = terminal.reader();
    try {
      int key;
      do {
        key = reader.read();
      } while (key == '\n' || key == '\r');
      return key < 0 ? 'q' : key;
    } catch (IOException e) {
      return 'q';
    }
  }

  private static String paint(boolean color, String code, String text) {
    return color ? code + text + RESET : text;
  }
}
