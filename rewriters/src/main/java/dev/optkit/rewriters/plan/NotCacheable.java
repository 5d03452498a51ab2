package dev.optkit.rewriters.plan;

import dev.optkit.analyzers.proof.Reason;
import java.util.Objects;

/**
 * A method that reads remote or database data but is no cacheable read, and why (assess's {@code CacheableReadMethod}
 * rule's reason, with its proof id).
 *
 * @param method the method as printed: {@code Type.name()}, with its parameter types when it is overloaded
 * @param path the file that declares it
 * @param member the method as findings name it ({@code Finding.enclosingMethod}), to find its call sites by
 * @param reason the proof that does not hold, and its words
 */
public record NotCacheable(String method, String path, String member, Reason reason) {
  public NotCacheable {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(reason, "reason");
  }

  /** The line migrate prints after "not cacheable: ". */
  public String line() {
    return method + ": " + reason.text();
  }
}
