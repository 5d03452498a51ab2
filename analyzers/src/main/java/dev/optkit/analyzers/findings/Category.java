package dev.optkit.analyzers.findings;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of performance opportunity a finding describes. */
public enum Category {
  API_CALL("api-call"),
  DB_QUERY("db-query"),
  IO_LOOP("io-loop"),
  CACHEABLE_READ("cacheable-read"),
  EXISTING_CACHE("existing-cache"),
  DB_HINT("db-hint");

  private final String id;

  Category(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }
}
