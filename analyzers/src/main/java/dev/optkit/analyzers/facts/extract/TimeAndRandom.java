package dev.optkit.analyzers.facts.extract;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.Statement;
import dev.optkit.analyzers.facts.types.Loggers;
import dev.optkit.analyzers.facts.types.TypeNames;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A method's reads of values that change from call to call: the clock, random numbers, and settings
 * a cache key does not cover (the JVM's default locale and time zone, Spring's per-request locale).
 */
public final class TimeAndRandom {
  private static final Set<String> RANDOM_TYPES = Set.of(
      "java.util.Random", "java.security.SecureRandom", "java.util.concurrent.ThreadLocalRandom",
      "java.util.random.RandomGenerator", "java.time.Clock", "java.util.SplittableRandom");
  /**
   * Reads of settings a cache key does not cover: the JVM's (changeable at run time through their
   * setters), and Spring's per-request locale and time zone (one user's language served to another).
   */
  private static final Set<String> JVM_SETTINGS = Set.of("Locale.getDefault", "TimeZone.getDefault",
      "ZoneId.systemDefault", "System.getProperty", "System.getProperties", "Calendar.getInstance",
      "LocaleContextHolder.getLocale", "LocaleContextHolder.getTimeZone", "LocaleContextHolder.getLocaleContext");
  private static final Set<String> JVM_SETTING_HOLDERS = Set.of("Locale", "TimeZone", "ZoneId", "System", "Calendar",
      "LocaleContextHolder");
  /**
   * Reads of the JVM's running state, which changes by itself (trial 81: {@code Thread.activeCount()} in a health
   * answer, cached, showed 5 threads while 11 ran): threads, memory ({@code Runtime.getRuntime().freeMemory()}) and the
   * management beans' figures (uptime, load, heap).
   */
  private static final Set<String> PROCESS_STATE = Set.of("Thread.activeCount", "Thread.getAllStackTraces",
      "Thread.enumerate", "Runtime.getRuntime");
  private static final Set<String> TIME_OR_RANDOM_TYPES = Set.of(
      "Instant", "LocalDate", "LocalDateTime", "LocalTime", "ZonedDateTime", "OffsetDateTime", "Year", "YearMonth", "Clock");

  private final MethodScan m;
  private final FileScan file;

  public TimeAndRandom(MethodScan m) {
    this.m = m;
    this.file = m.file;
  }

  /**
   * What a recorded use reads, as a refusal says it: a JVM or request setting ({@code Calendar.getInstance()} takes the
   * default time zone and locale, whatever instant is set on it next: audit 13's n1), or the clock or a random source.
   */
  public static String whatItReads(String use) {
    if (PROCESS_STATE.stream().anyMatch(state -> use.contains(state + "(")) || use.contains("ManagementFactory.")) {
      return "the JVM's running state (threads, memory, uptime), which changes by itself";
    }
    for (String setting : JVM_SETTINGS) {
      if (use.contains(setting + "(")) {
        return setting.startsWith("Calendar") ? "the JVM's default time zone and locale, settings its key does not cover"
            : setting.startsWith("LocaleContextHolder") ? "the request's locale or time zone, which its key does not cover"
            : "a JVM setting its key does not cover";
      }
    }
    return "the clock, a random source or a setting its key does not cover";
  }

  /**
   * Whether a recorded use gives another value when read later or in another order: the clock (any reading, a
   * duration's too: hostile review 40's t15 named things by nanoTime) or a random source; not a setting of the JVM.
   */
  public static boolean changesFromReadToRead(String use) {
    return JVM_SETTINGS.stream().filter(setting -> !setting.equals("Calendar.getInstance"))
        .noneMatch(setting -> use.contains(setting + "("));
  }

  public void noteTimeOrRandom(MethodCallExpr call, String name, Expression scope) {
    if (scope != null && !(scope instanceof MethodCallExpr)) {
      TypeNames.Qualified receiver = m.locals.syntacticType(scope);
      if (receiver != null && RANDOM_TYPES.contains(receiver.name())) {
        noted(call);
        return;
      }
    }
    // LocalDateTime.now(), or java.time.LocalDateTime.now() written out, or now(clock) under a static import of it
    // (audit 15's u1: a menu for "today" from an injected Clock, cached past midnight)
    String imported = scope == null ? file.names.staticImportOwners(name).stream()
        .filter(owner -> owner.startsWith("java.time.")).map(owner -> owner.substring(owner.lastIndexOf('.') + 1))
        .findFirst().orElse(null) : null;
    String type = imported != null ? imported : scope instanceof NameExpr scopeName ? scopeName.getNameAsString()
        : scope instanceof FieldAccessExpr qualified && (qualified.toString().startsWith("java.")
            // written out in full (hostile review 94's c68ctl: a row mapper's name in the request's language)
            || qualified.toString().equals("org.springframework.context.i18n.LocaleContextHolder"))
            ? qualified.getNameAsString() : null;
    if (type == null) {
      return;
    }
    boolean time = (type.equals("System") && (name.equals("currentTimeMillis") || name.equals("nanoTime")))
        || (TIME_OR_RANDOM_TYPES.contains(type) && name.equals("now"))
        || (type.equals("Math") && name.equals("random"))
        || (type.equals("ThreadLocalRandom") && name.equals("current"))
        || (type.equals("UUID") && name.equals("randomUUID"))
        || JVM_SETTING_HOLDERS.contains(type) && JVM_SETTINGS.contains(type + "." + name)
        || PROCESS_STATE.contains(type + "." + name) || type.equals("ManagementFactory");
    if (time && !onlyLogged(call)) {
      noted(call);
    }
  }

  /**
   * Whether what the read gives reaches only log lines: it is an argument of a logging or console call, or it starts
   * a local every use of which is ({@code long start = System.nanoTime(); ... log.debug("took {}", System.nanoTime() -
   * start)}). A time that is only logged changes no answer (a trial's service was refused as reading the clock).
   */
  private boolean onlyLogged(MethodCallExpr call) {
    if (inLogArguments(call)) {
      return true;
    }
    if (!(call.getParentNode().orElse(null) instanceof VariableDeclarator local)
        || !(local.getParentNode().orElse(null) instanceof VariableDeclarationExpr)) {
      return false;
    }
    String name = local.getNameAsString();
    List<NameExpr> uses = call.findAncestor(CallableDeclaration.class).map(method -> method.findAll(NameExpr.class,
        use -> use.getNameAsString().equals(name))).orElse(List.of());
    return !uses.isEmpty() && uses.stream().allMatch(this::inLogArguments);
  }

  /** Whether the expression is inside an argument of a call that writes a log line or to the console. */
  private boolean inLogArguments(Expression expression) {
    for (Node child = expression, at = expression.getParentNode().orElse(null); at != null && !(at instanceof Statement);
        child = at, at = at.getParentNode().orElse(null)) {
      if (at instanceof MethodCallExpr logged && logged.getArguments().contains(child)
          && logged.getScope().filter(this::logsOrPrints).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private boolean logsOrPrints(Expression scope) {
    if (Loggers.isConsole(scope)) {
      return true;
    }
    TypeNames.Qualified receiver = scope instanceof NameExpr || scope instanceof FieldAccessExpr
        ? m.locals.syntacticType(scope) : null;
    if (receiver != null) {
      return Loggers.isLogger(receiver.name());
    }
    // Lombok's @Slf4j (and its kin) declares the log field nobody writes
    return scope instanceof NameExpr name && name.getNameAsString().equals("log")
        && scope.findAncestor(TypeDeclaration.class).map(type -> ((TypeDeclaration<?>) type).getAnnotations().stream()
            .anyMatch(annotation -> Loggers.isLombokLog(annotation.getNameAsString()))).orElse(false);
  }

  /** new Random(), and new Date() and new GregorianCalendar(), which hold the time they were made at. */
  public void noteCreation(ObjectCreationExpr creation, String created) {
    if (created.equals("Random") || created.equals("SecureRandom")
        || (created.equals("Date") || created.equals("GregorianCalendar")) && creation.getArguments().isEmpty()) {
      noted(creation);
    }
  }

  /** A read recorded: its text, and the node itself where it changes from read to read (a draw). */
  private void noted(Expression read) {
    String use = file.text.snippet(read);
    m.timeOrRandom.add(use);
    if (changesFromReadToRead(use)) {
      m.draws.add(read);
    }
  }
}
