package dev.optkit.validation.harness;

import dev.optkit.validation.spec.Workload;
import java.util.Locale;

/**
 * What set a load test's throughput, in one word and one line with the figures that show it.
 *
 * <ul>
 *   <li>{@code pacing}: the schedule asked for (the open model's rate, or {@code users /
 *       intervalMillis} in a paced closed model) was achieved to {@value #MET_PERCENT}%: the
 *       throughput is what was asked for, not what the code can do;
 *   <li>{@code code}: short of it because every user was busy with calls (a backlog), or, back to
 *       back, always: the throughput is what the code served;
 *   <li>{@code client}: short of it while users were free (the generator could not issue requests on
 *       time), or the generator's own work took over {@value #CLIENT_SHARE_PERCENT}% of the users'
 *       time.
 * </ul>
 *
 * Lateness alone does not change the verdict, as it does not change the throughput; but requests
 * started late while a user was free mean the latencies include the generator's lag, which the
 * reason then says.
 */
record LoadVerdict(String limitedBy, String reason) {
  static final int MET_PERCENT = 95;
  static final int CLIENT_SHARE_PERCENT = 20;
  /** Generator lateness worth a word: over this share of the requests due. */
  static final int LAG_NOTED_PERCENT = 5;

  /**
   * @param due requests due in the measured time; -1 back to back (nothing is scheduled)
   * @param seconds the measured time
   * @param hostCpu the host's CPU use then, 0 to 1, or null
   */
  static LoadVerdict of(Workload.LoadSpec spec, long due, LoadTally.Figures f, double seconds, Double hostCpu) {
    double clientShare = f.clientTimeShare();
    if (due < 0) {
      return clientShare * 100 > CLIENT_SHARE_PERCENT ? generatorBusy(clientShare, hostCpu)
          : new LoadVerdict(HostResult.Load.CODE, String.format(Locale.ROOT, "%d users back to back: the throughput "
              + "is what the code serves at that concurrency (mean call %s ms)%s", spec.users(), millis(f.meanCallNanos()),
              hostCpu != null && hostCpu >= 0.9 ? cpu(hostCpu) + ", shared with the load generator" : ""));
    }
    if (due == 0) { // a rate too low for the measured time: nothing to fall short of
      return new LoadVerdict(HostResult.Load.PACING, "no request came due in the measured time: raise load.seconds "
          + "or the rate");
    }
    double target = spec.open() ? spec.ratePerSecond() : paced(spec);
    double achieved = f.started / seconds;
    String asked = spec.open() ? "the target of " + number(target) + " calls/s"
        : "users / intervalMillis = " + number(target) + " calls/s";
    if (achieved * 100 >= target * MET_PERCENT) {
      return new LoadVerdict(HostResult.Load.PACING, String.format(Locale.ROOT, "%s was achieved (%s): the %s, not the "
          + "code, set the throughput%s", asked, number(achieved), spec.open() ? "arrival rate" : "pacing",
          lag(due, f, hostCpu)));
    }
    if (f.backlogged + f.neverStarted < f.clientLate) {
      return new LoadVerdict(HostResult.Load.CLIENT, String.format(Locale.ROOT, "%s was not achieved (%s) while users "
          + "were free: %,d of %,d requests due started over 1 ms late (the generator's own lag p99 %s ms)%s; the "
          + "load generator, not the code, fell behind", asked, number(achieved), f.clientLate, due,
          millis(f.clientLagP99Nanos), cpu(hostCpu)));
    }
    if (clientShare * 100 > CLIENT_SHARE_PERCENT) {
      return generatorBusy(clientShare, hostCpu);
    }
    double mean = f.meanCallNanos();
    String backlog = String.format(Locale.ROOT, "%,d of %,d requests due started over 1 ms late because of that and "
        + "%,d never started", f.backlogged, due, f.neverStarted);
    return new LoadVerdict(HostResult.Load.CODE, spec.open()
        ? String.format(Locale.ROOT, "%s was not achieved (%s): every one of the %d users was busy when requests came "
            + "due, %s (mean call %s ms: %d users complete at most ~%s calls/s; more users raise that only if the code "
            + "is not itself saturated)", asked, number(achieved), spec.users(), backlog, millis(mean), spec.users(),
            number(mean == 0 ? 0 : spec.users() * 1e9 / mean))
        : String.format(Locale.ROOT, "%s was not achieved (%s): calls outlasted the users' %d ms interval, %s (mean "
            + "call %s ms)", asked, number(achieved), spec.intervalMillis(), backlog, millis(mean)));
  }

  /** The closed model's ceiling with pacing: every user starting a request every interval. */
  static double paced(Workload.LoadSpec spec) {
    return spec.users() * 1000.0 / spec.intervalMillis();
  }

  private static LoadVerdict generatorBusy(double clientShare, Double hostCpu) {
    return new LoadVerdict(HostResult.Load.CLIENT, String.format(Locale.ROOT, "the users spent %.0f%% of their time "
        + "outside calls (drawing the next call, counting the last, waiting for a CPU)%s: the load generator, not the "
        + "code, set the throughput", clientShare * 100, cpu(hostCpu)));
  }

  /** The generator's lateness when it is worth saying: it is in the latencies measured from intended starts. */
  private static String lag(long due, LoadTally.Figures f, Double hostCpu) {
    if (f.clientLate * 100 <= due * LAG_NOTED_PERCENT) {
      return "";
    }
    return String.format(Locale.ROOT, "; but %,d of %,d requests due started over 1 ms late while a user was free (the "
        + "generator's own lag p99 %s ms%s), and the latencies include that", f.clientLate, due,
        millis(f.clientLagP99Nanos), cpu(hostCpu).replace("; ", ", "));
  }

  private static String cpu(Double hostCpu) {
    return hostCpu == null ? "" : String.format(Locale.ROOT, "; the host's CPU was %.0f%% busy", hostCpu * 100);
  }

  private static String millis(double nanos) {
    return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
  }
}
