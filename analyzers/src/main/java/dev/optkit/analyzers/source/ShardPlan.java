package dev.optkit.analyzers.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which shard of a run parses each file: balanced by weight, the heaviest files first, each to the shard with the least
 * weight so far (the lowest-numbered on a tie). A file's weight is the time an earlier run recorded for it ({@link
 * ShardWeights}), else its size at the recorded files' time per byte, else its size. Deterministic: the same files of
 * the same sizes and the same recorded times give the same plan on every machine, whatever order they were listed in.
 */
public final class ShardPlan {
  private ShardPlan() {}

  /**
   * @param count how many shards, at least 1
   * @return for each file, in the order given, its shard, from 1
   */
  public static int[] assign(List<SourceFile> files, int count) {
    return assign(files, count, ShardWeights.NONE);
  }

  /** As {@link #assign(List, int)}, each file weighed by the time {@code weights} recorded for it where it did. */
  public static int[] assign(List<SourceFile> files, int count, ShardWeights weights) {
    if (count < 1) {
      throw new IllegalArgumentException("a run has at least one shard");
    }
    record Sized(int position, String path, long weight) {}
    long[] sizes = new long[files.size()];
    java.math.BigInteger recordedNanos = java.math.BigInteger.ZERO;
    java.math.BigInteger recordedBytes = java.math.BigInteger.ZERO;
    for (int i = 0; i < files.size(); i++) {
      sizes[i] = size(files.get(i));
      Long recorded = weights.nanos().get(files.get(i).relativePath());
      if (recorded != null) {
        recordedNanos = recordedNanos.add(java.math.BigInteger.valueOf(recorded));
        recordedBytes = recordedBytes.add(java.math.BigInteger.valueOf(sizes[i]));
      }
    }
    List<Sized> sized = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Long recorded = weights.nanos().get(files.get(i).relativePath());
      long weight = recorded != null ? recorded : recordedBytes.signum() > 0
          ? java.math.BigInteger.valueOf(sizes[i]).multiply(recordedNanos).divide(recordedBytes)
              .min(java.math.BigInteger.valueOf(ShardWeights.MAX_NANOS)).longValue()
          : sizes[i];
      sized.add(new Sized(i, files.get(i).relativePath(), weight));
    }
    sized.sort(Comparator.comparingLong(Sized::weight).reversed().thenComparing(Sized::path));
    long[] load = new long[count];
    int[] shard = new int[files.size()];
    for (Sized file : sized) {
      int lightest = 0;
      for (int s = 1; s < count; s++) {
        if (load[s] < load[lightest]) {
          lightest = s;
        }
      }
      long weight = Math.max(1, file.weight());
      load[lightest] = load[lightest] > Long.MAX_VALUE - weight ? Long.MAX_VALUE : load[lightest] + weight;
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
