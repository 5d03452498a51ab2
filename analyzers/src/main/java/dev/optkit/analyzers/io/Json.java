package dev.optkit.analyzers.io;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** How optkit writes JSON files: two-space indentation and "\n" everywhere, whatever the platform. */
public final class Json {
  private Json() {}

  public static ObjectWriter prettyWriter(ObjectMapper mapper) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    return mapper.writer(printer);
  }
}
