package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.io.AtomicFile;
import dev.optkit.analyzers.Hashes;
import dev.optkit.rewriters.caching.CachingTarget;
import dev.optkit.rewriters.caching.Refusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Applies a migration plan (journal first, then one atomic write per file) and undoes one (each
 * file back to its original bytes, refusing files edited since unless forced).
 */
public final class Migrator {

  /** Thrown when a migration must not proceed; the message says why and nothing was written. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  private Migrator() {}

  /** Files the plan would write that have uncommitted changes in git (empty outside a git work tree). */
  public static List<String> dirtyFiles(MigrationPlan plan) {
    List<String> paths = plan.changes().stream().filter(c -> !c.created()).map(FileChange::path).toList();
    if (paths.isEmpty()) {
      return List.of();
    }
    List<String> command = new ArrayList<>(List.of("git", "status", "--porcelain", "--"));
    command.addAll(paths);
    try {
      Process process = new ProcessBuilder(command).directory(plan.root().toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return List.of(); // not a git work tree: nothing to protect against
      }
      List<String> dirty = new ArrayList<>();
      for (String line : output.split("\n")) {
        if (line.length() > 3) {
          dirty.add(line.substring(3).trim());
        }
      }
      return dirty;
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  /**
   * Writes the plan: checks first that every file is still as planned, journals the originals,
   * then replaces each file atomically. A write that fails puts back every file already written,
   * so the tree is never left half-migrated.
   */
  public static Journal apply(MigrationPlan plan, String optkitVersion, String configText) throws IOException, Refused {
    for (FileChange change : plan.changes()) {
      Path file = plan.root().resolve(change.path()).normalize();
      if (!file.startsWith(plan.root()) || change.path().contains("..")) {
        throw new Refused("refusing to write outside the project: " + change.path());
      }
      if (change.created() && Files.exists(file)) {
        throw new Refused(change.path() + " already exists; optkit will not overwrite it");
      }
      if (!change.created() && (!Files.exists(file) || !Hashes.sha256(Files.readAllBytes(file)).equals(Hashes.sha256(change.before())))) {
        throw new Refused(change.path() + " changed since the migration was planned; run migrate again");
      }
    }
    String id = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
        + Hashes.sha256(String.valueOf(System.nanoTime()).getBytes(StandardCharsets.UTF_8)).substring(0, 6);
    Path root = plan.root();
    List<Journal.Entry> entries = new ArrayList<>();
    for (FileChange change : plan.changes()) {
      entries.add(new Journal.Entry(change.path(), change.before() == null ? null : Hashes.sha256(change.before()),
          Hashes.sha256(change.after())));
    }
    List<String> cached = plan.targets().stream().map(Migrator::describe).toList();
    List<String> refused = plan.refusals().stream().map(Migrator::describe).toList();
    Journal journal = new Journal(id, optkitVersion, configText, entries, cached, refused);
    for (FileChange change : plan.changes()) {
      if (change.before() != null) {
        Path original = journal.original(root, change.path());
        Files.createDirectories(original.getParent());
        Files.write(original, change.before());
      }
    }
    journal.write(root);
    List<FileChange> written = new ArrayList<>();
    try {
      for (FileChange change : plan.changes()) {
        AtomicFile.write(root.resolve(change.path()), change.after());
        written.add(change);
      }
    } catch (IOException e) {
      for (FileChange change : written) {
        if (change.created()) {
          Files.deleteIfExists(root.resolve(change.path()));
        } else {
          AtomicFile.write(root.resolve(change.path()), change.before());
        }
      }
      Files.writeString(Journal.directory(root, id).resolve("undone"), "rolled back: " + e.getMessage() + "\n");
      throw new IOException("could not write " + (written.size() < plan.changes().size()
          ? plan.changes().get(written.size()).path() : "a file") + " (" + e.getMessage()
          + "); every file already written was put back", e);
    }
    return journal;
  }

  /** Restores every file of a migration; refuses, writing nothing, when one was edited since and not forced. */
  public static List<String> undo(Path root, String id, boolean force) throws IOException, Refused {
    Journal journal = Journal.read(root, id);
    List<String> edited = new ArrayList<>();
    for (Journal.Entry entry : journal.files()) {
      Path file = root.resolve(entry.path());
      String current = Files.exists(file) ? Hashes.sha256(Files.readAllBytes(file)) : null;
      boolean untouched = entry.sha256After().equals(current);
      boolean alreadyRestored = current == null ? entry.sha256Before() == null : current.equals(entry.sha256Before());
      if (!untouched && !alreadyRestored) {
        edited.add(entry.path());
      }
    }
    if (!edited.isEmpty() && !force) {
      throw new Refused("edited since migration " + id + ": " + String.join(", ", edited)
          + " (use --force to restore them anyway, losing those edits)");
    }
    List<String> restored = new ArrayList<>();
    for (Journal.Entry entry : journal.files()) {
      Path file = root.resolve(entry.path());
      if (entry.sha256Before() == null) {
        if (Files.deleteIfExists(file)) {
          restored.add(entry.path() + " (removed)");
        }
      } else {
        byte[] original = Files.readAllBytes(journal.original(root, entry.path()));
        if (!Files.exists(file) || !Hashes.sha256(Files.readAllBytes(file)).equals(entry.sha256Before())) {
          AtomicFile.write(file, original);
          restored.add(entry.path());
        }
      }
    }
    Files.writeString(Journal.directory(root, id).resolve("undone"), "undone\n");
    return restored;
  }

  /** Runs the project's build command in the project; true when it succeeds. */
  public static VerifyResult verify(Path root, String command) throws IOException {
    Process process = new ProcessBuilder("sh", "-c", command).directory(root.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return new VerifyResult(false, output + "\n(interrupted)");
    }
    return new VerifyResult(process.exitValue() == 0, output);
  }

  /** The outcome of --verify. */
  public record VerifyResult(boolean success, String output) {}

  static String describe(CachingTarget target) {
    return target.method().fact().ownerType() + "." + target.method().fact().name() + " (" + target.form().name().toLowerCase()
        + ", " + target.cacheName() + ")";
  }

  public static String describe(Refusal refusal) {
    return refusal.finding().enclosingClass() + "." + refusal.finding().enclosingMethod() + ": " + refusal.reason();
  }

}
