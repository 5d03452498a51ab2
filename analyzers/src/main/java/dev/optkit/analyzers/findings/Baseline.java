package dev.optkit.analyzers.findings;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optkit.analyzers.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Today's findings recorded by fingerprint, so later runs report and gate only new ones. Line
 * numbers are kept for people reading the file, never used for matching.
 */
@JsonPropertyOrder({"schemaVersion", "tool", "findings"})
public record Baseline(int schemaVersion, String tool, List<Entry> findings) {

  @JsonPropertyOrder({"fingerprint", "ruleId", "path", "line", "message"})
  public record Entry(String fingerprint, String ruleId, String path, int line, String message) {}

  /** New findings, and how many of the baseline's are still present or gone. */
  public record Comparison(List<Finding> fresh, int stillPresent, int gone) {}

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public static Baseline of(List<Finding> findings, String toolVersion) {
    List<Entry> entries = new ArrayList<>();
    for (Finding finding : findings) {
      entries.add(new Entry(finding.fingerprint(), finding.ruleId(), finding.path(), finding.line(), finding.message()));
    }
    entries.sort(Comparator.comparing(Entry::path).thenComparing(Entry::fingerprint));
    return new Baseline(1, "optkit " + toolVersion, List.copyOf(entries));
  }

  public Comparison compare(List<Finding> current) {
    Set<String> known = new HashSet<>();
    findings.forEach(e -> known.add(e.fingerprint()));
    Set<String> seen = new HashSet<>();
    List<Finding> fresh = new ArrayList<>();
    for (Finding finding : current) {
      if (known.contains(finding.fingerprint())) {
        seen.add(finding.fingerprint());
      } else {
        fresh.add(finding);
      }
    }
    return new Comparison(List.copyOf(fresh), seen.size(), known.size() - seen.size());
  }

  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, Json.prettyWriter(MAPPER).writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
  }

  public static Baseline read(Path file) throws IOException {
    Baseline baseline = MAPPER.readValue(file.toFile(), Baseline.class);
    if (baseline == null || baseline.findings() == null) {
      throw new IOException("not an optkit baseline: " + file);
    }
    return baseline;
  }
}
