package dev.optkit.analyzers.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a client talks to: a remote API or a database. */
public enum ClientKind {
  API,
  DB;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static ClientKind of(String id) {
    for (ClientKind kind : values()) {
      if (kind.id().equalsIgnoreCase(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown client kind '" + id + "' (expected api or db)");
  }
}
