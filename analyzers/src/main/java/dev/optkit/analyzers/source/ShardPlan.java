package dev.optkit.analyzers.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which shard of a run parses each file: balanced by size, the largest files first, each to the shard with the fewest
 * bytes so far (the lowest-numbered on a tie). Deterministic: the same files of the same sizes give the same plan on
 * every machine, whatever order they were listed in.
 */
public final class ShardPlan {
  private ShardPlan() {}

  /**
   * @param count how many shards, at least 1
   * @return for each file, in the order given, its shard, from 1
   */
  public static int[] assign(List<SourceFile> files, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a run has at least one shard");
    }
    record Sized(int position, String path, long bytes) {}
    List<Sized> sized = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      sized.add(new Sized(i, files.get(i).relativePath(), size(files.get(i))));
    }
    sized.sort(Comparator.comparingLong(Sized::bytes).reversed().thenComparing(Sized::path));
    long[] load = new long[count];
    int[] shard = new int[files.size()];
    for (Sized file : sized) {
      int lightest = 0;
      for (int s = 1; s < count; s++) {
        if (load[s] < load[lightest]) {
          lightest = s;
        }
      }
      load[lightest] += Math.max(1, file.bytes());
      shard[file.position()] = lightest + 1;
    }
    return shard;
  }

  private static long size(SourceFile file) {
    try {
      return Files.size(file.absolutePath());
    } catch (IOException e) {
      return 0; // read again by its shard, which says what is wrong with it
    }
  }

  /** A shard as the command line gives it, {@code I/N}: the I-th of N, from 1. */
  public record Spec(int index, int count) {
    public Spec {
      if (count < 1 || index < 1 || index > count) {
        throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N (--shard 2/4 is the second of four)");
      }
    }

    /** {@code 2/4}; a usage error saying what to give for anything else. */
    public static Spec parse(String text) {
      int slash = text == null ? -1 : text.indexOf('/');
      if (slash < 1 || slash == text.length() - 1) {
        throw new IllegalArgumentException("a shard is I/N (--shard 2/4 is the second of four), not " + text);
      }
      try {
        return new Spec(Integer.parseInt(text.substring(0, slash).strip()), Integer.parseInt(text.substring(slash + 1).strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("a shard is I/N with whole numbers (--shard 2/4), not " + text);
      }
    }

    @Override
    public String toString() {
      return index + "/" + count;
    }
  }
}
