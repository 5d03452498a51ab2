package dev.optkit.analyzers.facts.types;

import com.github.javaparser.ast.expr.Expression;
import java.util.Set;

/**
 * Logging and console output: what a log line carries changes no answer a method returns. The one list of logging
 * types, for the facts (a clock read only logged is no read of the clock) and the loop proofs (a log line's order and
 * thread context).
 */
public final class Loggers {
  /** Logging types, qualified. */
  public static final Set<String> QUALIFIED = Set.of("org.slf4j.Logger", "java.util.logging.Logger",
      "org.apache.logging.log4j.Logger", "org.apache.logging.log4j.spi.ExtendedLogger", "org.apache.commons.logging.Log",
      "java.lang.System.Logger", "org.slf4j.ext.XLogger");

  /** Lombok's annotations that declare a logger field named {@code log} on their class. */
  private static final Set<String> LOMBOK_LOGS = Set.of("Slf4j", "XSlf4j", "Log4j2", "Log4j", "Log", "CommonsLog",
      "JBossLog", "Flogger", "CustomLog");

  private Loggers() {}

  /**
   * Whether an annotation on a class, as written ({@code Slf4j} or {@code lombok.extern.slf4j.Slf4j}), is Lombok's and
   * declares the class's {@code log} field.
   */
  public static boolean isLombokLog(String annotation) {
    return annotation.indexOf('.') < 0 ? LOMBOK_LOGS.contains(annotation)
        : annotation.startsWith("lombok.") && LOMBOK_LOGS.contains(annotation.substring(annotation.lastIndexOf('.') + 1));
  }

  /** Whether a qualified type name is a logging type. */
  public static boolean isLogger(String qualified) {
    return QUALIFIED.contains(qualified);
  }

  /** The simple name of a logging type ({@code Logger}, {@code Log}): for readers that see a declaration as written. */
  public static boolean isLoggerSimpleName(String simple) {
    return QUALIFIED.stream().anyMatch(type -> type.substring(type.lastIndexOf('.') + 1).equals(simple));
  }

  /** {@code System.out} or {@code System.err}, written so. */
  public static boolean isConsole(Expression scope) {
    String text = scope.toString();
    return text.equals("System.out") || text.equals("System.err");
  }
}
