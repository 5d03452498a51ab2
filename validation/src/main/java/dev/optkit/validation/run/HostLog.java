package dev.optkit.validation.run;

import dev.optkit.validation.harness.HostOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a host JVM's (or its JMH forks') output says about how it ended, read back from its log:
 * the last phase it reported, the failure it marked ({@link HostOutput}), the root cause of the
 * last stack trace in it, an out-of-memory error, the JVM's own start-up errors, and its last
 * lines. The project shares the log and may fill it, so only its last {@value #TAIL_BYTES} bytes
 * are read and no line is kept past {@value #LINE_CHARS} characters.
 */
record HostLog(String phase, String failed, List<String> failedDetails, String traceRoot, List<String> traceFrames,
    String outOfMemory, String jvmError, List<String> lastLines) {
  static final long TAIL_BYTES = 8L << 20;
  static final int LINE_CHARS = 1000;
  private static final int DETAILS = 8;
  private static final int FRAMES = 4;
  /** A stack trace's first line: {@code pkg.SomeException: message}, as printStackTrace writes it. */
  private static final Pattern EXCEPTION = Pattern.compile(
      "^(?:Exception in thread \"[^\"]*\" )?(?:Caused by: )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*(?:Exception|Error|Throwable)[\\w$]*)(?::\\s?(.*))?$");
  private static final Pattern JVM_ERROR = Pattern.compile(
      "^(?:Error: .*|Error occurred during initialization of VM|Invalid (?:maximum|initial) heap size.*|"
          + "Could not reserve enough space.*|Unrecognized VM option.*|Could not create the Java Virtual Machine\\.)$");

  static HostLog empty() {
    return new HostLog(null, null, List.of(), null, List.of(), null, null, List.of());
  }

  /** @param scenario the scenario the host ran, which its phase lines name */
  static HostLog read(Path log, String scenario) {
    if (log == null || !Files.isRegularFile(log)) {
      return empty();
    }
    Scan scan = new Scan(HostOutput.PREFIX + scenario + ": ");
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
      long start = Math.max(0, channel.size() - TAIL_BYTES);
      channel.position(start);
      try (InputStream in = Channels.newInputStream(channel);
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) { // malformed bytes replaced
        boolean partial = start > 0; // the first line read is cut: skipped
        for (String line; (line = readLine(reader)) != null; partial = false) {
          if (!partial) {
            scan.accept(line);
          }
        }
      }
    } catch (IOException e) {
      scan.accept("(could not read " + log + ": " + e.getMessage() + ")");
    }
    return scan.result();
  }

  /** A line of at most {@value #LINE_CHARS} characters (the rest skipped), null at the end. */
  private static String readLine(Reader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    int c = reader.read();
    if (c < 0) {
      return null;
    }
    for (; c >= 0 && c != '\n'; c = reader.read()) {
      if (c != '\r' && line.length() < LINE_CHARS) {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  /** The log, line by line: each finding replaces an earlier one of its kind (the last one is how it ended). */
  private static final class Scan {
    private final String phasePrefix;
    private String phase;
    private String failed;
    private List<String> failedDetails = new ArrayList<>();
    private boolean inFailure;
    private String traceRoot;
    private List<String> traceFrames = new ArrayList<>();
    private boolean inTrace;
    private String outOfMemory;
    private String jvmError;
    private final Deque<String> last = new ArrayDeque<>();

    Scan(String phasePrefix) {
      this.phasePrefix = phasePrefix;
    }

    void accept(String line) {
      if (line.startsWith(HostOutput.FAILED)) {
        failed = line.substring(HostOutput.FAILED.length());
        failedDetails = new ArrayList<>();
        inFailure = true;
        return;
      }
      if (inFailure && line.startsWith(HostOutput.DETAIL)) {
        if (failedDetails.size() < DETAILS) {
          failedDetails.add(line.substring(HostOutput.DETAIL.length()).strip());
        }
        return;
      }
      inFailure = false;
      if (line.startsWith(phasePrefix)) {
        phase = line.substring(phasePrefix.length()).strip();
        return;
      }
      if (line.contains("java.lang.OutOfMemoryError")) {
        outOfMemory = line.strip();
      }
      Matcher exception = EXCEPTION.matcher(line);
      if (exception.matches()) {
        // a trace's first line starts a new trace; a "Caused by:" goes deeper in the same one
        traceRoot = exception.group(1) + (exception.group(2) == null ? "" : ": " + exception.group(2));
        traceFrames = new ArrayList<>();
        inTrace = true;
      } else if (inTrace && line.startsWith("\tat ")) {
        if (traceFrames.size() < FRAMES) {
          traceFrames.add(line.strip());
        }
      } else if (!line.startsWith("\t...")) {
        inTrace = false;
      }
      if (jvmError == null && JVM_ERROR.matcher(line).matches()) {
        jvmError = line.strip();
      }
      if (!line.isBlank()) {
        last.addLast(line.strip());
        if (last.size() > 3) {
          last.removeFirst();
        }
      }
    }

    HostLog result() {
      return new HostLog(phase, failed, List.copyOf(failedDetails), traceRoot, List.copyOf(traceFrames), outOfMemory,
          jvmError, List.copyOf(last));
    }
  }
}
