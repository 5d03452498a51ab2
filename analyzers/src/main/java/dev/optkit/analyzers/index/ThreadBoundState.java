package dev.optkit.analyzers.index;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * State a library binds to the calling thread, one catalogue for every proof that asks: a cache keyed by a method's
 * parameters must not cache a read that depends on it (it holds the request's tenant, user or locale, and another
 * thread's caller would get this one's answer), and a loop must not hand a call that uses any of it to a pool thread
 * (there it holds another thread's state, or none).
 */
public final class ThreadBoundState {
  private ThreadBoundState() {}

  /** What a holder binds to the thread. */
  public enum Kind {
    /** What the caller is: tenant, user, request, locale, logging context. A read of it changes the answer. */
    CALLER_CONTEXT,
    /** What the thread is doing: its transaction, its connection or persistence context. */
    THREAD_RESOURCE
  }

  /**
   * A type whose state belongs to the calling thread.
   *
   * @param bySimpleName its simple name alone tells it (MDC); a name many projects give their own types (Context) is
   *     matched by its qualified name only
   */
  public record Holder(String qualifiedName, Kind kind, boolean bySimpleName) {
    Holder(String qualifiedName, Kind kind) {
      this(qualifiedName, kind, true);
    }

    public String simpleName() {
      return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
  }

  static final List<Holder> HOLDERS = List.of(
      new Holder("java.lang.ThreadLocal", Kind.CALLER_CONTEXT),
      new Holder("java.lang.InheritableThreadLocal", Kind.CALLER_CONTEXT),
      new Holder("org.springframework.core.NamedThreadLocal", Kind.CALLER_CONTEXT),
      new Holder("org.springframework.core.NamedInheritableThreadLocal", Kind.CALLER_CONTEXT),
      new Holder("io.opentelemetry.api.baggage.Baggage", Kind.CALLER_CONTEXT, false),
      new Holder("io.opentelemetry.context.Context", Kind.CALLER_CONTEXT, false),
      new Holder("io.grpc.Context", Kind.CALLER_CONTEXT, false),
      new Holder("io.netty.util.concurrent.FastThreadLocal", Kind.CALLER_CONTEXT),
      new Holder("com.alibaba.ttl.TransmittableThreadLocal", Kind.CALLER_CONTEXT),
      new Holder("org.slf4j.MDC", Kind.CALLER_CONTEXT),
      new Holder("org.apache.log4j.MDC", Kind.CALLER_CONTEXT),
      new Holder("org.jboss.logging.MDC", Kind.CALLER_CONTEXT),
      new Holder("org.apache.logging.log4j.ThreadContext", Kind.CALLER_CONTEXT),
      new Holder("org.springframework.security.core.context.SecurityContextHolder", Kind.CALLER_CONTEXT),
      new Holder("org.springframework.web.context.request.RequestContextHolder", Kind.CALLER_CONTEXT),
      new Holder("org.springframework.context.i18n.LocaleContextHolder", Kind.CALLER_CONTEXT),
      new Holder("org.springframework.transaction.support.TransactionSynchronizationManager", Kind.THREAD_RESOURCE),
      new Holder("org.springframework.transaction.support.TransactionTemplate", Kind.THREAD_RESOURCE),
      new Holder("jakarta.persistence.EntityManager", Kind.THREAD_RESOURCE),
      new Holder("javax.persistence.EntityManager", Kind.THREAD_RESOURCE),
      new Holder("org.hibernate.Session", Kind.THREAD_RESOURCE),
      new Holder("java.sql.Connection", Kind.THREAD_RESOURCE));

  /** Every holder's simple name: what a proof reading source text, where names are not resolved, matches. */
  public static Set<String> simpleNames() {
    return HOLDERS.stream().filter(Holder::bySimpleName).map(Holder::simpleName).collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Whether a call on a holder only changes what the thread holds ({@code MDC.put}, {@code ThreadContext.push},
   * {@code holder.set}, {@code remove}, {@code clear}): a write for the log or the next reader, no read of it.
   */
  public static boolean writesOnly(String method) {
    return method.startsWith("put") || method.startsWith("set") || method.startsWith("remove")
        || method.startsWith("clear") || method.startsWith("push");
  }

  /**
   * The holder of the caller's context a call's receiver is, by its qualified name, or by its simple name where the
   * extractor could not resolve it ({@code MDC} without slf4j on the class path). ThreadLocal's own subclasses count.
   */
  public static Optional<Holder> callerContext(String receiverType) {
    if (receiverType == null) {
      return Optional.empty();
    }
    return HOLDERS.stream().filter(h -> h.kind() == Kind.CALLER_CONTEXT)
        .filter(h -> h.qualifiedName().equals(receiverType) || h.bySimpleName() && h.simpleName().equals(receiverType))
        .findFirst();
  }
}
