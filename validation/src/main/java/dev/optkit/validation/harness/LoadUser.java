package dev.optkit.validation.harness;

/**
 * One user of the load test, on a thread of its own: asks the schedule when to start its next
 * request, draws the call while it waits, makes it within the watchdog's limit and counts it.
 */
final class LoadUser implements Runnable {
  private final int number;
  private final LoadClock clock;
  private final LoadSchedule schedule;
  private final ScenarioDriver.StepStream steps;
  private final LoadTally.User tally;
  private volatile Throwable failure;

  LoadUser(int number, LoadClock clock, LoadSchedule schedule, ScenarioDriver.StepStream steps, LoadTally.User tally) {
    this.number = number;
    this.clock = clock;
    this.schedule = schedule;
    this.steps = steps;
    this.tally = tally;
  }

  @Override
  public void run() {
    try (CallWatchdog.Slot watched = CallWatchdog.slot()) {
      long free = clock.start();
      while (true) {
        long intended = schedule.next(number, free);
        if (intended == LoadSchedule.STOP) {
          return;
        }
        ScenarioDriver.Step step = steps.next(); // drawn before its time, when the user is early
        clock.sleepUntil(intended);
        long start = clock.now();
        watched.beginCall(() -> "a call of load test user " + (number + 1) + ", " + step.named());
        boolean failed = false;
        try {
          ScenarioDriver.invoke(step);
        } catch (Throwable thrown) {
          failed = true; // counted; the replay reports what the calls answered
        }
        long finish = clock.now();
        watched.end();
        tally.record(step.write(), failed, intended, free, start, finish);
        free = finish;
      }
    } catch (RuntimeException | Error harness) {
      failure = harness; // the harness's own failure (drawing a call), for the load test to end with
    }
  }

  Throwable failure() {
    return failure;
  }
}
