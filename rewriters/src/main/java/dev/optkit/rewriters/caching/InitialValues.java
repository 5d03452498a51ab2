package dev.optkit.rewriters.caching;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import dev.optkit.analyzers.index.ProjectIndex;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a field's initial value is the same for every object of its class: built only from literals,
 * the class's own constants, library constants, and library constructors and factories that read
 * nothing of the moment (an allow-list, after hostile review 55's H4: a static counter, a non-final
 * static, the default locale, the thread's name, a system property each gave objects their own value).
 */
final class InitialValues {
  /** Library types whose calls or objects read the moment, the thread, the JVM's settings or chance. */
  private static final Set<String> OF_THE_MOMENT = Set.of("System", "Locale", "Thread", "TimeZone", "Runtime",
      "ProcessHandle", "MDC", "ThreadContext", "SecurityContextHolder", "RequestContextHolder", "LocaleContextHolder",
      "Clock", "Instant", "LocalDate", "LocalDateTime", "LocalTime", "ZonedDateTime", "OffsetDateTime", "Calendar",
      "Date", "UUID", "Math", "ThreadLocalRandom", "Random", "SecureRandom", "ZoneId", "Charset", "ManagementFactory",
      "InetAddress", "ThreadLocal", "AtomicInteger", "AtomicLong");

  private InitialValues() {}

  /** What in the value may differ from one object's construction to the next; empty when nothing does. */
  static Optional<String> whyNotAlike(Expression value, ClassOrInterfaceDeclaration owner, ProjectIndex index) {
    if (value instanceof LiteralExpr || value instanceof ClassExpr) {
      return Optional.empty();
    }
    if (value instanceof EnclosedExpr enclosed) {
      return whyNotAlike(enclosed.getInner(), owner, index);
    }
    if (value instanceof CastExpr cast) {
      return whyNotAlike(cast.getExpression(), owner, index);
    }
    if (value instanceof BinaryExpr binary) {
      return whyNotAlike(binary.getLeft(), owner, index).or(() -> whyNotAlike(binary.getRight(), owner, index));
    }
    if (value instanceof NameExpr name) {
      // the class's own static final: set once, when the class loads, the same for every object
      boolean constant = owner.getFields().stream().anyMatch(field -> field.isStatic() && field.isFinal()
          && field.getVariables().stream().anyMatch(v -> v.getNameAsString().equals(name.getNameAsString())));
      return constant ? Optional.empty() : Optional.of(name.toString());
    }
    if (value instanceof FieldAccessExpr access) {
      // StandardCharsets.UTF_8, TimeUnit.SECONDS: a library's constant, by its name
      boolean constant = access.getNameAsString().equals(access.getNameAsString().toUpperCase(java.util.Locale.ROOT))
          && access.getScope() instanceof NameExpr type && library(type.getNameAsString(), index);
      return constant ? Optional.empty() : Optional.of(access.toString());
    }
    if (value instanceof ObjectCreationExpr creation) {
      String type = creation.getType().getNameAsString();
      if (creation.getAnonymousClassBody().isPresent() || !library(type, index)) {
        return Optional.of(creation.toString());
      }
      return arguments(creation.getArguments(), owner, index);
    }
    if (value instanceof MethodCallExpr call) {
      Optional<String> arguments = arguments(call.getArguments(), owner, index);
      if (arguments.isPresent()) {
        return arguments;
      }
      Expression scope = call.getScope().orElse(null);
      if (scope == null) {
        return Optional.of(call.toString()); // the class's own code
      }
      if (scope instanceof NameExpr type) {
        // HttpClient.newHttpClient(): a library's factory; a variable's method (lower case) is no factory
        return Character.isUpperCase(type.getNameAsString().charAt(0)) && library(type.getNameAsString(), index)
            ? Optional.empty() : Optional.of(call.toString());
      }
      if (scope instanceof FieldAccessExpr qualified && Character.isUpperCase(qualified.getNameAsString().charAt(0))) {
        return library(qualified.getNameAsString(), index) ? Optional.empty() : Optional.of(call.toString());
      }
      // HttpClient.newBuilder().connectTimeout(..).build(): the builder's chain, link by link
      return whyNotAlike(scope, owner, index);
    }
    return Optional.of(value.toString());
  }

  private static Optional<String> arguments(com.github.javaparser.ast.NodeList<Expression> arguments,
      ClassOrInterfaceDeclaration owner, ProjectIndex index) {
    for (Expression argument : arguments) {
      Optional<String> why = whyNotAlike(argument, owner, index);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /** A type of a library that reads nothing of the moment: not the project's, not one of OF_THE_MOMENT. */
  private static boolean library(String simpleName, ProjectIndex index) {
    return !OF_THE_MOMENT.contains(simpleName) && index.typesNamed(simpleName).isEmpty();
  }
}
