package dev.optkit.agent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code out=FILE,sites=PREFIX;PREFIX}: where to write the counts at exit, and which packages are call sites. */
record AgentArguments(Path out, List<String> sitePrefixes) {

  static AgentArguments parse(String text) {
    Path out = null;
    List<String> sites = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      for (String part : text.split(",")) {
        int eq = part.indexOf('=');
        String key = eq < 0 ? part.strip() : part.substring(0, eq).strip();
        String value = eq < 0 ? "" : part.substring(eq + 1).strip();
        switch (key) {
          case "out" -> out = Path.of(value);
          case "sites" -> {
            for (String prefix : value.split(";")) {
              if (!prefix.isBlank()) {
                sites.add(prefix.strip());
              }
            }
          }
          default -> throw new IllegalArgumentException("unknown agent argument '" + key + "' (known: out, sites)");
        }
      }
    }
    return new AgentArguments(out, List.copyOf(sites));
  }
}
