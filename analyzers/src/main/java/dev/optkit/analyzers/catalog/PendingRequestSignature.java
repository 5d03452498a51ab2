package dev.optkit.analyzers.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * A type a declared client's method may answer that holds its request unsent: Retrofit's {@code Call}, a cold
 * publisher (RxJava's {@code Single}, Reactor's {@code Mono}, Mutiny's {@code Uni}) that a call adapter or a
 * declarative client makes. The method builds the request; it goes where one of {@code waits} (which block until the
 * answer: {@code execute}, {@code blockingGet}, {@code block}) or {@code starts} (which send it and return:
 * {@code enqueue}, {@code subscribe}) runs on what the method answered, or on an operator's result made from it.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PendingRequestSignature(String id, List<String> types, List<String> waits, List<String> starts) {

  public PendingRequestSignature {
    Objects.requireNonNull(id, "pending request id");
    types = List.copyOf(Objects.requireNonNull(types, "types of pending request " + id));
    waits = waits == null ? List.of() : List.copyOf(waits);
    starts = starts == null ? List.of() : List.copyOf(starts);
  }

  /** Whether a call of this name on the request sends it. */
  public boolean sends(String method) {
    return waits.contains(method) || starts.contains(method);
  }

  /** Whether a call of this name sends the request and returns before its answer comes. */
  public boolean startsOnly(String method) {
    return starts.contains(method);
  }
}
