package dev.optkit.analyzers.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.optkit.analyzers.catalog.ClientCatalog;
import dev.optkit.analyzers.catalog.ClientSignature;
import dev.optkit.analyzers.catalog.DeclaredClientSignature;
import dev.optkit.analyzers.findings.Severity;
import dev.optkit.analyzers.rules.RuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code .optkit.yml}: what to scan, which rules run at which severity, the savings model's
 * assumptions and additions to the client catalogue. Unknown keys are errors, not silently ignored.
 */
public record OptkitConfig(
    List<String> include,
    List<String> exclude,
    boolean includeTests,
    Map<String, RuleSettings> rules,
    Cacheable cacheable,
    Analysis analysis,
    SavingsSettings savings,
    List<ClientSignature> clients,
    List<DeclaredClientSignature> declaredClients) {

  public static final String FILE_NAME = ".optkit.yml";

  /** Per-rule switches. */
  public record RuleSettings(Boolean enabled, Severity severity) {
    @JsonCreator
    public static RuleSettings of(@JsonProperty("enabled") Boolean enabled, @JsonProperty("severity") String severity) {
      return new RuleSettings(enabled, severity == null ? null : Severity.parse(severity));
    }
  }

  /** Which method names raise a cacheable read's rank. */
  public record Cacheable(List<String> namePatterns) {
    public Cacheable {
      namePatterns = namePatterns == null ? RuleContext.DEFAULT_CACHEABLE_NAMES : List.copyOf(namePatterns);
    }
  }

  /** How far analysis follows calls inside the project. */
  public record Analysis(Integer callDepth) {
    public Analysis {
      if (callDepth != null && (callDepth < 0 || callDepth > 10)) {
        throw new IllegalArgumentException("analysis.callDepth must be between 0 and 10, was " + callDepth);
      }
    }

    public int depth() {
      return callDepth == null ? 3 : callDepth;
    }
  }

  @JsonCreator
  public OptkitConfig(
      @JsonProperty("include") List<String> include,
      @JsonProperty("exclude") List<String> exclude,
      @JsonProperty("includeTests") Boolean includeTests,
      @JsonProperty("rules") Map<String, RuleSettings> rules,
      @JsonProperty("cacheable") Cacheable cacheable,
      @JsonProperty("analysis") Analysis analysis,
      @JsonProperty("savings") SavingsSettings savings,
      @JsonProperty("clients") List<ClientSignature> clients,
      @JsonProperty("declaredClients") List<DeclaredClientSignature> declaredClients) {
    this(include == null ? List.of() : List.copyOf(include),
        exclude == null ? List.of() : List.copyOf(exclude),
        includeTests != null && includeTests,
        rules == null ? Map.of() : new TreeMap<>(rules),
        cacheable == null ? new Cacheable(null) : cacheable,
        analysis == null ? new Analysis(null) : analysis,
        savings == null ? SavingsSettings.defaults() : savings,
        clients == null ? List.of() : List.copyOf(clients),
        declaredClients == null ? List.of() : List.copyOf(declaredClients));
  }

  public static OptkitConfig defaults() {
    return new OptkitConfig(null, null, (Boolean) null, null, null, null, null, null, null);
  }

  public ClientCatalog catalog() {
    return ClientCatalog.withAdditions(new ClientCatalog.CatalogFile(clients, declaredClients));
  }

  public boolean ruleEnabled(String ruleId) {
    RuleSettings settings = rules.get(ruleId);
    return settings == null || settings.enabled() == null || settings.enabled();
  }

  public Severity severityOf(String ruleId, Severity computed) {
    RuleSettings settings = rules.get(ruleId);
    return settings == null || settings.severity() == null ? computed : settings.severity();
  }

  /** Reads a configuration file; every problem becomes a {@link ConfigException} naming key and line. */
  public static OptkitConfig load(Path file) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    String text = "";
    try {
      text = Files.readString(file);
      if (text.isBlank()) {
        return defaults();
      }
      OptkitConfig config = yaml.readValue(text, OptkitConfig.class);
      return config == null ? defaults() : config;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(file + ":" + keyLine(text, String.valueOf(e.getPropertyName()), e.getLocation())
          + ": unknown key '" + e.getPropertyName() + "' at "
          + path(e) + " (known keys: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
              .collect(Collectors.joining(", ")) + ")", e);
    } catch (JsonMappingException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
      throw new ConfigException(file + ":" + line(e.getLocation()) + ": bad value at " + path(e) + ": "
          + firstLine(reason), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ":" + line(e.getLocation()) + ": not valid YAML: " + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read configuration " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The line of the offending key: the YAML parser reports where it stopped, which can be the line
   * after the key, so look back for the key itself.
   */
  private static String keyLine(String text, String key, JsonLocation location) {
    String[] lines = text.split("\n", -1);
    int reported = location == null ? lines.length : Math.min(location.getLineNr(), lines.length);
    java.util.regex.Pattern keyPattern =
        java.util.regex.Pattern.compile("^\\s*(-\\s*)?" + java.util.regex.Pattern.quote(key) + "\\s*:");
    for (int line = reported; line >= 1; line--) {
      if (keyPattern.matcher(lines[line - 1]).find()) {
        return String.valueOf(line);
      }
    }
    return line(location);
  }

  private static String line(JsonLocation location) {
    return location == null ? "?" : String.valueOf(location.getLineNr());
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "(top level)" : path.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
