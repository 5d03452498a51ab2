package dev.optkit.cli.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.optkit.analyzers.Assessment;
import dev.optkit.analyzers.io.Json;

/** The machine-readable assessment: schema in docs/json-schema.md, same bytes for the same input. */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private JsonReport() {}

  public static String render(Assessment assessment) {
    try {
      return Json.prettyWriter(MAPPER).writeValueAsString(assessment) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the assessment as JSON", e);
    }
  }
}
