package dev.optkit.analyzers.parse;

import dev.optkit.analyzers.facts.FileFacts;
import dev.optkit.analyzers.facts.ParseProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What one shard of an assessment extracted ({@code optkit assess --shard I/N}), for {@code optkit merge} to run the
 * whole-project phase over: each file it was given, with the hash of the content it read and its facts, or the problem
 * that kept it from them. Written in the facts cache's encoding; read as hostile input (a CI artifact): bounded in
 * size, records only, never a class a file names.
 */
public final class ShardFile {
  private ShardFile() {}

  /** The format of the file; another is refused. */
  public static final int FORMAT = 2;

  /** A shard file is never read past this: spring-framework's whole facts are about 35 MB. */
  private static final long MAX_BYTES = 1L << 30;

  /**
   * @param key what the facts depend on besides each file's content (optkit's build, the facts' shape, the JDK, the
   *     configuration's clients, the dependency jars, the project's types): two shards merge only under one key
   * @param index this shard, from 1
   * @param count how many shards the run was split in
   * @param plan what the files were shared out by: {@link dev.optkit.analyzers.source.ShardWeights#digest} of the
   *     recorded times every shard of the run was given, or "sizes"
   * @param files each file the shard was given, in the run's order
   */
  public record Shard(int format, String key, int index, int count, String plan, List<Entry> files) {
    public Shard {
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  /**
   * One file of a shard.
   *
   * @param path relative to the scan, as the run names it
   * @param contentHash the SHA-256 of the content the shard read
   * @param facts the facts, encoded as the facts cache stores them; null when a problem kept the shard from them
   * @param problem why the file was not analysed, or analysed only in part; null when it was
   * @param nanos how long the shard took to parse and extract it, for the next run's plan ({@code merge --weights-out})
   */
  public record Entry(String path, String contentHash, byte[] facts, ParseProblem problem, long nanos) {}

  /** The entry of a file's outcome. */
  public static Entry entry(String path, String contentHash, FileFacts facts, ParseProblem problem, long nanos) {
    try {
      return new Entry(path, contentHash, facts == null ? null : FactsCache.encode(facts), problem, nanos);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot encode the facts of " + path, e);
    }
  }

  /** The facts an entry carries, or null when it carries none. */
  public static FileFacts facts(Entry entry) throws IOException {
    return entry.facts() == null ? null : FactsCache.decode(entry.facts());
  }

  /** Writes the shard to {@code file}, whole or not at all. */
  public static void write(Path file, Shard shard) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path partial = Files.createTempFile(folder, ".optkit-shard", ".part");
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
        FactsCache.mapper().writeValue(out, shard);
      }
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Reads a shard file.
   *
   * @throws IOException naming what is wrong: not a file, too large, not a shard, another format
   */
  public static Shard read(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("not a regular file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException("larger than " + MAX_BYTES + " bytes");
    }
    Shard shard;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), 1 << 16)) {
      shard = FactsCache.mapper().readValue(in, Shard.class);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IOException("not a shard file of optkit's", e);
    }
    if (shard == null || shard.format() != FORMAT) {
      throw new IOException("not a shard file of this optkit's format (" + FORMAT + ")");
    }
    if (shard.key() == null || shard.plan() == null || shard.count() < 1 || shard.index() < 1 || shard.index() > shard.count()
        || shard.files().stream().anyMatch(e -> e == null || e.path() == null || e.contentHash() == null)) {
      throw new IOException("a damaged shard file");
    }
    return shard;
  }
}
