package dev.optkit.agent;

import dev.optkit.agent.counter.CallCounters;
import net.bytebuddy.asm.Advice;

/** The advice inlined into client methods: time the outermost call and count it on exit. */
final class Advices {
  private Advices() {
  }

  /** An HTTP request: {@code java.net.http.HttpClient.send/sendAsync} (sendAsync timed until its future returns). */
  static final class Http {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return CallCounters.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
      CallCounters.exit("http", start, thrown);
    }
  }

  /** A request of an {@code HttpURLConnection}: counted at the first call that makes it, once per connection. */
  static final class UrlConnection {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter(@Advice.This Object connection) {
      return CallCounters.enterConnection(connection);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
      CallCounters.exit("http", start, thrown);
    }
  }

  /** A JDBC statement execution: {@code execute*} of any {@code java.sql.Statement}, a batch counting once. */
  static final class Jdbc {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static long enter() {
      return CallCounters.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter long start, @Advice.Thrown Throwable thrown) {
      CallCounters.exit("jdbc", start, thrown);
    }
  }
}
